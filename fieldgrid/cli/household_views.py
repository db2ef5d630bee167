"""``fieldgrid households list|show``: the roster as a table, JSON or CSV, and one household in full.

Phones and ID numbers are masked unless ``--reveal`` is given.  Also the look-ups the other household
commands share: a household by room or id, tags typed as codes or labels.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from fieldgrid.cli.common import split_list, table, to_code
from fieldgrid.cli.exits import EXIT_OK, BadFields, out
from fieldgrid.i18n import label, t
from fieldgrid.model import Household, Member, ValidationError
from fieldgrid.model.masking import show_id_number, show_phone
from fieldgrid.model.moves import on_the_map
from fieldgrid.model.places import address, place_name, room_of
from fieldgrid.model.profile import unit_title
from fieldgrid.model.vocabulary import TAGS
from fieldgrid.store import Store

NONE = "—"


# -- look-ups ---------------------------------------------------------------------------------------------------


def tag_codes(store: Store) -> list[str]:
    """The tags a leader may give: the built-in ones, the installed scenario packs', the leader's own."""
    profile = store.profile()
    return [*TAGS, *store.vocabulary().tags, *(profile.extra_tags if profile else [])]


def tag_codes_of(values: list[str] | None, codes: list[str]) -> list[str]:
    return [to_code("tag", text, codes) for text in split_list(values)]


def find_household(store: Store, ident: str) -> Household:
    """By full id, else by room number (``0601``, when one household has it) or ``UNIT:ROOM`` as the station
    names it (``6栋3单元:0601``), else by unique id prefix."""
    wanted = ident.strip()
    households = store.households()
    for household in households:
        if household.id == wanted:
            return household
    profile = store.profile()
    room_typed = room_of(wanted, profile.grid_kind) if profile else wanted  # 3组15号 → 3-15, 12号 → 12
    place, sep, room = wanted.replace("：", ":").rpartition(":")
    by_room = [h for h in households if wanted in (h.room, f"{h.building}{h.unit}{h.room}") or room_typed == h.room
               or (sep and room.strip() == h.room and f"{h.building}{h.unit}".endswith(place.strip()))]  # fmt: skip
    if len(by_room) > 1 and len({(h.building, h.unit, h.room) for h in by_room}) == 1:
        by_room = on_the_map(by_room)  # the flat's households over time: the one there now, else the last to end
    if len(by_room) == 1:
        return by_room[0]
    by_name = [h for h in households if not h.is_ended and place_name(h.place) == wanted]  # 王家院子, a shop's name
    if len(by_name) == 1:
        return by_name[0]
    return store.household(wanted)


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
        "residency": member.residency,
        "ended_on": member.ended_on,
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
        "ended_on": household.ended_on,
        "moved_to": household.moved_to,
        "members": [member_json(m, reveal) for m in household.members],
        **({"place": place_json(household.place, reveal)} if household.place else {}),
    }


def place_json(place: dict[str, Any], reveal: bool) -> dict[str, Any]:
    """A village household's, a shop's or an institution's own facts; the security officer's phone masked."""
    return {k: (_phone(v, reveal, raw=True) if k == "security_phone" else v) for k, v in place.items()}


def place_facts(place: dict[str, Any], reveal: bool) -> list[tuple[str, str]]:
    """The place's facts as rows of the household's page: 名称, 统一社会信用代码, 从业人数, 安全员 …"""
    rows = []
    for key in ("name", "credit_code", "staff", "security_officer", "security_phone"):
        if place.get(key) not in (None, ""):
            value = _phone(place[key], reveal) if key == "security_phone" else str(place[key])
            rows.append((t(f"cli.field.place.{key}"), value or NONE))
    return rows


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
    if not args.all:  # households that moved out or died are history: ``--all`` lists them too
        households = [h for h in households if not h.is_ended]
    if args.tag:
        codes = tag_codes(store)
        wanted = tag_codes_of(args.tag, codes)
        unknown = [tag for tag in wanted if tag not in codes]
        if unknown:
            raise BadFields([ValidationError("tags", "error.tag.unknown", value=tag) for tag in unknown])
        households = [h for h in households if set(wanted).issubset(h.tags)]
    if args.search:
        from fieldgrid.roster.search import SearchIndex  # pypinyin is imported only when a search is asked for

        households = SearchIndex(households).filter(args.search)
    if args.reveal:  # on record before anything is shown
        store.log_disclosure("reveal", "households_list", sum(len(h.members) for h in households),
                             target=str(len(households)))  # fmt: skip
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
    kind = store.grid_kind()
    rows = [
        [
            h.id[:8],
            address(h.room, h.place, kind),  # a village's 3组15号, a street's 12号: as typed, not as stored
            h.head_name or NONE,
            str(len(h.living)),
            label("residency", h.residency),
            show_phone(h.all_phones[0], args.reveal) if h.all_phones else NONE,
            _tag_labels(h.tags),
        ]
        for h in households
    ]
    for line in table(headers, rows):
        out(line)
    out(t("cli.list.total", households=len(households), people=sum(len(h.living) for h in households)))
    return EXIT_OK


def household_lines(household: Household, reveal: bool) -> list[str]:
    h = household
    where = unit_title("", h.building, h.unit)
    floor = t("cli.show.floor", floor=h.floor) if h.floor is not None else ""
    title = "  ".join(p for p in (h.room, where, floor) if p)
    phones = ", ".join(show_phone(p, reveal) for p in h.phones) or NONE
    emergency = " ".join(p for p in (h.emergency_name, _phone(h.emergency_phone, reveal) or "") if p) or NONE
    facts = [
        (t("cli.col.id"), h.id),
        (t("cli.col.residency"), label("residency", h.residency) + _ending(h)),
        (t("cli.col.tags"), _tag_labels(h.tags)),
        (t("cli.col.phone"), phones),
        (t("cli.col.emergency"), emergency),
        (t("cli.col.notes"), h.notes or NONE),
        *place_facts(h.place, reveal),
    ]
    lines = [title, *table(["", ""], facts, indent="  ")[1:]]
    lines.append("")
    lines.append(t("cli.show.members", count=len(h.members)))
    if h.members:
        headers = [t(f"cli.col.{c}") for c in ("relation", "name", "sex", "birth_year", "phone", "id_number")]
        rows = [
            [
                label("relation", m.relation),
                m.name + (f"（{label('residency', m.residency)} {m.ended_on or ''}）".replace(" ）", "）")
                          if m.residency else ""),
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


def _ending(h: Household) -> str:
    """`` 2026-11-20 → 成都市武侯区`` after an ended residency: since when, and where to."""
    parts = [h.ended_on or "", f"→ {h.moved_to}" if h.moved_to else ""]
    text = " ".join(p for p in parts if p)
    return f"  {text}" if text else ""


def flat_history(store: Store, household: Household) -> list[Household]:
    """Every household that has held ``household``'s flat, the one there now first, then the latest to end."""
    place = (household.building, household.unit, household.room)
    found = [h for h in store.households() if (h.building, h.unit, h.room) == place]
    ended = sorted((h for h in found if h.is_ended), key=lambda h: h.ended_on or "", reverse=True)
    return [h for h in found if not h.is_ended] + ended


def cmd_show(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.id)
    if args.all:
        return _show_history(args, store, household)
    if args.reveal:  # on record before anything is shown
        store.log_disclosure("reveal", "household_show", len(household.members), target=household.room)
    if args.json:
        out(json.dumps(household_json(household, args.reveal), ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in household_lines(household, args.reveal):
        out(line)
    return EXIT_OK


def _show_history(args: argparse.Namespace, store: Store, household: Household) -> int:
    """``show ROOM --all``: the household there now and every one that lived in the flat before it."""
    history = flat_history(store, household)
    if args.reveal:
        store.log_disclosure("reveal", "household_show", sum(len(h.members) for h in history), target=household.room)
    if args.json:
        out(json.dumps([household_json(h, args.reveal) for h in history], ensure_ascii=False, indent=2))
        return EXIT_OK
    for n, h in enumerate(history):
        if n:
            out("")
            out(t("cli.show.before"))
        for line in household_lines(h, args.reveal):
            out(line)
    return EXIT_OK
