"""Household search: by room number, name, full pinyin and pinyin initials.

``sxx`` finds 单雄信 and ``zgf`` finds 曾国藩: polyphonic characters read as surnames use the surname
table below, not pypinyin's everyday reading.  pypinyin is imported lazily (its import costs ~0.3 s),
so the first frame never waits for it; keys are cached per name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fieldgrid.model import Household

# Surname readings of characters whose everyday reading differs (单 dān → shàn, 曾 céng → zēng …).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "覃": "qin",
    "翟": "zhai",
    "乐": "yue",
    "盖": "ge",
    "尉": "yu",
    "缪": "miao",
    "召": "shao",
    "员": "yun",
    "种": "chong",
    "秘": "bi",
    "冼": "xian",
    "折": "she",
    "黑": "he",
    "宁": "ning",
    "任": "ren",
    "沈": "shen",
    "重": "chong",
    # Compound surnames: one syllable per character, space-separated, so initials are ``mq`` and ``yc``.
    "万俟": "mo qi",
    "尉迟": "yu chi",
}
_COMPOUND_SURNAMES = tuple(k for k in SURNAME_READINGS if len(k) > 1)


@lru_cache(maxsize=65536)
def name_syllables(name: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of a personal name, the surname read as a surname."""
    from pypinyin import Style, lazy_pinyin

    if not name:
        return ()
    head: list[str] = []
    rest = name
    compound = next((c for c in _COMPOUND_SURNAMES if name.startswith(c)), None)
    if compound:
        head = SURNAME_READINGS[compound].split()
        rest = name[len(compound) :]
    elif name[0] in SURNAME_READINGS:
        head = SURNAME_READINGS[name[0]].split()
        rest = name[1:]
    syllables = [s.lower() for s in lazy_pinyin(rest, style=Style.NORMAL, errors="default")]
    return tuple(head + syllables)


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, str]:
    """``(full pinyin, initials)``: ``("zengguofan", "zgf")``."""
    syllables = name_syllables(name)
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def normalize_query(query: str) -> str:
    return "".join(unicodedata.normalize("NFKC", query).lower().split())


_SEP = "\n"  # never in a normalised query, so a match never spans two keys


@dataclass(frozen=True)
class Entry:
    household: Household
    haystack: str  # every key of the household, joined by _SEP: one substring test per household


def entry_for(household: Household) -> Entry:
    names = [m.name for m in household.members]
    keys: list[str] = [household.room.lower(), household.building.lower() + household.room.lower()]
    for name in names:
        full, initials = name_keys(name)
        keys.extend((name.lower(), full, initials))
    return Entry(household, _SEP.join(k for k in keys if k))


class SearchIndex:
    """Precomputed search keys of a list of households; ``filter`` is a substring scan over them."""

    def __init__(self, households: Iterable[Household] = ()) -> None:
        self.entries: list[Entry] = [entry_for(h) for h in households]

    def filter(self, query: str, tags: Sequence[str] = ()) -> list[Household]:
        q = normalize_query(query)
        wanted = set(tags)
        out = []
        for entry in self.entries:
            if wanted and not wanted.issubset(entry.household.tags):
                continue
            if q and q not in entry.haystack:
                continue
            out.append(entry.household)
        return out
