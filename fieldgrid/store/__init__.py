"""The local store: a home folder with one crash-safe TinyDB file, its lock, and the repository API."""

from fieldgrid.store.errors import DiskError, HomeLocked, NotFound, StoreError
from fieldgrid.store.home import default_demo_home, home_kind, resolve_home
from fieldgrid.store.lock import HomeLock
from fieldgrid.store.repository import Store

__all__ = [
    "DiskError",
    "HomeLock",
    "HomeLocked",
    "NotFound",
    "Store",
    "StoreError",
    "default_demo_home",
    "home_kind",
    "resolve_home",
]
