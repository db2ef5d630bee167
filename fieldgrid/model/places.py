"""Grid kinds (网格类型) and the places of each: what a "household" of a micro-grid is and how it is addressed.

- ``stairwell`` — flats of one stairwell, by room (``0601``): floor and room, as ever;
- ``village`` (散居林盘) — households by village group and house number (``斜江村3组15号``), with an optional
  name (``王家院子``); the room is ``GROUP-NUMBER`` (``3-15``) and the floor is the group, so every list, search,
  visit and problem names a village household as it names a flat;
- ``shops`` (个体工商户) — each place a shop with its name, owner (the household's head), phone (the household's),
  unified social credit code (:mod:`fieldgrid.model.credit_code`), staff count and street number (the room);
- ``institution`` (机关企事业单位) — units with a contact person (the head) and a security officer.

The extra facts live in the household document's optional ``place`` object (an older app keeps it as it came:
fields it does not know are kept).  Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from fieldgrid.model.credit_code import normalize_credit_code
from fieldgrid.model.errors import ValidationError
from fieldgrid.model.validation import control_errors, fold_width, normalize_phone

STAIRWELL, VILLAGE, SHOPS, INSTITUTION = "stairwell", "village", "shops", "institution"
GRID_KINDS: tuple[str, ...] = (STAIRWELL, VILLAGE, SHOPS, INSTITUTION)

# 3组15号, 3组15, 3-15, 三组? (digits only): the group and the house number of a village household
_VILLAGE_RE = re.compile(r"^(\d{1,3})\s*(?:组|-)\s*(\d{1,4})\s*号?$")
# 12号, 12-1号, 12: a street number
_STREET_RE = re.compile(r"^(\d{1,5})(?:-(\d{1,3}))?\s*号?$")
PLACE_KEYS: dict[str, tuple[str, ...]] = {
    VILLAGE: ("group", "number", "name"),
    SHOPS: ("name", "credit_code", "staff"),
    INSTITUTION: ("name", "security_officer", "security_phone"),
}
MAX_NAME = 40
KIND_KEY, AREA_KEY = "grid_kind", "area"  # what a bundle's grid (and the station's device record) adds to the path


def village_room(group: int, number: int) -> str:
    return f"{group}-{number}"


def room_of(text: str, grid_kind: str) -> str:
    """What a leader typed to name a place, as the room it is stored under: ``3组15号`` → ``3-15`` in a village,
    ``12号`` → ``12`` on a shop street; anything else (and every stairwell room) as typed."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if grid_kind == VILLAGE and (m := _VILLAGE_RE.match(folded)):
        return village_room(int(m.group(1)), int(m.group(2)))
    if grid_kind == SHOPS and (m := _STREET_RE.match(folded)):
        return m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
    return text


def village_parts(room: str) -> tuple[int, int] | None:
    """``3-15`` → (3, 15); None for a room that is not a village address."""
    m = _VILLAGE_RE.match(room)
    return (int(m.group(1)), int(m.group(2))) if m else None


def street_order(room: str) -> tuple[int, int, str]:
    """How a street's numbers sort: 2 before 10, 12 before 12-1."""
    m = _STREET_RE.match(room)
    if not m:
        return (10**6, 0, room)
    return (int(m.group(1)), int(m.group(2) or 0), room)


def address(room: str, place: Mapping[str, Any] | None, grid_kind: str, area: str = "") -> str:
    """How a place is addressed where it is written out (reports, cards, the household's page):
    ``斜江村3组15号`` (``area`` the village), ``12号``, a stairwell's room as it is."""
    if grid_kind == VILLAGE and (parts := village_parts(room)):
        return f"{area}{parts[0]}组{parts[1]}号"
    if grid_kind == SHOPS and _STREET_RE.match(room):
        return f"{area}{room}号"
    return room


def place_label(room: str, place: Mapping[str, Any] | None, grid_kind: str, area: str = "") -> str:
    """A place as a list or a report names it: its :func:`address` and, but in a stairwell, its own name
    (``斜江村3组15号 王家院子``, ``12号 老王面馆``, ``A01 晋原小学``)."""
    where = address(room, place, grid_kind, area)
    name = place_name(place) if grid_kind != STAIRWELL else ""
    return f"{where} {name}" if name else where


def household_label(doc: Mapping[str, Any], grid: Mapping[str, str]) -> str:
    """A stored household (its document) as a list names it in its unit's grid kind: ``斜江村3组15号 王家院子``,
    ``文化路12号 老王面馆``, a stairwell's ``0601``."""
    kind = kind_of(grid)
    place = doc.get("place")
    kept = place if isinstance(place, Mapping) else None
    return place_label(str(doc.get("room", "")), kept, kind, area_of(grid, kind))


def area_of(grid: Mapping[str, str], grid_kind: str) -> str:
    """What a place's address starts with, from the unit's grid path: a village's name (its compound, else its
    community: ``斜江村``), a shop street's name (its compound: ``文化路``); nothing for the other kinds."""
    if grid_kind == VILLAGE:
        return str(grid.get("compound") or grid.get("community") or "")
    if grid_kind == SHOPS:
        return str(grid.get("compound") or "")
    return ""


def kind_of(grid: Mapping[str, str]) -> str:
    """The grid kind a grid path (a bundle's ``grid``, a station's device record) names; none, or one this
    version does not know, is a stairwell (what every grid was before grid kinds)."""
    kind = str(grid.get(KIND_KEY) or STAIRWELL)
    return kind if kind in GRID_KINDS else STAIRWELL


def place_order(room: str, grid_kind: str) -> tuple[int, int, str]:
    """How a list sorts places in natural order: a village's by group then number (3-2 before 3-11), a street's
    and an institution's numbers as numbers (2 before 10, 12 before 12-1), a stairwell's rooms as text (floors
    as ever: ``0601`` before ``1201``)."""
    if grid_kind == VILLAGE and (parts := village_parts(room)):
        return (parts[0], parts[1], room)
    if grid_kind == VILLAGE:
        return (10**6, 0, room)
    if grid_kind == SHOPS:
        return street_order(room)
    if grid_kind == INSTITUTION:  # numbers as numbers, whatever comes before them: A2 before A10, 2 before 10
        return (0, 0, numbers_as_numbers(room))
    return (0, 0, room)


def numbers_as_numbers(text: str) -> str:
    """``text`` as it sorts with its numbers read as numbers: A2 before A10, 街道2 before 街道10."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), text)


def place_name(place: Mapping[str, Any] | None) -> str:
    """The place's own name (王家院子, 老王面馆, 晋原小学) or ``""``."""
    return str((place or {}).get("name") or "")


def validate_place(
    place: Mapping[str, Any] | None, grid_kind: str, room: str
) -> tuple[dict[str, Any], list[ValidationError]]:
    """The place in its stored form for ``grid_kind`` (only the keys of that kind, empty ones dropped) and every
    error, each naming ``place.KEY`` (or ``room`` when a village room is no group and number)."""
    errors: list[ValidationError] = []
    raw = dict(place or {})
    out: dict[str, Any] = {}
    if grid_kind == STAIRWELL:
        return {k: v for k, v in raw.items() if v not in (None, "")}, errors
    texts = {k: v for k, v in raw.items() if isinstance(v, str)}
    errors.extend(e.at("place") for e in control_errors(**texts))
    name = fold_width(str(raw.get("name") or ""))
    if len(name) > MAX_NAME:
        errors.append(ValidationError("place.name", "error.text.long", most=MAX_NAME))
    if name:
        out["name"] = name
    if grid_kind == VILLAGE:
        parts = village_parts(room)
        if parts is None:
            errors.append(ValidationError("room", "error.place.village_room", value=room))
        else:
            out["group"], out["number"] = parts
    elif grid_kind == SHOPS:
        if raw.get("credit_code"):
            try:
                out["credit_code"] = normalize_credit_code(str(raw["credit_code"]), "place.credit_code")
            except ValidationError as exc:
                errors.append(exc)
        staff = raw.get("staff")
        if staff not in (None, ""):
            if not isinstance(staff, int) or isinstance(staff, bool) or not 0 <= staff <= 100_000:
                errors.append(ValidationError("place.staff", "error.place.staff", value=staff))
            else:
                out["staff"] = staff
    elif grid_kind == INSTITUTION:
        officer = fold_width(str(raw.get("security_officer") or ""))
        if len(officer) > 30:
            errors.append(ValidationError("place.security_officer", "error.name.long"))
        if officer:
            out["security_officer"] = officer
        if raw.get("security_phone"):
            try:
                out["security_phone"] = normalize_phone(str(raw["security_phone"]), "place.security_phone")
            except ValidationError as exc:
                errors.append(exc)
    return out, errors
