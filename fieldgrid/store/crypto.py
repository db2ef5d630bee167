"""The device's store encrypted at rest: a key derived from the leader's PIN or passphrase with Argon2id, the
whole database sealed with SecretBox (XSalsa20-Poly1305, authenticated) inside the store's atomic write.

A sealed ``fieldgrid.json`` is a 61-byte header followed by the sealed body::

    magic    8  b"FGSEAL01"
    alg      1  1 = Argon2id v1.3 (libsodium crypto_pwhash_ALG_ARGON2ID13)
    opslimit 4  big-endian
    memlimit 8  big-endian, bytes
    salt    16  random, new for every PIN set or changed
    check   16  BLAKE2b-128 of the bytes above, keyed with the derived key: tells a wrong PIN from a damaged body
    digest   8  BLAKE2b-64 of the bytes above, unkeyed: tells a damaged header from a wrong PIN
    body        SecretBox(key).encrypt(JSON): a random 24-byte nonce, the 16-byte tag, the ciphertext

The parameters (:data:`DEFAULT_PARAMS`): Argon2id, opslimit 2, memlimit 64 MiB, one lane — libsodium's
"interactive" limits.  On the development machine (2 cores of a shared AMD EPYC VM, about 3.4× slower than a
recent laptop; libsodium picks its AVX2 code there) the derivation took a median of 183 ms (132-344 ms, 9 runs;
opslimit 3 took 257 ms), and a whole unlock of a 1.6 MB home (derive, read, decrypt, parse) ~0.3 s.  A Raspberry
Pi 4 (Cortex-A72, 1.5 GHz, LPDDR4) runs libsodium's portable Argon2 code (there is no NEON version): ~128 BlaMka
G-functions per 1 KiB block, 65,536 blocks a pass, 2 passes, about 2-4× this machine's time, so 0.4-0.7 s for
the derivation and under 1 s for the whole unlock.  opslimit 3 would have put the derivation alone at 0.5-1 s
there, too close to the budget; the 64 MiB of memory, which is what makes guessing on a GPU costly, is kept.
``benchmarks/bench_encrypted_write.py`` prints the unlock time of the machine it runs on: run it on the Pi.
A 6-digit PIN is still only a million guesses for someone holding the file (days of one core's time); a
passphrase is much stronger, and the README says so.

Nothing here does I/O: the storage and :mod:`fieldgrid.store.pin` read and write the files.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from dataclasses import dataclass

from nacl.exceptions import CryptoError
from nacl.pwhash import argon2id
from nacl.secret import SecretBox

from fieldgrid.errors import Refused

MAGIC = b"FGSEAL01"
ALG_ARGON2ID13 = 1
SALT_BYTES = argon2id.SALTBYTES  # 16
_PREFIX = struct.Struct(f">8sBIQ{SALT_BYTES}s")
CHECK_BYTES = 16
DIGEST_BYTES = 8
HEADER_SIZE = _PREFIX.size + CHECK_BYTES + DIGEST_BYTES  # 61
# The least a sealed body can be: nonce and tag around an empty message.
MIN_BODY = SecretBox.NONCE_SIZE + SecretBox.MACBYTES

MIN_PIN_DIGITS = 6
MIN_PHRASE_CHARS = 8


@dataclass(frozen=True)
class KdfParams:
    opslimit: int
    memlimit: int  # bytes


DEFAULT_PARAMS = KdfParams(opslimit=2, memlimit=64 * 1024 * 1024)
# What a header may ask for: libsodium's own minimums, and at most what no Pi should be asked to give (a hostile
# header could otherwise ask for terabytes or hours).
OPSLIMIT_RANGE = (argon2id.OPSLIMIT_MIN, 10)
MEMLIMIT_RANGE = (argon2id.MEMLIMIT_MIN, 1024 * 1024 * 1024)


class SealedStoreError(Refused):
    """A sealed store that cannot be read: refused with a clear message, never reset or moved aside."""


class DamagedHeader(SealedStoreError):
    def __init__(self, path: str) -> None:
        super().__init__("pin.damaged_header", path=path)


class DamagedBody(SealedStoreError):
    """The key is right for the header, but the body fails authentication: cut short, altered, or sealed with
    another key than its header's."""

    def __init__(self, path: str) -> None:
        super().__init__("pin.damaged_body", path=path)


class OtherKey(SealedStoreError):
    def __init__(self, path: str) -> None:
        super().__init__("pin.other_key", path=path)


class BadPin(Refused):
    """A PIN that cannot be used (empty, too short)."""


def normalize_pin(text: str) -> str:
    """The PIN as it is keyed: NFKC (a full-width ０ typed with a Chinese input method is 0), ends stripped."""
    return unicodedata.normalize("NFKC", text).strip()


def check_new_pin(text: str) -> str:
    """A new PIN: 6 or more digits, or a passphrase of 8 or more characters."""
    pin = normalize_pin(text)
    if not pin:
        raise BadPin("pin.empty")
    if pin.isdigit() and pin.isascii():
        if len(pin) < MIN_PIN_DIGITS:
            raise BadPin("pin.too_short", digits=MIN_PIN_DIGITS, chars=MIN_PHRASE_CHARS)
    elif len(pin) < MIN_PHRASE_CHARS:
        raise BadPin("pin.too_short", digits=MIN_PIN_DIGITS, chars=MIN_PHRASE_CHARS)
    return pin


def derive(pin: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id of the normalised PIN: the 32-byte SecretBox key.  This is the slow step (see the module's
    docstring for its cost)."""
    return argon2id.kdf(
        SecretBox.KEY_SIZE,
        normalize_pin(pin).encode("utf-8"),
        salt,
        opslimit=params.opslimit,
        memlimit=params.memlimit,
    )


@dataclass(frozen=True)
class Header:
    params: KdfParams
    salt: bytes
    check: bytes
    raw: bytes  # the header's bytes as stored


def is_sealed(raw: bytes) -> bool:
    return raw[: len(MAGIC)] == MAGIC


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


def _check(key: bytes, prefix: bytes) -> bytes:
    return hashlib.blake2b(prefix, key=key, digest_size=CHECK_BYTES, person=b"fieldgrid-pin").digest()


def parse_header(raw: bytes, path: str) -> Header:
    """The header of a sealed store (``raw`` starts with :data:`MAGIC`); :class:`DamagedHeader` for anything
    cut short, altered, or asking for parameters outside the bounds."""
    if len(raw) < HEADER_SIZE:
        raise DamagedHeader(path)
    head = raw[:HEADER_SIZE]
    body_end = _PREFIX.size + CHECK_BYTES
    if not hmac.compare_digest(_digest(head[:body_end]), head[body_end:]):
        raise DamagedHeader(path)
    magic, alg, opslimit, memlimit, salt = _PREFIX.unpack(head[: _PREFIX.size])
    if magic != MAGIC or alg != ALG_ARGON2ID13:
        raise DamagedHeader(path)
    if not (OPSLIMIT_RANGE[0] <= opslimit <= OPSLIMIT_RANGE[1] and MEMLIMIT_RANGE[0] <= memlimit <= MEMLIMIT_RANGE[1]):
        raise DamagedHeader(path)
    return Header(KdfParams(opslimit, memlimit), salt, head[_PREFIX.size : body_end], head)


class SealKey:
    """A derived key and the header it belongs to.  Made by :meth:`new` (a new PIN: a fresh salt) or
    :meth:`unlock` (the PIN typed against a store's header); ``None`` of it is ever written but the header."""

    def __init__(self, key: bytes, header: bytes) -> None:
        self._box = SecretBox(key)
        self._key = key
        self.header = header

    @classmethod
    def new(cls, pin: str, params: KdfParams | None = None) -> SealKey:
        """A key for a new PIN with a fresh salt; ``params`` default to :data:`DEFAULT_PARAMS` (read at the call,
        so the tests can make them cheap)."""
        pin = check_new_pin(pin)
        params = params or DEFAULT_PARAMS
        salt = os.urandom(SALT_BYTES)
        prefix = _PREFIX.pack(MAGIC, ALG_ARGON2ID13, params.opslimit, params.memlimit, salt)
        key = derive(pin, salt, params)
        checked = prefix + _check(key, prefix)
        return cls(key, checked + _digest(checked))

    @classmethod
    def unlock(cls, pin: str, header: Header) -> SealKey | None:
        """The key when ``pin`` is this header's PIN, else ``None``."""
        key = derive(pin, header.salt, header.params)
        if not hmac.compare_digest(_check(key, header.raw[: _PREFIX.size]), header.check):
            return None
        return cls(key, header.raw)

    def matches(self, pin: str) -> bool:
        """Whether ``pin`` is this key's PIN (the lock screen's check; as slow as unlocking)."""
        header = parse_header(self.header, "")
        other = derive(pin, header.salt, header.params)
        return hmac.compare_digest(other, self._key)

    @property
    def params(self) -> KdfParams:
        return parse_header(self.header, "").params

    def seal(self, plaintext: bytes) -> bytes:
        return self.header + bytes(self._box.encrypt(plaintext))

    def open(self, raw: bytes, path: str) -> bytes:
        """The plaintext of a sealed store written with this key."""
        header = parse_header(raw, path)
        if not hmac.compare_digest(header.raw, self.header):
            raise OtherKey(path)
        body = raw[HEADER_SIZE:]
        if len(body) < MIN_BODY:
            raise DamagedBody(path)
        try:
            return self._box.decrypt(body)
        except CryptoError:
            raise DamagedBody(path) from None
