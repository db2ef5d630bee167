"""Where a home lives: ``--home DIR``, else ``FIELDGRID_HOME``, else the platform's user data folder.

The demo home is a separate folder, so ``fieldgrid demo`` never touches the user's real data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_HOME = "FIELDGRID_HOME"
APP_NAME = "fieldgrid"


def resolve_home(explicit: str | None, environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if explicit:
        return Path(explicit).expanduser()
    if env.get(ENV_HOME):
        return Path(env[ENV_HOME]).expanduser()
    import platformdirs  # ~20 ms to import; not needed when the home is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_demo_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(f"{APP_NAME}-demo", appauthor=False))
