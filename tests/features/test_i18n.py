"""The translation layer: Chinese and English catalogues agree key for key and placeholder for placeholder,
every message key the code names exists in both, and the language follows the environment."""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import fieldgrid
import fieldgrid.i18n as i18n
import fieldgrid.i18n.catalogues as catalogues
from fieldgrid.i18n import CATALOGUES, label, language_from_env, parse_label, placeholders, t
from fieldgrid.model.vocabulary import RELATIONS, RESIDENCY, SEXES, TAGS

PACKAGE = Path(fieldgrid.__file__).parent
CATALOGUE_MODULES = sorted(  # "catalogues.error", "catalogues.tui.map", …: imported as fieldgrid.i18n.<name>
    m.name.removeprefix("fieldgrid.i18n.")
    for m in pkgutil.walk_packages(catalogues.__path__, f"{catalogues.__name__}.")
    if not m.ispkg
)
KEY_LIKE = re.compile(r"^(error|notice)(\.[a-z0-9_]+)+$")
ERROR_CLASSES = {"ValidationError": 1, "StoreError": 0}  # class name → position of the key argument


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    before = i18n.get_language()
    i18n.set_language("zh_CN")  # whatever a test before us left set
    yield
    i18n.set_language(before)


# -- the catalogues agree ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", CATALOGUE_MODULES)
def test_each_catalogue_has_the_same_keys_in_both_languages(name: str) -> None:
    module = importlib.import_module(f"fieldgrid.i18n.{name}")
    assert set(module.ZH) - set(module.EN) == set(), "keys missing in English"
    assert set(module.EN) - set(module.ZH) == set(), "keys missing in Chinese"


@pytest.mark.parametrize("name", CATALOGUE_MODULES)
def test_each_key_has_the_same_placeholders_in_both_languages(name: str) -> None:
    module = importlib.import_module(f"fieldgrid.i18n.{name}")
    differ = {k: (placeholders(module.ZH[k]), placeholders(module.EN[k])) for k in module.ZH if k in module.EN}
    assert {k: v for k, v in differ.items() if v[0] != v[1]} == {}


@pytest.mark.parametrize("name", CATALOGUE_MODULES)
def test_messages_are_non_empty_and_well_formed(name: str) -> None:
    module = importlib.import_module(f"fieldgrid.i18n.{name}")
    for catalogue in (module.ZH, module.EN):
        for key, text in catalogue.items():
            assert text.strip(), key
            placeholders(text)  # raises on an unbalanced brace


def test_the_catalogue_modules_do_not_overlap() -> None:
    seen: dict[str, str] = {}
    for name in CATALOGUE_MODULES:
        for key in importlib.import_module(f"fieldgrid.i18n.{name}").ZH:
            assert key not in seen, f"{key} is in both {seen[key]} and {name}: one would hide the other"
            seen[key] = name
    assert set(seen) == set(CATALOGUES["zh_CN"]) == set(CATALOGUES["en"])


def test_the_chinese_catalogue_is_chinese() -> None:
    # An English word left in the Chinese catalogue, placeholders aside ("{room} · {head}" is fine).
    untranslated = [
        k
        for k, v in CATALOGUES["zh_CN"].items()
        if v == CATALOGUES["en"][k] and re.search("[a-z]{4}", re.sub(r"\{[^}]*\}", "", v))
    ]
    assert untranslated == []


# -- every key used in the code exists --------------------------------------------------------------


@dataclass(frozen=True)
class Use:
    key: str
    where: str
    params: frozenset[str] | None  # keyword names passed with it; None when unknown (**kwargs)


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _params(node: ast.Call) -> frozenset[str] | None:
    if any(k.arg is None for k in node.keywords):
        return None
    return frozenset(k.arg for k in node.keywords if k.arg and k.arg != "key")


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def key_uses() -> list[Use]:
    """Literal message keys in ``fieldgrid/**/*.py``: ``t("…")``, ``ValidationError(field, "…")``,
    ``StoreError("…")`` and its subclasses' ``super().__init__("…")``, and any other string that looks
    like an error or notice key (``("notice.db_moved_aside", {...})``)."""
    uses: list[Use] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "i18n" in path.relative_to(PACKAGE).parts:  # the catalogues themselves
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(PACKAGE.parent)
        in_call: set[int] = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            arg: ast.AST | None = None
            if name == "t" and node.args:
                arg = node.args[0]
            elif name in ERROR_CLASSES and len(node.args) > ERROR_CLASSES[name]:
                arg = node.args[ERROR_CLASSES[name]]
            elif name == "__init__" and node.args and KEY_LIKE.match(_literal(node.args[0]) or ""):
                arg = node.args[0]
            if arg is None:
                arg = next((k.value for k in node.keywords if k.arg == "key"), None)
            key = _literal(arg)
            if key is not None:
                in_call.add(id(arg))
                uses.append(Use(key, f"{rel}:{node.lineno}", _params(node)))
        for node in ast.walk(tree):
            key = _literal(node)
            if key and id(node) not in in_call and KEY_LIKE.match(key):
                uses.append(Use(key, f"{rel}:{node.lineno}", None))  # type: ignore[attr-defined]
    return uses


def test_the_scan_finds_the_keys_it_should() -> None:
    found = {u.key for u in key_uses()}
    # One of each kind, so a scan that silently finds nothing cannot pass the next test.
    assert {"error.id.check", "error.room.taken", "error.household.exists", "error.home.locked"} <= found
    assert {"error.disk", "notice.db_moved_aside", "error.phone.kind"} <= found


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_key_used_in_the_code_exists(lang: str) -> None:
    missing = sorted({f"{u.key} ({u.where})" for u in key_uses() if u.key not in CATALOGUES[lang]})
    assert missing == []


def test_every_placeholder_of_a_used_key_is_passed() -> None:
    short = []
    for use in key_uses():
        if use.params is None or use.key not in CATALOGUES["en"]:
            continue
        needed = placeholders(CATALOGUES["en"][use.key])
        if not needed <= use.params:
            short.append(f"{use.key} at {use.where}: needs {sorted(needed)}, gets {sorted(use.params)}")
    assert short == []


@pytest.mark.parametrize(
    ("kind", "codes"), [("tag", TAGS), ("residency", RESIDENCY), ("relation", RELATIONS), ("sex", SEXES)]
)
def test_every_vocabulary_code_has_a_label(kind: str, codes: tuple[str, ...]) -> None:
    for lang, catalogue in CATALOGUES.items():
        assert [c for c in codes if f"{kind}.{c}" not in catalogue] == [], lang


# -- choosing the language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "zh_CN"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_GB"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "fr_FR.UTF-8"}, "zh_CN"),
        ({"LANG": "C"}, "zh_CN"),
        ({"LANG": "C.UTF-8"}, "zh_CN"),
        ({"LANG": "POSIX"}, "zh_CN"),
        ({"LANG": ""}, "zh_CN"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "en"),  # C says nothing about language
    ],
)
def test_language_from_env(environ: dict[str, str], lang: str) -> None:
    assert language_from_env(environ) == lang


def test_language_from_env_skips_every_spelling_of_the_c_locale() -> None:
    assert language_from_env({"LC_ALL": "C.utf8", "LANG": "en_US.UTF-8"}) == "en"


def test_language_from_env_reads_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert language_from_env() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert language_from_env() == "zh_CN"


@pytest.mark.parametrize(
    ("given", "lang"),
    [(None, "zh_CN"), ("", "zh_CN"), ("en", "en"), ("EN-us", "en"), ("zh", "zh_CN"), ("zh-CN", "zh_CN")],
)
def test_normalize_language(given: str | None, lang: str) -> None:
    assert i18n.normalize_language(given) == lang


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_t_in_both_languages() -> None:
    assert i18n.DEFAULT == "zh_CN"
    assert t("error.phone.empty") == "请填写电话号码"
    assert t("error.room.taken", value="0601") == "房号 0601 已有住户登记"
    i18n.set_language("en")
    assert i18n.get_language() == "en"
    assert t("error.room.taken", value="0601") == "Room 0601 already has a household"
    assert t("error.id.check", value="X", expected="7").startswith("Wrong check digit in ID number X (the first")


def test_a_fresh_process_starts_in_chinese() -> None:
    code = "import fieldgrid.i18n as i; print(i.get_language(), i.t('error.name.empty'))"
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}  # the caller decides, not the import
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout
    assert out.decode("utf-8").split() == ["zh_CN", "请填写姓名"]


def test_t_never_fails_on_a_bad_call() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("error.room.taken") == CATALOGUES["zh_CN"]["error.room.taken"]  # parameters missing: shown as is
    assert t("error.room.taken", other=1) == CATALOGUES["zh_CN"]["error.room.taken"]
    assert i18n.has("error.room.taken") and not i18n.has("no.such.key")


# -- vocabulary labels ------------------------------------------------------------------------------


def test_label() -> None:
    assert label("tag", "living_alone") == "独居老人"
    assert label("residency", "vacant") == "空置"
    assert label("relation", "self") == "户主"
    assert label("sex", "F") == "女"
    assert label("tag", "楼长关照") == "楼长关照"  # a leader's own tag, shown as typed
    i18n.set_language("en")
    assert label("tag", "living_alone") == "Elderly living alone"
    assert label("tag", "楼长关照") == "楼长关照"


@pytest.mark.parametrize(
    "text", ["独居老人", "Elderly living alone", "elderly LIVING alone", "living_alone", " 独居老人 "]
)
def test_parse_label_reads_either_language_or_the_code(text: str) -> None:
    assert parse_label("tag", text, TAGS) == "living_alone"
    i18n.set_language("en")
    assert parse_label("tag", text, TAGS) == "living_alone"


def test_parse_label_round_trips_every_code() -> None:
    for kind, codes in (("tag", TAGS), ("residency", RESIDENCY), ("relation", RELATIONS), ("sex", SEXES)):
        for lang in ("zh_CN", "en"):
            i18n.set_language(lang)
            for code in codes:
                assert parse_label(kind, label(kind, code), codes) == code


def test_parse_label_unknown() -> None:
    assert parse_label("tag", "不存在", TAGS) is None
    assert parse_label("tag", "", TAGS) is None
    assert parse_label("tag", "楼长关照", [*TAGS, "楼长关照"]) == "楼长关照"
