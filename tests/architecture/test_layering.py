"""The layers point one way: tui/cli → station → sync → store → record → model.  The model is plain Python (no
terminal, no database, no files); only the store talks to TinyDB; pypinyin loads only when a search needs it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import fieldgrid

PACKAGE = Path(fieldgrid.__file__).parent
MODEL_MODULES = sorted(f"fieldgrid.model.{p.stem}" for p in (PACKAGE / "model").glob("*.py") if p.stem != "__init__")


def modules_loaded_by(*statements: str) -> set[str]:
    """The top-level packages in ``sys.modules`` of a fresh interpreter after running ``statements``."""
    code = "; ".join([*statements, "import json, sys", "print(json.dumps(sorted(sys.modules)))"])
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return {name.split(".")[0] for name in json.loads(out)} | set(json.loads(out))


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved to ``fieldgrid.…``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    if path.name == "__init__.py":
        package = ".".join(path.relative_to(PACKAGE.parent).parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("__import__", "import_module"):
            if node.args and isinstance(node.args[0], ast.Constant):
                found.add(str(node.args[0].value))
    return found


def files_under(*parts: str) -> list[Path]:
    out: list[Path] = []
    for part in parts:
        target = PACKAGE / part
        if target.is_dir():
            out.extend(sorted(target.rglob("*.py")))
        elif target.with_suffix(".py").is_file():
            out.append(target.with_suffix(".py"))
    return out


def rel(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def imports_any(path: Path, *prefixes: str) -> list[str]:
    return sorted(m for m in imports_of(path) if any(m == p or m.startswith(p + ".") for p in prefixes))


# -- at run time ------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["fieldgrid.model", *MODEL_MODULES])
def test_the_model_imports_without_terminal_or_database(module: str) -> None:
    loaded = modules_loaded_by(f"import {module}")
    assert module in loaded
    assert not loaded & {"textual", "tinydb", "rich", "sqlite3", "pypinyin", "fieldgrid.store", "fieldgrid.tui"}


def test_the_store_imports_without_the_terminal() -> None:
    loaded = modules_loaded_by("import fieldgrid.store")
    assert "tinydb" in loaded
    assert not loaded & {"textual", "rich", "fieldgrid.tui", "fieldgrid.cli"}


def test_search_loads_pypinyin_only_when_searching() -> None:
    assert "pypinyin" not in modules_loaded_by("import fieldgrid.roster.search")
    assert "pypinyin" in modules_loaded_by("import fieldgrid.roster.search as s", "s.name_keys('单雄信')")


def test_the_check_itself_sees_a_loaded_module() -> None:
    assert "textual" in modules_loaded_by("import textual.app")


# -- in the source ----------------------------------------------------------------------------------


def test_only_the_store_imports_tinydb() -> None:
    # The TUI, the CLI, the demo and everything else use the store's API, never TinyDB.
    offenders = [
        rel(p)
        for p in PACKAGE.rglob("*.py")
        if "store" not in p.relative_to(PACKAGE).parts and imports_any(p, "tinydb")
    ]
    assert offenders == []


def test_tui_and_cli_do_not_import_tinydb() -> None:
    paths = files_under("tui", "cli", "demo", "__main__")
    assert [rel(p) for p in paths if imports_any(p, "tinydb")] == []


def test_the_model_imports_nothing_above_it() -> None:
    above = ("fieldgrid.store", "fieldgrid.tui", "fieldgrid.cli", "fieldgrid.search", "fieldgrid.demo", "textual")
    found = {rel(p): imports_any(p, *above, "tinydb", "sync") for p in files_under("model")}
    assert {k: v for k, v in found.items() if v} == {}


def test_the_store_imports_nothing_above_it() -> None:
    above = ("fieldgrid.tui", "fieldgrid.cli", "fieldgrid.demo", "textual", "sync")
    found = {rel(p): imports_any(p, *above) for p in files_under("store")}
    assert {k: v for k, v in found.items() if v} == {}


FILE_IO_CALLS = {"open", "read_text", "write_text", "read_bytes", "write_bytes", "mkdir", "unlink", "rmdir", "fsync"}
FILE_IO_MODULES = ("os", "io", "pathlib", "shutil", "tempfile", "glob", "sqlite3", "subprocess", "socket")


def test_the_model_does_no_file_io() -> None:
    bad: list[str] = []
    for path in files_under("model"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in FILE_IO_CALLS:
                    bad.append(f"{rel(path)}:{node.lineno} calls {name}()")
        bad.extend(f"{rel(path)} imports {m}" for m in imports_any(path, *FILE_IO_MODULES))
    assert bad == []


def test_the_source_scan_sees_imports() -> None:
    # The scan itself must work, or the tests above pass on nothing.
    store_imports = imports_of(PACKAGE / "store" / "repository.py")
    assert "tinydb" in store_imports and "fieldgrid.model" in store_imports
    assert "fieldgrid.model.errors" in imports_of(PACKAGE / "model" / "household.py")
    assert len(files_under("model")) >= 5


def test_sync_and_station_never_import_the_terminal_or_the_command_line() -> None:
    files = files_under("sync", "station", "record")
    assert len(files) >= 10
    above = ("fieldgrid.tui", "fieldgrid.cli", "textual", "rich")
    found = {rel(p): imports_any(p, *above) for p in files}
    assert {k: v for k, v in found.items() if v} == {}
    loaded = modules_loaded_by("import fieldgrid.sync.device, fieldgrid.station.exchange, fieldgrid.station.units")
    assert not loaded & {"textual", "rich", "fieldgrid.tui", "fieldgrid.cli"}


def test_the_station_never_imports_the_device_store() -> None:
    # The station has no TinyDB: it reads records through fieldgrid.record, like the bundles do.
    found = {rel(p): imports_any(p, "fieldgrid.store", "tinydb") for p in files_under("station")}
    assert {k: v for k, v in found.items() if v} == {}
    assert "tinydb" not in modules_loaded_by("import fieldgrid.station.exchange, fieldgrid.station.units")


def test_the_record_format_imports_only_the_model() -> None:
    above = ("fieldgrid.store", "fieldgrid.sync", "fieldgrid.station", "fieldgrid.tui", "fieldgrid.cli", "tinydb")
    found = {rel(p): imports_any(p, *above) for p in files_under("record")}
    assert {k: v for k, v in found.items() if v} == {}


def test_no_top_level_sync_package_is_installed() -> None:
    # ``sync/`` at the top holds the protocol (schema, spec, vectors), not code: a ``sync.py`` in the user's
    # folder, or another distribution's ``sync`` package, can never shadow fieldgrid's own.
    assert not (PACKAGE.parent / "sync" / "__init__.py").exists()
    assert not list((PACKAGE.parent / "sync").rglob("*.py"))
