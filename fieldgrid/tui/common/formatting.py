"""How households look on screen: compact tag labels, masked phones, the cells of a list row."""

from __future__ import annotations

from collections.abc import Iterable

from fieldgrid.i18n import has, label, t
from fieldgrid.model import Household
from fieldgrid.model.masking import show_id_number, show_phone
from fieldgrid.model.profile import unit_title


def tag_short(code: str) -> str:
    """A short label for tight places (``独居``); a leader's own tag is shown as typed."""
    key = f"tui.tag_short.{code}"
    return t(key) if has(key) else label("tag", code)


def tags_compact(codes: Iterable[str]) -> str:
    return " ".join(tag_short(c) for c in codes)


def tags_full(codes: Iterable[str]) -> str:
    return t("tui.list_sep").join(label("tag", c) for c in codes)


def phone_text(e164: str | None, reveal: bool = False) -> str:
    return show_phone(e164, reveal) if e164 else ""


def id_text(number: str | None, reveal: bool = False) -> str:
    return show_id_number(number, reveal) if number else ""


def emergency_marked(text: str, is_emergency: bool) -> str:
    """``text`` after the 紧急 mark (``‼紧急``) when it is about an emergency: a word, not a colour alone."""
    return t("tui.emergency.mark", text=text) if is_emergency else text


def place_text(building: str, unit: str) -> str:
    """``6栋3单元``: the unit titled as everywhere else (:func:`fieldgrid.model.profile.unit_title`)."""
    return unit_title("", building, unit)


def first_phone(household: Household) -> str:
    phones = household.all_phones
    return phone_text(phones[0]) if phones else ""


def household_cells(household: Household, last_visit: str = "") -> tuple[str, str, str, str, str, str]:
    """Room, head, member count, tags (compact), first phone (masked), last visit (MM-DD): the household list's
    columns."""
    head = household.head_name or (t("tui.list.vacant") if household.is_vacant else "")
    return (
        household.room,
        head,
        str(len(household.living)),
        tags_compact(household.tags),
        first_phone(household),
        last_visit[5:10],
    )


class HouseholdRow:
    """A list row whose cells are computed on first paint, so a long list costs nothing until shown."""

    __slots__ = ("_cells", "household", "key", "last_visit")

    def __init__(self, household: Household, last_visit: str = "") -> None:
        self.household = household
        self.key = household.id
        self.last_visit = last_visit
        self._cells: tuple[str, ...] | None = None

    @property
    def cells(self) -> tuple[str, ...]:
        if self._cells is None:
            self._cells = household_cells(self.household, self.last_visit)
        return self._cells
