"""The choices the TUI's forms and filters offer, from the scenario packs in force (:meth:`Store.vocabulary`):
the built-in vocabulary, then each installed pack's, labelled in the UI language.  A record's own code that no
pack defines any more (a category of a pack since removed) is offered too, so its form still opens on it."""

from __future__ import annotations

from collections.abc import Iterable

from fieldgrid.i18n import label
from fieldgrid.store import Store


def _options(kind: str, codes: Iterable[str], keep: Iterable[str | None]) -> list[tuple[str, str]]:
    found = list(dict.fromkeys(codes))
    found += [c for c in dict.fromkeys(keep) if c and c not in found]
    return [(label(kind, c), c) for c in found]


def category_options(store: Store, *keep: str | None) -> list[tuple[str, str]]:
    """Every problem category in force (and ``keep``, the record's own), as (label, code)."""
    return _options("category", store.vocabulary().categories, keep)


def visit_kind_options(store: Store, *keep: str | None) -> list[tuple[str, str]]:
    """Every visit kind in force (and ``keep``), as (label, code)."""
    return _options("visit_kind", store.vocabulary().visit_kinds, keep)


def tag_options(store: Store, *keep: str | None) -> list[tuple[str, str]]:
    """Every tag in force — the built-in ones (the default pack's), each installed pack's, the unit's own
    (the profile's extra tags) — and ``keep`` (a household's own, of a pack since removed), as (label, code)."""
    vocabulary = store.vocabulary()
    profile = store.profile()
    codes = [*(t.code for t in vocabulary.default.tags), *vocabulary.tags, *(profile.extra_tags if profile else [])]
    return _options("tag", codes, keep)
