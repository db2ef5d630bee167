"""Scenario packs as files: a pack is one TOML file (:mod:`fieldgrid.model.scenario` checks it); the default pack
and the two examples ship in ``assets/scenarios/``.  Reading a file is all that happens here: installing is the
device store's (:mod:`fieldgrid.store.scenarios`), publishing the station's (:mod:`fieldgrid.station.scenarios`)."""

from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Any

from fieldgrid.assets import asset_path
from fieldgrid.model.scenario import DEFAULT_PACK, Pack, ScenarioError, parse_pack

SHIPPED: tuple[str, ...] = (DEFAULT_PACK, "gas_safety", "flood_season")


def _toml_loads(text: str) -> Any:
    # tomllib is Python 3.11's; looked up at run time so the type check of 3.10 does not stop at it.
    return importlib.import_module("tomllib").loads(text)


def parse_toml(text: str, path: str = "") -> Pack:
    """A pack from TOML text; :class:`ScenarioError` for text that is no TOML (with its line) or no pack."""
    try:
        doc = _toml_loads(text)
    except ModuleNotFoundError:
        raise ScenarioError("error.scenario.no_toml", path=path) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ScenarioError("error.scenario.toml", path=path, reason=str(exc)) from None
    return parse_pack(doc)


def read_pack(path: Path) -> Pack:
    """The pack in a TOML file (a missing or unreadable file is an ``OSError``, for the caller to report)."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError("error.scenario.encoding", path=str(path)) from None
    return parse_toml(text, str(path))


def shipped_path(name: str) -> Path:
    return asset_path("scenarios", f"{name}.toml")


@functools.lru_cache(maxsize=1)
def default_pack() -> Pack:
    """The built-in vocabulary, read once per process from ``assets/scenarios/default.toml`` (on Python 3.10, which
    has no TOML reader, made from the same codes and labels as the code holds them: a test holds the two equal)."""
    try:
        importlib.import_module("tomllib")
    except ModuleNotFoundError:
        return _without_toml()
    return read_pack(shipped_path(DEFAULT_PACK))


def _without_toml() -> Pack:
    from fieldgrid.i18n import CATALOGUES
    from fieldgrid.model.cadence import DEFAULT_RULES
    from fieldgrid.model.patrol import FINDING_CATEGORY
    from fieldgrid.model.problem import CATEGORIES
    from fieldgrid.model.visit import PATROL_ITEMS, VISIT_KINDS
    from fieldgrid.model.vocabulary import SPECIAL_ATTENTION_TAGS, TAGS

    def entry(kind: str, code: str) -> dict[str, Any]:
        key = f"{kind}.{code}"
        return {"code": code, "label": {"zh": CATALOGUES["zh_CN"][key], "en": CATALOGUES["en"][key]}}

    def tag(code: str) -> dict[str, Any]:
        rule = DEFAULT_RULES.get(code)
        doc = entry("tag", code)
        if rule is not None:
            doc.update(days=rule.days, **({} if rule.contact else {"contact": False}))
        if code in SPECIAL_ATTENTION_TAGS:
            doc["special"] = True
        return doc

    return parse_pack({
        "name": DEFAULT_PACK, "version": 1, "title": {"zh": "基础场景", "en": "Standard"},
        "visit_kinds": [entry("visit_kind", k) for k in VISIT_KINDS],
        "categories": [entry("category", c) for c in CATEGORIES],
        "tags": [tag(code) for code in TAGS],
        "checklists": [{"code": "standard", "label": {"zh": "楼栋巡查", "en": "Stairwell patrol"},
                        "items": [{**entry("patrol_item", i), "category": FINDING_CATEGORY[i]} for i in PATROL_ITEMS]}],
    })  # fmt: skip
