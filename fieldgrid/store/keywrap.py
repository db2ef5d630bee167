"""A data key wrapped under a passphrase with the device's crypto (:mod:`fieldgrid.store.crypto`), and its
counted unlocking (:class:`~fieldgrid.store.pin.Unlocker`): what keeps the station's database key
(:mod:`fieldgrid.station.seal`; the station itself never imports the device's store).

The wrapped form is base64 of a device-style sealed blob: the 61-byte header (Argon2id limits, salt, the check
that tells a wrong passphrase from damage) followed by the data key sealed with SecretBox under the key derived
from the passphrase.  Re-wrapping under a new passphrase draws a new salt; the data key stays.
"""

from __future__ import annotations

import base64
import binascii
import time
from pathlib import Path

from fieldgrid.errors import Refused
from fieldgrid.store.crypto import SealedStoreError, SealKey, normalize_pin, parse_header
from fieldgrid.store.pin import Clock, MustWait, Unlocker, WrongPin

MIN_CHARS = 8
WHERE = "station.sqlite3 (meta: seal)"  # how a damaged wrapped key is named in messages
KEY_BYTES = 32


class PassphraseError(Refused):
    """A wrapped key that cannot be opened, or a passphrase that cannot be used; ``key`` for ``t()``."""


def damaged() -> PassphraseError:
    return PassphraseError("passphrase.damaged", where=WHERE)


def check_new_passphrase(text: str) -> str:
    """A new passphrase: 8 characters or more (NFKC, ends stripped, like the device's PINs)."""
    phrase = normalize_pin(text)
    if len(phrase) < MIN_CHARS:
        raise PassphraseError("passphrase.too_short", chars=MIN_CHARS)
    return phrase


def wrap(data_key: bytes, passphrase: str) -> str:
    """``data_key`` wrapped under a new passphrase (checked), with a fresh salt."""
    return base64.b64encode(SealKey.new(check_new_passphrase(passphrase)).seal(data_key)).decode("ascii")


def _raw(wrapped: str) -> bytes:
    try:
        return base64.b64decode(wrapped, validate=True)
    except (binascii.Error, ValueError):
        raise damaged() from None


def _open(sealer: SealKey, raw: bytes) -> bytes:
    try:
        data = sealer.open(raw, WHERE)
    except SealedStoreError:
        raise damaged() from None
    if len(data) != KEY_BYTES:
        raise damaged()
    return data


class KeyUnlocker:
    """Unlocking one wrapped key: damage refused before any try, each passphrase counted like the device's PINs
    (the count in ``tries`` beside the data in ``home``)."""

    def __init__(self, home: Path, wrapped: str, tries: str, clock: Clock = time.time) -> None:
        self.wrapped = wrapped
        self._raw = _raw(wrapped)
        try:
            header = parse_header(self._raw, WHERE)
        except SealedStoreError:
            raise damaged() from None
        self.unlocker = Unlocker(home, header, clock, tries=tries)

    def wait_left(self) -> float:
        return self.unlocker.wait_left()

    def try_passphrase(self, passphrase: str) -> bytes:
        """The data key, or :class:`PassphraseError` (empty, wrong — counted — or still waiting)."""
        if not normalize_pin(passphrase):
            raise PassphraseError("passphrase.empty")
        try:
            sealer = self.unlocker.try_pin(passphrase)
        except WrongPin as exc:
            if exc.left > 0:
                raise PassphraseError("passphrase.wrong", left=exc.left) from None
            raise PassphraseError("passphrase.wrong_wait", seconds=round(exc.wait)) from None
        except MustWait as exc:
            raise PassphraseError("passphrase.wait", seconds=max(1, int(exc.seconds + 0.999))) from None
        return _open(sealer, self._raw)


def try_quietly(wrapped: str, passphrase: str) -> bytes | None:
    """The data key when ``passphrase`` opens ``wrapped``, else ``None``; not counted as a wrong try (the demo
    tries its own passphrase: nobody typed it).  Damage is refused all the same."""
    raw = _raw(wrapped)
    try:
        sealer = SealKey.unlock(passphrase, parse_header(raw, WHERE))
    except SealedStoreError:
        raise damaged() from None
    return None if sealer is None else _open(sealer, raw)
