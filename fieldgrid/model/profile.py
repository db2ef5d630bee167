"""The unit leader's profile and the grid path of the unit they serve (street → … → unit)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.model.errors import ValidationError, ValidationErrors
from fieldgrid.model.places import GRID_KINDS, STAIRWELL, area_of
from fieldgrid.model.validation import control_errors, fold_width, normalize_phone

_COMMUNITY_CODE_RE = re.compile(r"^\d{12}$")
_BARE_NUMBER_RE = re.compile(r"[0-9０-９]+")  # ASCII or full-width digits, nothing else


def building_name(building: str) -> str:
    """``6`` → ``6栋``; anything written otherwise (``6栋``, ``6号楼``, ``A座``) as written."""
    building = building.strip()
    return building + "栋" if _BARE_NUMBER_RE.fullmatch(building) else building


def unit_name(unit: str) -> str:
    """``3`` → ``3单元``; anything written otherwise (``3单元``, ``东单元``) as written."""
    unit = unit.strip()
    return unit + "单元" if _BARE_NUMBER_RE.fullmatch(unit) else unit


def unit_title(compound: str = "", building: str = "", unit: str = "") -> str:
    """How a unit is titled everywhere: ``橙郡一期`` + ``6栋`` + ``3单元`` joined as written, the word added
    to a building or unit given as a bare number (building "6" and unit "3" read ``6栋3单元``, never ``63``)."""
    return "".join(p for p in (compound.strip(), building_name(building), unit_name(unit)) if p)


def parts_outside(grid: Mapping[str, str], place: Mapping[str, Any]) -> list[str]:
    """The parts of a unit's grid (building, unit) where ``place`` names another one than ``grid`` does; an empty
    or missing part is inside.  One rule for the device at entry, for a return it imports and for the station."""
    return [part for part in ("building", "unit") if grid.get(part) and place.get(part) not in (None, "", grid[part])]


@dataclass
class GridPath:
    """Where the unit sits: 街道 / 社区 / 小区(院落) / 楼栋 / 单元, with the community's 12-digit
    统计用区划代码 where known."""

    street: str = ""
    community: str = ""
    compound: str = ""
    building: str = ""
    unit: str = ""
    community_code: str = ""

    def label(self) -> str:
        """``橙郡一期6栋3单元`` style: the parts below the community, joined (:func:`unit_title`)."""
        return unit_title(self.compound, self.building, self.unit)


@dataclass
class LeaderProfile:
    name: str
    phone: str
    grid: GridPath = field(default_factory=GridPath)
    device_id: str = ""
    extra_tags: list[str] = field(default_factory=list)
    extra_patrol_items: list[str] = field(default_factory=list)  # the unit's own checklist items
    visit_days: int = 30  # the dashboard counts households not visited for this many days
    property_phone: str = ""  # the property company's duty phone, shown on the emergency screen (E.164)
    community_phone: str = ""  # the community's duty phone, likewise
    grid_kind: str = STAIRWELL  # stairwell, village, shops or institution (:mod:`fieldgrid.model.places`)

    @property
    def area(self) -> str:
        """What a place's address starts with in this grid (a village's name: 斜江村), ``""`` for a stairwell."""
        return area_of(dataclasses.asdict(self.grid), self.grid_kind)

    def to_doc(self) -> dict[str, Any]:
        doc = dataclasses.asdict(self)
        if doc["grid_kind"] == STAIRWELL:  # a stairwell's profile is stored exactly as before grid kinds
            del doc["grid_kind"]
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> LeaderProfile:
        grid_names = {f.name for f in dataclasses.fields(GridPath)}
        grid = GridPath(**{k: v for k, v in (doc.get("grid") or {}).items() if k in grid_names})
        return cls(
            name=doc.get("name", ""),
            phone=doc.get("phone", ""),
            grid=grid,
            device_id=doc.get("device_id", ""),
            extra_tags=list(doc.get("extra_tags", [])),
            extra_patrol_items=list(doc.get("extra_patrol_items", [])),
            visit_days=int(doc.get("visit_days", 30)),
            property_phone=doc.get("property_phone", ""),
            community_phone=doc.get("community_phone", ""),
            grid_kind=str(doc.get("grid_kind") or STAIRWELL),
        )


def validate_profile(profile: LeaderProfile) -> LeaderProfile:
    errors: list[ValidationError] = []
    errors.extend(control_errors(name=profile.name, **{f"grid.{k}": v for k, v in vars(profile.grid).items()}))
    name = fold_width(profile.name)
    if not name:
        errors.append(ValidationError("name", "error.name.empty"))
    phone = ""
    try:
        phone = normalize_phone(profile.phone)
    except ValidationError as exc:
        errors.append(exc)
    duty_phones: dict[str, str] = {}
    for part in ("property_phone", "community_phone"):  # optional; when given, a phone like the leader's
        duty_phones[part] = ""
        if fold_width(getattr(profile, part)):
            try:
                duty_phones[part] = normalize_phone(getattr(profile, part), part)
            except ValidationError as exc:
                errors.append(exc)
    grid = GridPath(**{k: fold_width(v) for k, v in dataclasses.asdict(profile.grid).items()})
    for part in ("community", "building", "unit"):
        if not getattr(grid, part):
            errors.append(ValidationError(f"grid.{part}", "error.grid.empty"))
    if grid.community_code and not _COMMUNITY_CODE_RE.match(grid.community_code):
        errors.append(ValidationError("grid.community_code", "error.grid.code", value=grid.community_code))
    tags = [fold_width(t) for t in profile.extra_tags if fold_width(t)]
    items = list(dict.fromkeys(fold_width(i) for i in profile.extra_patrol_items if fold_width(i)))
    if profile.grid_kind not in GRID_KINDS:
        errors.append(ValidationError("grid_kind", "error.grid_kind.unknown", value=profile.grid_kind))
    if not 1 <= profile.visit_days <= 365:
        errors.append(ValidationError("visit_days", "error.visit_days", value=profile.visit_days))
    if errors:
        raise ValidationErrors(errors)
    return dataclasses.replace(
        profile, name=name, phone=phone, grid=grid, extra_tags=tags, extra_patrol_items=items,
        property_phone=duty_phones["property_phone"], community_phone=duty_phones["community_phone"],
    )  # fmt: skip
