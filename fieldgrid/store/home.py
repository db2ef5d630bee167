"""Where a home lives: ``--home DIR``, else ``FIELDGRID_HOME``, else the platform's user data folder.

The demo home is a separate folder, so ``fieldgrid demo`` never touches the user's real data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_HOME = "FIELDGRID_HOME"
APP_NAME = "fieldgrid"
DEVICE_DB = "fieldgrid.json"
STATION_DB = "station.sqlite3"
STATION_PG = "station.pg.json"  # a station whose database is on a PostgreSQL server: where (see fieldgrid.station)
# What a home may hold besides its database before it has one: the lock, keys, and files fieldgrid writes there.
_OURS = {".lock", "keys", "notices", "exports", "cards"}


def home_kind(home: Path) -> str:
    """What ``home`` is: ``missing`` or ``empty`` (a new home may go there), ``device`` (a unit leader's),
    ``station`` (a service station's), or ``other`` (a folder with someone else's files: never written into)."""
    if not home.exists():
        return "missing"
    if not home.is_dir():
        return "other"
    if (home / STATION_DB).exists() or (home / STATION_PG).exists():
        return "station"
    if (home / DEVICE_DB).exists():
        return "device"
    names = {p.name for p in home.iterdir() if not p.name.startswith(f".{DEVICE_DB}")}
    return "empty" if names <= _OURS else "other"


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
