"""Scenario packs (场景包, the "X" of 1+N+X): patrol checklists, visit kinds, problem categories, tags with their care
cadences and extra form fields, as data.  A pack is a TOML file (read by :mod:`fieldgrid.scenarios`) whose shape is
published as ``sync/scenario-pack.schema.json``; :func:`parse_pack` checks a parsed document against the same rules
without the ``jsonschema`` package (a test holds the two to agree) and names the offending entry by its path
(``checklists[1].items[3].code``).  :func:`check_install` adds what a schema cannot say: no code twice, not older
than the pack installed, no category dropped while open problems still use it (unless a category of the new version
``replaces`` it).  :class:`Vocabulary` is the default pack with the installed ones over it: what forms offer and
validation accepts.  Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.errors import Refused
from fieldgrid.model import places

NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")  # a pack's name, every code and field name
FIELD_TYPES: tuple[str, ...] = ("text", "number", "date", "choice", "yes_no")
FORMS: tuple[str, ...] = ("visit", "patrol")
GRID_KINDS: tuple[str, ...] = places.GRID_KINDS
LABEL_LANGS: tuple[str, ...] = ("zh", "en")
MAX_LABEL = 60
MAX_ENTRIES = 200
MAX_VERSION = 1_000_000
DEFAULT_PACK = "default"
YES = ("yes", "y", "true", "1", "是", "有")
NO = ("no", "n", "false", "0", "否", "无")


class ScenarioError(Refused):
    """A pack refused: ``path`` names the entry (``checklists[1].items[3].code``); exit 2, nothing changed."""

    def __init__(self, key: str, /, path: str = "", **params: object) -> None:
        super().__init__(key, path=path or "—", **params)
        self.path = path


@dataclass(frozen=True)
class Entry:
    """A coded thing of a pack (a visit kind, a category, a checklist item): its code and its labels."""

    code: str
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Item(Entry):
    category: str = "other"  # the problem category a finding is filed under unless the leader says otherwise


@dataclass(frozen=True)
class Checklist(Entry):
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Category(Entry):
    replaces: tuple[str, ...] = ()  # categories of an earlier version this one takes over


@dataclass(frozen=True)
class Tag(Entry):
    days: int | None = None  # its care cadence: a visit at least every ``days`` days
    contact: bool = True  # a phone or WeChat check-in counts toward it
    special: bool = False  # special attention: marked on the map


@dataclass(frozen=True)
class FormField(Entry):
    type: str = "text"
    required: bool = False
    choices: tuple[Entry, ...] = ()
    forms: tuple[str, ...] = FORMS
    grid_kinds: tuple[str, ...] = GRID_KINDS


@dataclass(frozen=True)
class Pack:
    name: str
    version: int
    title: Entry
    visit_kinds: tuple[Entry, ...] = ()
    categories: tuple[Category, ...] = ()
    checklists: tuple[Checklist, ...] = ()
    tags: tuple[Tag, ...] = ()
    fields: tuple[FormField, ...] = ()
    doc: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)  # as read: what travels

    def labels(self) -> dict[str, tuple[str, str]]:
        """Every label of the pack by message key (``visit_kind.gas_check`` → (zh, en))."""
        found: dict[str, tuple[str, str]] = {}
        for kind, entries in (("visit_kind", self.visit_kinds), ("category", self.categories), ("tag", self.tags),
                              ("checklist", self.checklists), ("field", self.fields)):  # fmt: skip
            for e in entries:
                found[f"{kind}.{e.code}"] = (e.zh, e.en)
        for checklist in self.checklists:
            for item in checklist.items:
                found[f"patrol_item.{item.code}"] = (item.zh, item.en)
        for f in self.fields:
            for choice in f.choices:
                found[f"field_choice.{f.code}.{choice.code}"] = (choice.zh, choice.en)
        return found


# -- the shape, with the path of every refusal --------------------------------------------------------------


def _fail(path: str, why: str, **params: object) -> ScenarioError:
    return ScenarioError(f"error.scenario.{why}", path=path, **params)


def _object(value: Any, path: str, required: Sequence[str], optional: Sequence[str] = ()) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(path, "not_a_table")
    for key in required:
        if key not in value:
            raise _fail(f"{path}.{key}" if path else key, "missing")
    for key in value:
        if key not in required and key not in optional:
            raise _fail(f"{path}.{key}" if path else str(key), "unknown_key")
    return value


def _code(value: Any, path: str) -> str:
    if not isinstance(value, str) or not NAME_RE.match(value):
        raise _fail(path, "code", value=str(value)[:40])
    return value


def _text(value: Any, path: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_LABEL or _CONTROL.search(value):
        raise _fail(path, "label", max=MAX_LABEL)
    return value


_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f]")


def _label(value: Any, path: str) -> tuple[str, str]:
    doc = _object(value, path, LABEL_LANGS)
    return _text(doc["zh"], f"{path}.zh"), _text(doc["en"], f"{path}.en")


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(path, "not_a_boolean")
    return value


def _int(value: Any, path: str, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():  # 2.0 is the integer 2, as JSON Schema counts it
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(path, "number", low=low, high=high)
    return value


def _array(value: Any, path: str, *, min_items: int = 0) -> Sequence[Any]:
    if not isinstance(value, list) or len(value) > MAX_ENTRIES:
        raise _fail(path, "not_a_list", max=MAX_ENTRIES)
    if len(value) < min_items:
        raise _fail(path, "empty")
    return value


def _enum_list(value: Any, path: str, allowed: Sequence[str]) -> tuple[str, ...]:
    found = []
    for n, v in enumerate(_array(value, path, min_items=1)):
        if v not in allowed:
            raise _fail(f"{path}[{n}]", "choice", value=str(v)[:40], choices=", ".join(allowed))
        found.append(str(v))
    return tuple(found)


def _unique(codes: Iterable[tuple[str, str]]) -> None:
    """``(path, code)`` pairs: the second of one code is refused, at its path."""
    seen: set[str] = set()
    for path, code in codes:
        if code in seen:
            raise _fail(path, "duplicate", code=code)
        seen.add(code)


def _entry(doc: Mapping[str, Any], path: str) -> tuple[str, str, str]:
    code = _code(doc["code"], f"{path}.code")
    zh, en = _label(doc["label"], f"{path}.label")
    return code, zh, en


def parse_pack(doc: Any) -> Pack:
    """A pack from its parsed TOML (or JSON) document; :class:`ScenarioError` naming the first bad entry."""
    top = _object(doc, "", ("name", "version", "title"),
                  ("visit_kinds", "categories", "checklists", "tags", "fields"))  # fmt: skip
    name = _code(top["name"], "name")
    version = _int(top["version"], "version", 1, MAX_VERSION)
    zh, en = _label(top["title"], "title")
    kinds: list[Entry] = []
    for n, raw in enumerate(_array(top.get("visit_kinds", []), "visit_kinds")):
        path = f"visit_kinds[{n}]"
        kinds.append(Entry(*_entry(_object(raw, path, ("code", "label")), path)))
    categories: list[Category] = []
    for n, raw in enumerate(_array(top.get("categories", []), "categories")):
        path = f"categories[{n}]"
        d = _object(raw, path, ("code", "label"), ("replaces",))
        replaces = tuple(_code(c, f"{path}.replaces[{i}]") for i, c in enumerate(_array(d.get("replaces", []),
                                                                                         f"{path}.replaces")))
        categories.append(Category(*_entry(d, path), replaces=replaces))
    checklists: list[Checklist] = []
    for n, raw in enumerate(_array(top.get("checklists", []), "checklists")):
        path = f"checklists[{n}]"
        d = _object(raw, path, ("code", "label", "items"))
        items = []
        for i, raw_item in enumerate(_array(d["items"], f"{path}.items", min_items=1)):
            ipath = f"{path}.items[{i}]"
            di = _object(raw_item, ipath, ("code", "label"), ("category",))
            category = _code(di.get("category", "other"), f"{ipath}.category")
            items.append(Item(*_entry(di, ipath), category=category))
        checklists.append(Checklist(*_entry(d, path), items=tuple(items)))
    tags: list[Tag] = []
    for n, raw in enumerate(_array(top.get("tags", []), "tags")):
        path = f"tags[{n}]"
        d = _object(raw, path, ("code", "label"), ("days", "contact", "special"))
        days = _int(d["days"], f"{path}.days", 1, 366) if "days" in d else None
        tags.append(Tag(*_entry(d, path), days=days, contact=_bool(d.get("contact", True), f"{path}.contact"),
                        special=_bool(d.get("special", False), f"{path}.special")))  # fmt: skip
    fields: list[FormField] = []
    for n, raw in enumerate(_array(top.get("fields", []), "fields")):
        path = f"fields[{n}]"
        d = _object(raw, path, ("code", "label", "type"), ("required", "choices", "forms", "grid_kinds"))
        kind = d["type"]
        if kind not in FIELD_TYPES:
            raise _fail(f"{path}.type", "choice", value=str(kind)[:40], choices=", ".join(FIELD_TYPES))
        choices = []
        for i, raw_choice in enumerate(_array(d.get("choices", []), f"{path}.choices")):
            cpath = f"{path}.choices[{i}]"
            choices.append(Entry(*_entry(_object(raw_choice, cpath, ("code", "label")), cpath)))
        fields.append(FormField(
            *_entry(d, path), type=str(kind), required=_bool(d.get("required", False), f"{path}.required"),
            choices=tuple(choices), forms=_enum_list(d.get("forms", list(FORMS)), f"{path}.forms", FORMS),
            grid_kinds=_enum_list(d.get("grid_kinds", list(GRID_KINDS)), f"{path}.grid_kinds", GRID_KINDS),
        ))  # fmt: skip
    pack = Pack(name, version, Entry(name, zh, en), tuple(kinds), tuple(categories), tuple(checklists), tuple(tags),
                tuple(fields), doc=dict(top))  # fmt: skip
    _check_codes(pack)
    return pack


def _check_codes(pack: Pack) -> None:
    """Within the pack: no code twice in one list, a choice field with choices (and only it), every finding's
    category one the pack or the default pack knows (checked by :func:`check_install`)."""
    _unique((f"visit_kinds[{n}].code", e.code) for n, e in enumerate(pack.visit_kinds))
    _unique((f"categories[{n}].code", e.code) for n, e in enumerate(pack.categories))
    _unique((f"checklists[{n}].code", e.code) for n, e in enumerate(pack.checklists))
    _unique((f"tags[{n}].code", e.code) for n, e in enumerate(pack.tags))
    _unique((f"fields[{n}].code", e.code) for n, e in enumerate(pack.fields))
    _unique((f"checklists[{n}].items[{i}].code", item.code)
            for n, c in enumerate(pack.checklists) for i, item in enumerate(c.items))  # fmt: skip
    for n, f in enumerate(pack.fields):
        _unique((f"fields[{n}].choices[{i}].code", c.code) for i, c in enumerate(f.choices))
        if (f.type == "choice") != bool(f.choices):
            raise _fail(f"fields[{n}].choices", "choices", field=f.code)


def check_install(
    pack: Pack, default: Pack, installed: Mapping[str, Pack], open_categories: Iterable[str] = ()
) -> None:
    """Whether ``pack`` may be installed over what is (``installed`` by name, the default pack apart):
    :class:`ScenarioError` naming the entry otherwise.  The same version again is allowed (a no-op)."""
    if pack.name == default.name:
        raise _fail("name", "builtin", name=pack.name)
    old = installed.get(pack.name)
    if old is not None and pack.version < old.version:
        raise _fail("version", "older", version=pack.version, installed=old.version)
    others = [default, *(p for n, p in installed.items() if n != pack.name)]
    for kind, mine in (("visit_kinds", pack.visit_kinds), ("categories", pack.categories),
                       ("checklists", pack.checklists), ("tags", pack.tags), ("fields", pack.fields)):  # fmt: skip
        for n, entry in enumerate(mine):
            for other in others:
                if entry.code in {e.code for e in getattr(other, kind)}:
                    raise _fail(f"{kind}[{n}].code", "taken", code=entry.code, pack=other.name)
    items = {item.code for p in others for c in p.checklists for item in c.items}
    known = {c.code for p in [pack, *others] for c in p.categories}
    for n, checklist in enumerate(pack.checklists):
        for i, item in enumerate(checklist.items):
            if item.code in items:
                raise _fail(f"checklists[{n}].items[{i}].code", "taken", code=item.code, pack="—")
            if item.category not in known:
                raise _fail(f"checklists[{n}].items[{i}].category", "unknown_category", code=item.category)
    if old is not None:
        check_dropped(old, pack, open_categories)


def check_dropped(old: Pack, new: Pack | None, open_categories: Iterable[str]) -> None:
    """A category of ``old`` that ``new`` (``None``: the pack removed) drops and no category of it ``replaces``,
    while an open problem still uses it: refused."""
    kept = {c.code for c in new.categories} | {r for c in new.categories for r in c.replaces} if new else set()
    in_use = set(open_categories)
    for n, category in enumerate(old.categories):
        if category.code not in kept and category.code in in_use:
            raise _fail(f"categories[{n}].code", "category_in_use", code=category.code)


# -- the vocabulary in force ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """The default pack with the installed packs over it (by name), and the labels of every version ever installed
    (``archive``), so that records made under an earlier version still read as they did."""

    default: Pack
    installed: Mapping[str, Pack] = field(default_factory=dict)
    archive: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def packs(self) -> list[Pack]:
        return [self.default, *sorted(self.installed.values(), key=lambda p: p.name)]

    def pack(self, name: str) -> Pack | None:
        return self.default if name == self.default.name else self.installed.get(name)

    @property
    def visit_kinds(self) -> tuple[str, ...]:
        return tuple(e.code for p in self.packs for e in p.visit_kinds)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(e.code for p in self.packs for e in p.categories)

    def checklist(self, code: str) -> tuple[Pack, Checklist] | None:
        return next(((p, c) for p in self.packs for c in p.checklists if c.code == code), None)

    def checklists(self) -> list[tuple[Pack, Checklist]]:
        return [(p, c) for p in self.packs for c in p.checklists]

    def kind_pack(self, kind: str) -> Pack | None:
        return next((p for p in self.packs if any(e.code == kind for e in p.visit_kinds)), None)

    def finding_category(self, item: str) -> str:
        for _, checklist in self.checklists():
            for entry in checklist.items:
                if entry.code == item:
                    return entry.category
        return "other"

    @property
    def tags(self) -> tuple[str, ...]:
        """The installed packs' tags (the default pack's are the built-in ones)."""
        return tuple(t.code for p in self.installed.values() for t in p.tags)

    def tag_rules(self) -> dict[str, tuple[int, bool]]:
        """The care cadence of every tag of the installed packs that has one: ``{code: (days, contact)}``."""
        return {t.code: (t.days, t.contact) for p in self.installed.values() for t in p.tags if t.days is not None}

    def labels(self) -> dict[str, tuple[str, str]]:
        """Every label in force: the archive's, the default pack's, the installed packs' over them."""
        found = dict(self.archive)
        for pack in self.packs:
            found.update(pack.labels())
        return found


def fields_for(pack: Pack | None, form: str, grid_kind: str = "stairwell") -> tuple[FormField, ...]:
    """The extra fields a record of ``pack``'s kind or checklist carries on ``form`` in a grid of ``grid_kind``."""
    if pack is None:
        return ()
    return tuple(f for f in pack.fields if form in f.forms and grid_kind in f.grid_kinds)


def field_values(given: Mapping[str, str], fields: Sequence[FormField]) -> dict[str, Any]:
    """Typed values of the extra fields from what the user typed (``{name: text}``): numbers as numbers, dates as
    ISO dates, yes/no as booleans, a choice as its code; :class:`ScenarioError` for an unknown field, a value of the
    wrong type, or a required field left out (its path: ``fields.NAME``)."""
    by_code = {f.code: f for f in fields}
    values: dict[str, Any] = {}
    for name, text in given.items():
        f = by_code.get(name) or next((f for f in fields if text_is(name, f.zh, f.en)), None)
        if f is None:
            raise _fail(f"fields.{name}", "unknown_field", field=name,
                        known=", ".join(f.code for f in fields) or "—")  # fmt: skip
        values[f.code] = _typed(f, text.strip())
    for f in fields:
        if f.required and values.get(f.code) in (None, ""):
            raise _fail(f"fields.{f.code}", "required", field=f.code)
    return {k: v for k, v in values.items() if v not in (None, "")}


def text_is(text: str, *names: str) -> bool:
    return text.strip().lower() in {n.lower() for n in names}


def _typed(f: FormField, text: str) -> Any:
    path = f"fields.{f.code}"
    if not text:
        return None
    if _CONTROL.search(text) or len(text) > 2000:
        raise _fail(path, "value_text", field=f.code)
    if f.type == "number":
        try:
            number = float(text)
        except ValueError:
            raise _fail(path, "value_number", field=f.code, value=text) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise _fail(path, "value_number", field=f.code, value=text)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if f.type == "date":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise _fail(path, "value_date", field=f.code, value=text) from None
    if f.type == "yes_no":
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        raise _fail(path, "value_yes_no", field=f.code, value=text)
    if f.type == "choice":
        found = next((c.code for c in f.choices if text_is(text, c.code, c.zh, c.en)), None)
        if found is None:
            raise _fail(path, "value_choice", field=f.code, value=text,
                        choices=" / ".join(c.zh for c in f.choices))  # fmt: skip
        return found
    return text


def check_values(values: Mapping[str, Any], fields: Sequence[FormField]) -> dict[str, Any]:
    """Typed values (as :func:`field_values` makes them, or as a form gives them) checked against ``fields``: each a
    known field of the right type, every required one there.  :class:`ScenarioError` naming ``fields.NAME``."""
    by_code = {f.code: f for f in fields}
    for name, value in values.items():
        f = by_code.get(name)
        if f is None:
            raise _fail(f"fields.{name}", "unknown_field", field=name, known=", ".join(by_code) or "—")
        if not _fits(f, value):
            raise _fail(f"fields.{name}", f"value_{f.type}", field=name, value=str(value)[:40],
                        choices=" / ".join(c.zh for c in f.choices))  # fmt: skip
    for f in fields:
        if f.required and values.get(f.code) in (None, ""):
            raise _fail(f"fields.{f.code}", "required", field=f.code)
    return dict(values)


def _fits(f: FormField, value: Any) -> bool:
    if f.type == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if f.type == "yes_no":
        return isinstance(value, bool)
    if f.type == "choice":
        return value in {c.code for c in f.choices}
    if not isinstance(value, str) or _CONTROL.search(value) or len(value) > 2000:
        return False
    if f.type == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
    return True


def _labels2(doc: Mapping[str, Any]) -> tuple[str, str]:
    label = doc["label"]
    return str(label["zh"]), str(label["en"])


def checked_pack(doc: Mapping[str, Any]) -> Pack:
    """A pack from a document :func:`parse_pack` accepted before (one a device installed): built without checking
    it again, so that starting the app with packs installed costs next to nothing.  A document that is not what
    it was (a ``KeyError``, ``TypeError`` on the way) is read by :func:`parse_pack` after all."""
    try:
        return Pack(
            str(doc["name"]), int(doc["version"]), Entry(str(doc["name"]), *_labels2({"label": doc["title"]})),
            tuple(Entry(e["code"], *_labels2(e)) for e in doc.get("visit_kinds", ())),
            tuple(Category(e["code"], *_labels2(e), replaces=tuple(e.get("replaces", ())))
                  for e in doc.get("categories", ())),
            tuple(Checklist(c["code"], *_labels2(c), items=tuple(
                Item(i["code"], *_labels2(i), category=i.get("category", "other")) for i in c["items"]))
                for c in doc.get("checklists", ())),
            tuple(Tag(e["code"], *_labels2(e), days=e.get("days"), contact=e.get("contact", True),
                      special=e.get("special", False)) for e in doc.get("tags", ())),
            tuple(FormField(f["code"], *_labels2(f), type=f["type"], required=f.get("required", False),
                            choices=tuple(Entry(c["code"], *_labels2(c)) for c in f.get("choices", ())),
                            forms=tuple(f.get("forms", FORMS)), grid_kinds=tuple(f.get("grid_kinds", GRID_KINDS)))
                  for f in doc.get("fields", ())),
            doc=doc,
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError):
        return parse_pack(doc)
