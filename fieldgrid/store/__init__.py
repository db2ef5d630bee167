"""The local store: a home folder with one crash-safe TinyDB file, its lock, and the repository API."""

from .errors import DiskError, HomeLocked, NotFound, StoreError
from .home import default_demo_home, resolve_home
from .lock import HomeLock
from .repository import Store

__all__ = [
    "DiskError",
    "HomeLock",
    "HomeLocked",
    "NotFound",
    "Store",
    "StoreError",
    "default_demo_home",
    "resolve_home",
]
