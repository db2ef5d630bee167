"""The station's database encrypted at rest: every column that holds residents' data sealed by the application,
under a data key that the operator's passphrase unlocks.

Why not SQLCipher: ``sqlcipher3-binary`` ships wheels for x86_64 only — a Raspberry Pi station (aarch64) would
need a C toolchain and libsqlcipher to build it — and no fresh machine has a system SQLCipher.  So the station
keeps the standard library's SQLite and seals, value by value, each column that can hold a name, a phone or an ID
number: ``records.doc``, ``conflicts.detail`` and ``conflicts.resolution``, ``outbox.payload``, ``held.doc``,
``log.params`` (notices' text, leaders' names) and ``devices.leader``.  The whole document is sealed, not some
of its fields: simpler, and names are hidden too.  What stays plain is what the station looks things up by and
names no one: tables, record and device ids, clock stamps, digests, times, message keys, the unit's grid path, and
``records.ref`` (a problem event's problem id, for the look-ups ``json_extract`` used to do).

The scheme reuses the device's crypto (:mod:`fieldgrid.store.crypto`, through :mod:`fieldgrid.store.keywrap`,
which the faces call: the station itself never imports the device's store):

* a random 32-byte **data key** seals each value with SecretBox (XSalsa20-Poly1305): the value stored is
  ``fg1:`` + base64(nonce + ciphertext), so a sealed value is told from a plain one at a glance;
* the data key is kept in the ``meta`` table under ``seal``, **wrapped**: base64 of a device-style sealed blob —
  the 61-byte header (Argon2id limits, salt, the check that tells a wrong passphrase from damage) and the data key
  sealed with the key derived from the passphrase (:class:`~fieldgrid.store.crypto.SealKey`).  Changing the
  passphrase re-wraps the data key only; the data is not touched.
* wrong passphrases count toward a wait exactly as the device's PINs do (:class:`~fieldgrid.store.pin.Unlocker`),
  the count kept in ``.station.sqlite3.tries`` beside the database.

A station made before this change is plaintext until ``station encrypt`` seals it (one transaction, then
``VACUUM`` and a truncating WAL checkpoint, so no plaintext stays in free pages or in the WAL).  ``seal`` present
in ``meta`` but unreadable is refused, never taken for a plaintext station and never overwritten.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import CryptoError
from nacl.secret import SecretBox
from nacl.utils import random as random_bytes

from fieldgrid.errors import Refused

PREFIX = "fg1:"
SEAL_SETTING = "seal"  # the meta row holding the wrapped data key
TRIES_NAME = ".station.sqlite3.tries"
DEMO_PASSPHRASE = "demo-station"
WHERE = "station.sqlite3"  # how damaged values are named in messages


class SealError(Refused):
    """A sealed station that cannot be opened with what was given; ``key`` for ``t()``."""


class Plain:
    """The codec of a plaintext station: values as they are; a sealed value here is refused, never shown."""

    sealed = False

    def seal(self, text: str) -> str:
        return text

    def open(self, value: str) -> str:
        if value.startswith(PREFIX):
            raise SealError("passphrase.damaged", where=WHERE)
        return value


class ColumnBox:
    """The codec of a sealed station: SecretBox under the data key, ``fg1:`` + base64(nonce + ciphertext)."""

    sealed = True

    def __init__(self, data_key: bytes) -> None:
        self._box = SecretBox(data_key)

    def seal(self, text: str) -> str:
        return PREFIX + base64.b64encode(bytes(self._box.encrypt(text.encode("utf-8")))).decode("ascii")

    def open(self, value: str) -> str:
        if not value.startswith(PREFIX):
            raise SealError("passphrase.damaged", where=WHERE)
        try:
            return self._box.decrypt(base64.b64decode(value[len(PREFIX) :], validate=True)).decode("utf-8")
        except (CryptoError, binascii.Error, ValueError):
            raise SealError("passphrase.damaged", where=WHERE) from None


Codec = Plain | ColumnBox


def new_data_key() -> bytes:
    return random_bytes(SecretBox.KEY_SIZE)


@dataclass(frozen=True)
class StationKey:
    """An unlocked station: its data key and the wrapped form (the ``meta`` row) it belongs to."""

    data: bytes
    wrapped: str

    def codec(self) -> ColumnBox:
        return ColumnBox(self.data)


def read_wrapped(path: Path) -> str | None:
    """The wrapped data key of the station database at ``path``; ``None`` for a plaintext or missing one.
    Read on a read-only connection, so it works beside the process that holds the station."""
    return read_setting(path, SEAL_SETTING)


def read_setting(path: Path, key: str) -> str | None:
    """One plain ``meta`` row of the station database at ``path`` (``None`` when missing), before unlocking."""
    from fieldgrid.station.backend import pointer, read_meta

    found = pointer(Path(path).parent)
    if found is not None:  # the station is on a PostgreSQL server: the home records where
        return read_meta(found["url"], key)
    if not Path(path).exists():
        return None
    # With no WAL beside it the file is the whole database: read as immutable, so asking (and a wrong passphrase
    # after) leaves no -wal or -shm behind.  A stale read is harmless: the key is checked against the row again.
    wal = Path(f"{path}-wal").exists()
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro{'' if wal else '&immutable=1'}", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # no meta table yet: a database still being made
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])


__all__ = [
    "DEMO_PASSPHRASE",
    "PREFIX",
    "SEAL_SETTING",
    "TRIES_NAME",
    "ColumnBox",
    "Plain",
    "SealError",
    "StationKey",
    "new_data_key",
    "read_setting",
    "read_wrapped",
]
