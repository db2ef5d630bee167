"""The catalogues' layout: one module per key prefix, found from the key alone (the rule is in
:mod:`fieldgrid.i18n.catalogues`), and loaded only when one of its keys is first asked for."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import fieldgrid.i18n.catalogues as catalogues
from fieldgrid.i18n import CATALOGUES
from fieldgrid.i18n.catalogues import HOMES, MODULES, home_of

SPLIT = ("tui", "cli")  # the prefixes with a subpackage, a module per second segment


def found_modules() -> dict[str, ModuleType]:
    """Every catalogue module on disk, by its name under the catalogues package (``"tui.map"``)."""
    prefix = f"{catalogues.__name__}."
    return {
        m.name.removeprefix(prefix): importlib.import_module(m.name)
        for m in pkgutil.walk_packages(catalogues.__path__, prefix)
        if not m.ispkg
    }


def starts_with(key: str, prefix: str) -> bool:
    return key == prefix or key.startswith(prefix + ".")


def test_the_index_lists_every_module_on_disk() -> None:
    assert sorted(found_modules()) == list(MODULES)


def test_the_index_says_what_the_modules_declare() -> None:
    declared = {prefix: name for name, module in found_modules().items() for prefix in module.PREFIXES}
    assert declared == HOMES


def test_no_prefix_is_declared_twice() -> None:
    prefixes = [prefix for module in found_modules().values() for prefix in module.PREFIXES]
    assert sorted(prefixes) == sorted(set(prefixes))


@pytest.mark.parametrize("name", MODULES)
def test_every_key_of_a_module_starts_with_one_of_its_prefixes(name: str) -> None:
    module = importlib.import_module(f"{catalogues.__name__}.{name}")
    for key in [*module.ZH, *module.EN]:
        assert any(starts_with(key, prefix) for prefix in module.PREFIXES), key
        assert home_of(key) == name, key


@pytest.mark.parametrize("name", MODULES)
def test_a_module_is_named_after_its_first_prefix(name: str) -> None:
    module = importlib.import_module(f"{catalogues.__name__}.{name}")
    first, *others = module.PREFIXES
    assert name == first
    for prefix in module.PREFIXES:
        segments = prefix.split(".")
        # tui.* and cli.* by their second segment, everything else by its first
        assert len(segments) == (2 if segments[0] in SPLIT else 1), prefix
        assert segments[0] == first.split(".")[0], prefix
    if others:  # a group of small second segments joins a related module
        assert first.split(".")[0] in SPLIT


def test_a_key_without_a_home() -> None:
    assert home_of("no.such.key") is None
    assert home_of("tui") is None
    assert home_of("error") == "error"
    assert home_of("tui.list_sep") == "tui.app"
    assert "no.such.key" not in CATALOGUES["zh_CN"]


def _loaded_after(code: str) -> list[str]:
    script = f"import json, sys; {code}; print(json.dumps(sorted(m for m in sys.modules if '.catalogues.' in m)))"
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def test_importing_loads_no_catalogue() -> None:
    assert _loaded_after("import fieldgrid.i18n") == []


def test_a_key_loads_only_its_own_module() -> None:
    code = "from fieldgrid.i18n import t; assert t('tui.map.door', n=1) == '1号'; t('no.such.key')"
    assert _loaded_after(code) == ["fieldgrid.i18n.catalogues.tui", "fieldgrid.i18n.catalogues.tui.map"]
    assert _loaded_after("from fieldgrid.i18n import label; label('tag', 'living_alone')") == [
        "fieldgrid.i18n.catalogues.tag"
    ]
