"""``fieldgrid households list|show|add|edit|delete``: the roster from a script or a shell.

Phones and ID numbers are masked in every output unless ``--reveal`` is given.  Vocabulary values
(tags, residency, relation, sex) may be typed as codes or as their Chinese or English labels.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from typing import Any

from ..i18n import label, t
from ..model import Household, Member, ValidationError, ValidationErrors
from ..model.masking import show_id_number, show_phone
from ..model.vocabulary import RELATIONS, RESIDENCY, SEXES, TAGS
from ..store import Store
from .common import (
    EXIT_OK,
    BadFields,
    InputError,
    out,
    parse_int,
    split_list,
    table,
    to_code,
)

NONE = "—"


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
    p.set_defaults(handler=cmd_list)

    p = actions.add_parser("show", parents=[common], help=t("cli.help.hh_show"), description=t("cli.help.hh_show"))
    p.add_argument("id", metavar="ID", help=t("cli.help.id"))
    p.add_argument("--reveal", action="store_true", help=t("cli.help.reveal"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_show)

    p = actions.add_parser(
        "add", parents=[common], help=t("cli.help.hh_add"), description=t("cli.help.hh_add_description")
    )
    p.add_argument("--room", required=True, metavar="ROOM", help=t("cli.help.room"))
    _household_options(p, edit=False)
    p.set_defaults(handler=cmd_add)

    p = actions.add_parser(
        "edit", parents=[common], help=t("cli.help.hh_edit"), description=t("cli.help.hh_edit_description")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.id"))
    p.add_argument("--room", metavar="ROOM", help=t("cli.help.room"))
    _household_options(p, edit=True)
    p.set_defaults(handler=cmd_edit)

    p = actions.add_parser(
        "delete", parents=[common], help=t("cli.help.hh_delete"), description=t("cli.help.hh_delete")
    )
    p.add_argument("id", metavar="ID", help=t("cli.help.id"))
    p.set_defaults(handler=cmd_delete)


def _household_options(p: argparse.ArgumentParser, *, edit: bool) -> None:
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


def _tag_codes(store: Store) -> list[str]:
    profile = store.profile()
    return [*TAGS, *(profile.extra_tags if profile else [])]


def _tags(values: list[str] | None, codes: list[str]) -> list[str]:
    return [to_code("tag", text, codes) for text in split_list(values)]


def _optional(text: str | None) -> str | None:
    """``None`` for a blank value (blank clears a field in ``edit``)."""
    if text is None:
        return None
    return text.strip() or None


def find_household(store: Store, ident: str) -> Household:
    """By full id, else by room number (``0601``, when one household has it), else by unique id prefix."""
    wanted = ident.strip()
    households = store.households()
    for household in households:
        if household.id == wanted:
            return household
    by_room = [h for h in households if wanted in (h.room, f"{h.building}{h.unit}{h.room}")]
    if len(by_room) == 1:
        return by_room[0]
    return store.household(wanted)


def _save(store: Store, household: Household, *, new: bool) -> Household:
    try:
        return store.add_household(household) if new else store.update_household(household)
    except ValidationErrors as exc:
        raise BadFields(exc.errors, household.members) from None


# -- add / edit / delete ------------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace, store: Store) -> int:
    codes = _tag_codes(store)
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
    household = Household(
        room=args.room,
        members=members,
        building=args.building or "",
        unit=args.unit or "",
        floor=parse_int(args.floor, "--floor"),
        phones=split_list(args.phone),
        residency=to_code("residency", args.residency, RESIDENCY) if args.residency else "resident",
        tags=_tags(args.tag, codes),
        emergency_name=args.emergency_name or "",
        emergency_phone=_optional(args.emergency_phone),
        notes=args.note or "",
    )
    clean = _save(store, household, new=True)
    out(clean.id)
    return EXIT_OK


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
    codes = _tag_codes(store)
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
        household.tags = _tags(args.tag, codes)
        changed = True
    for tag in _tags(args.add_tag, codes):
        if tag not in household.tags:
            household.tags.append(tag)
        changed = True
    for tag in _tags(args.remove_tag, codes):
        household.tags = [t_ for t_ in household.tags if t_ != tag]
        changed = True
    if not changed:
        raise InputError("cli.error.nothing_to_change")
    clean = _save(store, household, new=False)
    out(t("cli.edit.done", room=clean.room, id=clean.id))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, store: Store) -> int:
    gone = store.delete_household(find_household(store, args.id).id)
    out(t("cli.delete.done", room=gone.room, head=gone.head_name or NONE, id=gone.id))
    return EXIT_OK


# -- list / show ------------------------------------------------------------------------------------------------


def _phone(value: str | None, reveal: bool, *, raw: bool = False) -> str | None:
    if not value:
        return None
    return value if raw and reveal else show_phone(value, reveal)


def member_json(member: Member, reveal: bool) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "relation": member.relation,
        "sex": member.sex,
        "birth_year": member.birth_year,
        "phone": _phone(member.phone, reveal, raw=True),
        "id_number": show_id_number(member.id_number, reveal) if member.id_number else None,
    }


def household_json(household: Household, reveal: bool) -> dict[str, Any]:
    """The JSON form: codes for vocabulary values; with ``reveal`` phones in their stored E.164 form."""
    return {
        "id": household.id,
        "building": household.building,
        "unit": household.unit,
        "floor": household.floor,
        "room": household.room,
        "residency": household.residency,
        "head": household.head_name,
        "phones": [_phone(p, reveal, raw=True) for p in household.phones],
        "tags": list(household.tags),
        "emergency_name": household.emergency_name,
        "emergency_phone": _phone(household.emergency_phone, reveal, raw=True),
        "notes": household.notes,
        "members": [member_json(m, reveal) for m in household.members],
    }


CSV_COLUMNS = (
    "id",
    "building",
    "unit",
    "floor",
    "room",
    "residency",
    "head",
    "members",
    "member_names",
    "phones",
    "tags",
    "emergency_name",
    "emergency_phone",
    "notes",
)


def _csv_row(household: Household, reveal: bool) -> list[str]:
    return [
        household.id,
        household.building,
        household.unit,
        "" if household.floor is None else str(household.floor),
        household.room,
        household.residency,
        household.head_name,
        str(len(household.members)),
        ";".join(m.name for m in household.members),
        ";".join(_phone(p, reveal, raw=True) or "" for p in household.all_phones),
        ";".join(household.tags),
        household.emergency_name,
        _phone(household.emergency_phone, reveal, raw=True) or "",
        household.notes,
    ]


def _tag_labels(tags: list[str]) -> str:
    return "、".join(label("tag", tag) for tag in tags) or NONE


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    households = store.households()
    if args.tag:
        codes = _tag_codes(store)
        wanted = _tags(args.tag, codes)
        unknown = [tag for tag in wanted if tag not in codes]
        if unknown:
            raise BadFields([ValidationError("tags", "error.tag.unknown", value=tag) for tag in unknown])
        households = [h for h in households if set(wanted).issubset(h.tags)]
    if args.search:
        from ..search import SearchIndex  # pypinyin is imported only when a search is asked for

        households = SearchIndex(households).filter(args.search)
    if args.json:
        out(json.dumps([household_json(h, args.reveal) for h in households], ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_csv_row(h, args.reveal) for h in households)
        return EXIT_OK
    if not households:
        out(t("cli.list.empty"))
        return EXIT_OK
    headers = [t(f"cli.col.{c}") for c in ("id", "room", "head", "people", "residency", "phone", "tags")]
    rows = [
        [
            h.id[:8],
            h.room,
            h.head_name or NONE,
            str(len(h.members)),
            label("residency", h.residency),
            _phone(h.all_phones[0], args.reveal) if h.all_phones else NONE,
            _tag_labels(h.tags),
        ]
        for h in households
    ]
    for line in table(headers, rows):
        out(line)
    out(t("cli.list.total", households=len(households), people=sum(len(h.members) for h in households)))
    return EXIT_OK


def household_lines(household: Household, reveal: bool) -> list[str]:
    h = household
    where = "".join(p for p in (h.building, h.unit) if p)
    floor = t("cli.show.floor", floor=h.floor) if h.floor is not None else ""
    title = "  ".join(p for p in (h.room, where, floor) if p)
    phones = ", ".join(show_phone(p, reveal) for p in h.phones) or NONE
    emergency = " ".join(p for p in (h.emergency_name, _phone(h.emergency_phone, reveal) or "") if p) or NONE
    facts = [
        (t("cli.col.id"), h.id),
        (t("cli.col.residency"), label("residency", h.residency)),
        (t("cli.col.tags"), _tag_labels(h.tags)),
        (t("cli.col.phone"), phones),
        (t("cli.col.emergency"), emergency),
        (t("cli.col.notes"), h.notes or NONE),
    ]
    lines = [title, *table(["", ""], facts, indent="  ")[1:]]
    lines.append("")
    lines.append(t("cli.show.members", count=len(h.members)))
    if h.members:
        headers = [t(f"cli.col.{c}") for c in ("relation", "name", "sex", "birth_year", "phone", "id_number")]
        rows = [
            [
                label("relation", m.relation),
                m.name,
                label("sex", m.sex) if m.sex else NONE,
                str(m.birth_year) if m.birth_year else NONE,
                _phone(m.phone, reveal) or NONE,
                show_id_number(m.id_number, reveal) if m.id_number else NONE,
            ]
            for m in h.members
        ]
        lines.extend(table(headers, rows, indent="  "))
    if not reveal and (h.all_phones or any(m.id_number for m in h.members) or h.emergency_phone):
        lines.append("")
        lines.append(t("cli.show.masked_hint"))
    return lines


def cmd_show(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.id)
    if args.json:
        out(json.dumps(household_json(household, args.reveal), ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in household_lines(household, args.reveal):
        out(line)
    return EXIT_OK
