"""The translation layer: every user-facing string goes through :func:`t`.

Chinese (zh_CN) is the default; English with ``--lang en`` or an English ``LANG``.  The catalogues are plain
dicts in :mod:`fieldgrid.i18n.catalogues`, one module per key prefix (``error.*`` in ``catalogues/error.py``,
``tui.map.*`` in ``catalogues/tui/map.py``), each holding ``ZH`` and ``EN`` with the same keys (a test checks
that).  A module is imported the first time one of its keys is asked for, so starting the app loads only the
messages it shows.  :data:`CATALOGUES` reads like a dict of both languages; walking one loads them all.  A parameter
given as a model ``Label(kind, code)`` is shown as that code's label.

Counts in English take their noun's number from the count: a message writes ``{n} {n:plural:finding|findings}``
and reads "1 finding", "2 findings" (:class:`_Formatter`; Chinese needs none).  A test checks that no English
message puts a count before a plural noun without it.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterable, Iterator, Mapping
from importlib import import_module

from fieldgrid.i18n.catalogues import MODULES, home_of
from fieldgrid.model.errors import Label

LANGUAGES = ("zh_CN", "en")
DEFAULT = "zh_CN"

_TEXTS: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}  # what the loaded modules hold
_loaded: set[str] = set()


def _load(module: str) -> None:
    if module in _loaded:
        return
    catalogue = import_module(f"fieldgrid.i18n.catalogues.{module}")
    _TEXTS["zh_CN"].update(catalogue.ZH)
    _TEXTS["en"].update(catalogue.EN)
    _loaded.add(module)  # only now: another thread seeing it loaded finds its texts


def _load_home(key: str) -> bool:
    """Load the module holding ``key``; False when there is none or it was loaded already."""
    home = home_of(key)
    if home is None or home in _loaded:
        return False
    _load(home)
    return True


def _load_all() -> None:
    for module in MODULES:
        _load(module)


def _text(lang: str, key: str) -> str | None:
    texts = _TEXTS[lang]
    text = texts.get(key)
    if text is None and _load_home(key):
        text = texts.get(key)
    return text


class _Catalogue(Mapping[str, str]):
    """One language's messages, read-only, filled module by module as keys are looked up."""

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._texts = _TEXTS[lang]

    def __getitem__(self, key: str) -> str:
        text = _text(self._lang, key)
        if text is None:
            raise KeyError(key)
        return text

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _text(self._lang, key) is not None

    def __iter__(self) -> Iterator[str]:
        _load_all()
        return iter(self._texts)

    def __len__(self) -> int:
        _load_all()
        return len(self._texts)

    def __repr__(self) -> str:
        return f"<catalogue {self._lang}: {len(self._texts)} messages loaded>"


CATALOGUES: dict[str, Mapping[str, str]] = {lang: _Catalogue(lang) for lang in LANGUAGES}

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


PLURAL = "plural:"


def plural(count: object, one: str, many: str) -> str:
    """``one`` for a count of 1 (or -1), ``many`` for any other count, or when ``count`` is no number."""
    try:
        return one if abs(int(str(count))) == 1 else many
    except ValueError:
        return many


class _Formatter(string.Formatter):
    """``str.format`` plus the plural spec: ``{n:plural:finding|findings}`` is the word for the count ``n``."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith(PLURAL):
            one, _, many = format_spec[len(PLURAL) :].partition("|")
            return plural(value, one, many or one)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, placeholders filled from ``params``."""
    text = _text(_current, key) or _text(DEFAULT, key) or key
    if params:
        params = {k: label(v.kind, v.code) if isinstance(v, Label) else v for k, v in params.items()}
        try:
            return _FORMATTER.vformat(text, (), params)
        except (KeyError, IndexError, ValueError, AttributeError):
            return text
    return text


def has(key: str) -> bool:
    return key in CATALOGUES[_current]


# The labels of the scenario packs in force (``visit_kind.gas_check`` → (zh, en)): set by whoever loads them.
_PACK_LABELS: dict[str, tuple[str, str]] = {}


def use_labels(labels: Mapping[str, tuple[str, str]]) -> None:
    """The scenario packs' labels from now on (the default pack's codes keep their catalogue labels)."""
    _PACK_LABELS.clear()
    _PACK_LABELS.update(labels)


def label(kind: str, code: str) -> str:
    """The display label of a vocabulary code (``tag``, ``residency``, ``relation``, ``sex``), or of a code a
    scenario pack defines; a leader's own tag is shown as typed."""
    key = f"{kind}.{code}"
    if key in CATALOGUES[DEFAULT]:
        return t(key)
    pair = _PACK_LABELS.get(key)
    if pair is not None:
        return pair[1] if _current == "en" else pair[0]
    return code


def parse_label(kind: str, text: str, codes: Iterable[str]) -> str | None:
    """The code a user meant by ``text``: the code itself or its label in any language."""
    wanted = text.strip().lower()
    for code in codes:
        key = f"{kind}.{code}"
        names = {code.lower()} | {c[key].lower() for c in CATALOGUES.values() if key in c}
        names |= {name.lower() for name in _PACK_LABELS.get(key, ())}
        if wanted in names:
            return code
    return None


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
