"""Where the shipped assets (Textual CSS, templates, demo data) are: inside the package when installed
from a wheel, else in ``assets/`` beside the package in a source checkout."""

from __future__ import annotations

from pathlib import Path

import fieldgrid


def assets_dir() -> Path:
    package = Path(fieldgrid.__file__).parent
    inside = package / "assets"
    return inside if inside.is_dir() else package.parent / "assets"


def asset_path(*parts: str) -> Path:
    """The path of an asset, e.g. ``asset_path("tcss", "app.tcss")``."""
    return assets_dir().joinpath(*parts)
