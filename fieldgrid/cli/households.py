"""``fieldgrid households …``: the parser, and add, edit and delete (list and show: :mod:`.household_views`).

Phones and ID numbers are masked in every output unless ``--reveal`` is given.  Vocabulary values
(tags, residency, relation, sex) may be typed as codes or as their Chinese or English labels.
"""

from __future__ import annotations

import argparse
import re

from fieldgrid.cli.common import parse_int, split_list, to_code
from fieldgrid.cli.exits import EXIT_OK, BadFields, InputError, out
from fieldgrid.cli.household_views import NONE, cmd_list, cmd_show, find_household, tag_codes, tag_codes_of
from fieldgrid.cli.moves import confirm_namesakes, yes_option
from fieldgrid.i18n import t
from fieldgrid.model import Household, Member, ValidationError, ValidationErrors
from fieldgrid.model.vocabulary import RELATIONS, RESIDENCY, SEXES
from fieldgrid.store import Store

# -- the parser ----------------------------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser(
        "households", parents=[common], help=t("cli.help.households"), description=t("cli.help.households")
    )
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    p = actions.add_parser("list", parents=[common], help=t("cli.help.hh_list"), description=t("cli.help.hh_list"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=t("cli.help.json"))
    fmt.add_argument("--csv", action="store_true", help=t("cli.help.csv"))
    p.add_argument("--reveal", action="store_true", help=t("cli.help.reveal"))
    p.add_argument("--tag", action="append", metavar="TAG", help=t("cli.help.list_tag"))
    p.add_argument("--search", metavar="TEXT", help=t("cli.help.search"))
    p.add_argument("--all", action="store_true", help=t("cli.help.list_all"))
    p.set_defaults(handler=cmd_list, read_only=True)

    p = actions.add_parser("show", parents=[common], help=t("cli.help.hh_show"), description=t("cli.help.hh_show"))
    p.add_argument("id", metavar="ID", help=t("cli.help.id"))
    p.add_argument("--reveal", action="store_true", help=t("cli.help.reveal"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.add_argument("--all", action="store_true", help=t("cli.help.show_all"))
    p.set_defaults(handler=cmd_show, read_only=True)

    p = actions.add_parser(
        "add", parents=[common], help=t("cli.help.hh_add"), description=t("cli.help.hh_add_description")
    )
    p.add_argument("--room", required=True, metavar="ROOM", help=t("cli.help.room"))
    household_options(p, edit=False)
    yes_option(p)
    p.set_defaults(handler=cmd_add)

    p = actions.add_parser(
        "edit", parents=[common], help=t("cli.help.hh_edit"), description=t("cli.help.hh_edit_description")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.id"))
    p.add_argument("--room", metavar="ROOM", help=t("cli.help.room"))
    household_options(p, edit=True)
    yes_option(p)
    p.set_defaults(handler=cmd_edit)

    p = actions.add_parser(
        "delete", parents=[common], help=t("cli.help.hh_delete"), description=t("cli.help.hh_delete")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.id"))
    p.set_defaults(handler=cmd_delete)
    from fieldgrid.cli import moves, roster

    roster.register(actions, common)
    moves.register(actions, common)


def household_options(p: argparse.ArgumentParser, *, edit: bool) -> None:
    p.add_argument("--head", metavar="NAME", help=t("cli.help.head"))
    p.add_argument("--sex", metavar="SEX", help=t("cli.help.sex"))
    p.add_argument("--birth-year", metavar="YEAR", help=t("cli.help.birth_year"))
    p.add_argument("--id-number", metavar="ID_NUMBER", help=t("cli.help.id_number"))
    p.add_argument(
        "--phone",
        action="append",
        metavar="PHONE",
        help=t("cli.help.phone_edit" if edit else "cli.help.phone"),
    )
    p.add_argument("--residency", metavar="RESIDENCY", help=t("cli.help.residency"))
    p.add_argument("--tag", action="append", metavar="TAG", help=t("cli.help.tag_edit" if edit else "cli.help.tag"))
    if edit:
        p.add_argument("--add-tag", action="append", metavar="TAG", help=t("cli.help.add_tag"))
        p.add_argument("--remove-tag", action="append", metavar="TAG", help=t("cli.help.remove_tag"))
    p.add_argument("--building", metavar="TEXT", help=t("cli.help.building"))
    p.add_argument("--unit", metavar="TEXT", help=t("cli.help.unit"))
    p.add_argument("--floor", metavar="NUMBER", help=t("cli.help.floor"))
    p.add_argument("--emergency-name", metavar="NAME", help=t("cli.help.emergency_name"))
    p.add_argument("--emergency-phone", metavar="PHONE", help=t("cli.help.emergency_phone"))
    p.add_argument("--note", metavar="TEXT", help=t("cli.help.note"))
    p.add_argument("--place-name", metavar="NAME", help=t("cli.help.place_name"))
    p.add_argument("--credit-code", metavar="CODE", help=t("cli.help.credit_code"))
    p.add_argument("--staff", metavar="N", help=t("cli.help.staff"))
    p.add_argument("--security-officer", metavar="NAME", help=t("cli.help.security_officer"))
    p.add_argument("--security-phone", metavar="PHONE", help=t("cli.help.security_phone"))
    p.add_argument(
        "--member",
        action="append",
        metavar="MEMBER",
        help=t("cli.help.member_edit" if edit else "cli.help.member"),
    )
    if edit:
        p.add_argument("--add-member", action="append", metavar="MEMBER", help=t("cli.help.add_member"))
        p.add_argument("--remove-member", action="append", metavar="NAME", help=t("cli.help.remove_member"))


# -- typed values ---------------------------------------------------------------------------------------------

_MEMBER_KEYS = {
    "sex": "sex",
    "性别": "sex",
    "born": "birth_year",
    "birth_year": "birth_year",
    "birth-year": "birth_year",
    "出生": "birth_year",
    "出生年份": "birth_year",
    "phone": "phone",
    "电话": "phone",
    "id": "id_number",
    "id_number": "id_number",
    "id-number": "id_number",
    "身份证": "id_number",
    "身份证号": "id_number",
}


def parse_member(spec: str) -> Member:
    """``NAME:RELATION[:PHONE[:ID]]``, and ``key=value`` parts for the rest:
    ``李四:配偶:sex=女:born=1962:phone=13800138000:id=510129…``."""
    parts = [part.strip() for part in re.split(r"[:：]", spec)]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise InputError("cli.error.member_spec", spec=spec)
    values: dict[str, str] = {}
    positional = iter(("phone", "id_number"))
    for part in parts[2:]:
        if not part:
            next(positional, None)  # an empty slot: ``李四:子女::5101…`` skips the phone
            continue
        key, eq, value = part.partition("=")
        if eq:
            field = _MEMBER_KEYS.get(key.strip().lower())
            if field is None:
                raise InputError("cli.error.member_key", spec=spec, key=key.strip())
        else:
            field = next(positional, None)
            value = part
            if field is None:
                raise InputError("cli.error.member_spec", spec=spec)
        values[field] = value.strip()
    sex = values.get("sex")
    return Member(
        name=parts[0],
        relation=to_code("relation", parts[1], RELATIONS),
        sex=to_code("sex", sex, SEXES) if sex else None,
        birth_year=parse_int(values.get("birth_year"), "--member born=", digits=4),
        phone=values.get("phone") or None,
        id_number=values.get("id_number") or None,
    )


def _optional(text: str | None) -> str | None:
    """``None`` for a blank value (blank clears a field in ``edit``)."""
    if text is None:
        return None
    return text.strip() or None


def _save(store: Store, household: Household, *, new: bool) -> Household:
    try:
        return store.add_household(household) if new else store.update_household(household)
    except ValidationErrors as exc:
        raise BadFields(exc.errors, household.members) from None


# -- add / edit / delete ------------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace, store: Store) -> int:
    household = household_from_args(args, store, room=args.room)
    confirm_namesakes(store, household, args.yes)
    clean = _save(store, household, new=True)
    out(clean.id)
    return EXIT_OK


def household_from_args(args: argparse.Namespace, store: Store, *, room: str) -> Household:
    """The household ``add`` and ``move-in`` describe."""
    codes = tag_codes(store)
    members: list[Member] = []
    if args.head:
        members.append(
            Member(
                name=args.head,
                relation="self",
                sex=to_code("sex", args.sex, SEXES) if args.sex else None,
                birth_year=parse_int(args.birth_year, "--birth-year", digits=4),
                id_number=_optional(args.id_number),
            )
        )
    elif args.sex or args.birth_year or args.id_number:
        raise BadFields([ValidationError("head", "cli.error.head_needed")])
    members.extend(parse_member(spec) for spec in args.member or [])
    return Household(
        room=room,
        members=members,
        building=args.building or "",
        unit=args.unit or "",
        floor=parse_int(args.floor, "--floor"),
        phones=split_list(args.phone),
        residency=to_code("residency", args.residency, RESIDENCY) if args.residency else "resident",
        tags=tag_codes_of(args.tag, codes),
        emergency_name=args.emergency_name or "",
        emergency_phone=_optional(args.emergency_phone),
        notes=args.note or "",
        place=_place_changes({}, args),
    )


_PLACE_OPTIONS = {"place_name": "name", "credit_code": "credit_code", "staff": "staff",
                  "security_officer": "security_officer", "security_phone": "security_phone"}  # fmt: skip


def _place_changes(place: dict[str, object], args: argparse.Namespace) -> dict[str, object]:
    """The place (a village household's name, a shop's licence and staff, an institution's security officer)
    with what the options say; an empty value clears one."""
    place = dict(place)
    for option, key in _PLACE_OPTIONS.items():
        value = getattr(args, option)
        if value is None:
            continue
        if not value.strip():
            place.pop(key, None)
        else:
            place[key] = parse_int(value, "--staff") if key == "staff" else value
    return place


def _edit_head(household: Household, args: argparse.Namespace) -> bool:
    if all(v is None for v in (args.head, args.sex, args.birth_year, args.id_number)):
        return False
    head = household.head
    if head is None:
        if not (args.head or "").strip():
            raise BadFields([ValidationError("head", "cli.error.head_needed")], household.members)
        head = Member(name=args.head, relation="self")
        household.members.insert(0, head)
    if args.head is not None:
        head.name = args.head
    if args.sex is not None:
        head.sex = to_code("sex", args.sex, SEXES) if args.sex.strip() else None
    if args.birth_year is not None:
        head.birth_year = parse_int(args.birth_year, "--birth-year", digits=4)
    if args.id_number is not None:
        head.id_number = _optional(args.id_number)
    return True


def _edit_members(household: Household, args: argparse.Namespace) -> bool:
    if args.member is None and args.add_member is None and args.remove_member is None:
        return False
    members = household.members
    if args.member is not None:
        # The non-head members are replaced; a member who keeps their name keeps their record id.
        old_by_name = {m.name: m for m in members if not m.is_head}
        replaced = [parse_member(spec) for spec in args.member]
        for member in replaced:
            if member.name in old_by_name:
                member.id = old_by_name.pop(member.name).id
        members = [m for m in members if m.is_head] + replaced
    members = members + [parse_member(spec) for spec in args.add_member or []]
    for name in args.remove_member or []:
        found = [m for m in members if m.name == name.strip()]
        if not found:
            raise InputError("cli.error.member_unknown", name=name)
        if any(m.is_head for m in found):
            raise InputError("cli.error.member_is_head", name=name)
        members = [m for m in members if m.name != name.strip()]
    household.members = members
    return True


def cmd_edit(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.id)
    codes = tag_codes(store)
    changed = _edit_head(household, args)
    changed = _edit_members(household, args) or changed
    simple = {
        "room": args.room,
        "building": args.building,
        "unit": args.unit,
        "emergency_name": args.emergency_name,
        "notes": args.note,
    }
    for field, value in simple.items():
        if value is not None:
            setattr(household, field, value)
            changed = True
    if args.floor is not None:
        household.floor = parse_int(args.floor, "--floor")
        changed = True
    if any(getattr(args, option) is not None for option in _PLACE_OPTIONS):
        household.place = _place_changes(household.place, args)
        changed = True
    if args.emergency_phone is not None:
        household.emergency_phone = _optional(args.emergency_phone)
        changed = True
    if args.phone is not None:
        household.phones = split_list(args.phone)
        changed = True
    if args.residency is not None:
        household.residency = to_code("residency", args.residency, RESIDENCY)
        changed = True
    if args.tag is not None:
        household.tags = tag_codes_of(args.tag, codes)
        changed = True
    for tag in tag_codes_of(args.add_tag, codes):
        if tag not in household.tags:
            household.tags.append(tag)
        changed = True
    for tag in tag_codes_of(args.remove_tag, codes):
        household.tags = [t_ for t_ in household.tags if t_ != tag]
        changed = True
    if not changed:
        raise InputError("cli.error.nothing_to_change")
    confirm_namesakes(store, household, args.yes)
    clean = _save(store, household, new=False)
    out(t("cli.edit.done", room=clean.room, id=clean.id))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, store: Store) -> int:
    gone = store.delete_household(find_household(store, args.id).id)
    out(t("cli.delete.done", room=gone.room, head=gone.head_name or NONE, id=gone.id))
    return EXIT_OK
