"""The translation layer: every user-facing string goes through :func:`t`.

Chinese (zh_CN) is the default; English with ``--lang en`` or an English ``LANG``.  Catalogues are
plain dicts, one module per area (``core`` for the roster's errors and vocabularies, ``ledger`` for
visits and problems, ``cli``, ``tui``), each holding ``ZH`` and ``EN`` with the same keys (a test checks
that).  A parameter given as a model ``Label(kind, code)`` is shown as that code's label.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Mapping

from fieldgrid.i18n import cards as _cards
from fieldgrid.i18n import cli as _cli
from fieldgrid.i18n import cli_field as _cli_field
from fieldgrid.i18n import core as _core
from fieldgrid.i18n import exports as _exports
from fieldgrid.i18n import ledger as _ledger
from fieldgrid.i18n import roster as _roster
from fieldgrid.i18n import station as _station
from fieldgrid.i18n import sync as _sync
from fieldgrid.i18n import tui as _tui
from fieldgrid.i18n import tui_field as _tui_field
from fieldgrid.i18n import tui_station as _tui_station
from fieldgrid.i18n import tui_tools as _tui_tools
from fieldgrid.model.errors import Label

LANGUAGES = ("zh_CN", "en")
DEFAULT = "zh_CN"

_MODULES = (
    _core,
    _ledger,
    _exports,
    _cli,
    _cli_field,
    _tui,
    _tui_field,
    _station,
    _sync,
    _roster,
    _cards,
    _tui_station,
    _tui_tools,
)
CATALOGUES: dict[str, dict[str, str]] = {
    "zh_CN": {key: text for module in _MODULES for key, text in module.ZH.items()},
    "en": {key: text for module in _MODULES for key, text in module.EN.items()},
}

_current = DEFAULT


def normalize_language(lang: str | None) -> str:
    if not lang:
        return DEFAULT
    lowered = lang.lower().replace("-", "_")
    if lowered.startswith("en"):
        return "en"
    if lowered.startswith("zh"):
        return "zh_CN"
    raise ValueError(lang)


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """English when the first set of LC_ALL, LC_MESSAGES, LANG says English; Chinese otherwise."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value and value.split(".")[0] not in ("C", "POSIX"):
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def set_language(lang: str) -> None:
    global _current
    _current = normalize_language(lang)


def get_language() -> str:
    return _current


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, placeholders filled from ``params``."""
    text = CATALOGUES[_current].get(key) or CATALOGUES[DEFAULT].get(key) or key
    if params:
        params = {k: label(v.kind, v.code) if isinstance(v, Label) else v for k, v in params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def has(key: str) -> bool:
    return key in CATALOGUES[_current]


def label(kind: str, code: str) -> str:
    """The display label of a vocabulary code (``tag``, ``residency``, ``relation``, ``sex``); a
    leader's own tag is shown as typed."""
    key = f"{kind}.{code}"
    return t(key) if key in CATALOGUES[DEFAULT] else code


def parse_label(kind: str, text: str, codes: Iterable[str]) -> str | None:
    """The code a user meant by ``text``: the code itself or its label in any language."""
    wanted = text.strip().lower()
    for code in codes:
        key = f"{kind}.{code}"
        names = {code.lower()} | {c[key].lower() for c in CATALOGUES.values() if key in c}
        if wanted in names:
            return code
    return None


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
