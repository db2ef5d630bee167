"""The TUI's texts and boundaries: every message key it uses exists in Chinese and English, it talks
to the store API only (never TinyDB), and pypinyin stays off the path to the first frame."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import fieldgrid
from fieldgrid.i18n import placeholders
from fieldgrid.i18n.catalogues import tui
from fieldgrid.model.vocabulary import TAGS
from fieldgrid.tui.widgets.member_editor import MEMBER_FIELDS

TUI = Path(fieldgrid.__file__).parent / "tui"
CATALOGUES = [importlib.import_module(m.name) for m in pkgutil.iter_modules(tui.__path__, f"{tui.__name__}.")]
ZH = {key: text for module in CATALOGUES for key, text in module.ZH.items()}  # the TUI catalogues
EN = {key: text for module in CATALOGUES for key, text in module.EN.items()}
KEY = re.compile(r"""["'](tui\.[a-z_]+(?:\.[a-z_]+)*)["']""")


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in TUI.rglob("*.py"):
        keys.update(KEY.findall(path.read_text(encoding="utf-8")))
    keys.update(f"tui.tag_short.{code}" for code in TAGS)  # built as f"tui.tag_short.{code}"
    keys.update(f"tui.member.{field}" for field in MEMBER_FIELDS)  # built as f"tui.member.{key}"
    return keys


def test_every_key_used_is_in_both_languages() -> None:
    missing_zh = used_keys() - set(ZH)
    missing_en = used_keys() - set(EN)
    assert not missing_zh and not missing_en, (missing_zh, missing_en)


def test_catalogues_match_key_for_key_and_placeholder_for_placeholder() -> None:
    assert set(ZH) == set(EN)
    for key, text in ZH.items():
        assert key.startswith("tui."), key
        assert placeholders(text) == placeholders(EN[key]), key


def test_tui_never_imports_tinydb() -> None:
    for path in TUI.rglob("*.py"):
        assert "tinydb" not in path.read_text(encoding="utf-8"), path


def test_importing_the_app_does_not_import_pypinyin() -> None:
    code = "import sys, fieldgrid.tui.app; sys.exit('pypinyin' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
