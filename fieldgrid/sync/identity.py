"""Identities: one Ed25519 key per device or station, made on first use and kept in its home.

The same key signs bundles (Ed25519) and, converted to X25519, opens the sealed boxes addressed to it, so a
party is known by one public key.  Public identities travel as small JSON files on the stick
(``fieldgrid sync identity`` / ``station identity``): no network is involved.  The private key file is
readable by its owner only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.encoding import HexEncoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

from fieldgrid.fsutil import atomic_write_bytes
from fieldgrid.sync.errors import SyncError

KEY_DIR = "keys"
SECRET = "identity.key"
IDENTITY_FORMAT = "fieldgrid-identity"


@dataclass(frozen=True)
class Identity:
    """A party's public side: its id, kind (device or station), public key (hex) and who it is."""

    party: str
    kind: str
    public_key: str
    name: str = ""
    grid: dict[str, str] | None = None

    def to_doc(self) -> dict[str, Any]:
        return {"format": IDENTITY_FORMAT, "party": self.party, "kind": self.kind, "public_key": self.public_key,
                "name": self.name, "grid": self.grid or {}}  # fmt: skip

    @classmethod
    def from_doc(cls, doc: Any) -> Identity:
        if not isinstance(doc, dict) or doc.get("format") != IDENTITY_FORMAT:
            raise SyncError("sync.error.not_identity")
        try:
            VerifyKey(str(doc["public_key"]).encode(), encoder=HexEncoder)
            return cls(str(doc["party"]), str(doc["kind"]), str(doc["public_key"]), str(doc.get("name", "")),
                       {str(k): str(v) for k, v in (doc.get("grid") or {}).items()})  # fmt: skip
        except (KeyError, ValueError, TypeError, CryptoError):
            raise SyncError("sync.error.not_identity") from None

    @classmethod
    def read(cls, path: Path) -> Identity:
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise SyncError("sync.error.not_identity_file", path=str(path)) from None
        return cls.from_doc(doc)

    def write(self, path: Path) -> None:
        """The identity file, readable by its owner only (0600, as the keys): it holds only a public key, but it
        says who leads which unit, and it is handed over on a stick, not left for every user of the machine."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self.to_doc(), ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write_bytes(Path(path), data, mode=0o600)


class Keys:
    """The home's private key, made on first use."""

    def __init__(self, home: Path) -> None:
        folder = Path(home) / KEY_DIR
        path = folder / SECRET
        if path.exists():
            try:
                self.signing = SigningKey(path.read_bytes().strip(), encoder=HexEncoder)
            except (ValueError, TypeError, CryptoError):
                raise SyncError("sync.error.bad_key_file", path=str(path)) from None
        else:
            self.signing = SigningKey.generate()
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, self.signing.encode(encoder=HexEncoder), mode=0o600)

    @classmethod
    def from_seed(cls, seed: bytes) -> Keys:
        """The same keys in another process of the same program (:attr:`seed`), no file read or written."""
        keys = cls.__new__(cls)
        keys.signing = SigningKey(seed)
        return keys

    @property
    def seed(self) -> bytes:
        """The private key's 32 bytes, for :meth:`from_seed` (never written anywhere but the key file)."""
        return bytes(self.signing)

    @property
    def public_key(self) -> str:
        return self.signing.verify_key.encode(encoder=HexEncoder).decode()

    def sign(self, message: bytes) -> str:
        return self.signing.sign(message).signature.hex()

    def open_sealed(self, box: bytes) -> bytes:
        try:
            return SealedBox(self.signing.to_curve25519_private_key()).decrypt(box)
        except CryptoError:
            raise SyncError("sync.error.cannot_decrypt") from None


def verify(public_key: str, message: bytes, signature: str) -> bool:
    try:
        VerifyKey(public_key.encode(), encoder=HexEncoder).verify(message, bytes.fromhex(signature))
    except (BadSignatureError, ValueError, TypeError, CryptoError):
        return False
    return True


def seal(public_key: str, message: bytes) -> bytes:
    """``message`` encrypted so that only the holder of ``public_key``'s private key can read it."""
    verify_key = VerifyKey(public_key.encode(), encoder=HexEncoder)
    recipient: PublicKey = verify_key.to_curve25519_public_key()
    return SealedBox(recipient).encrypt(message)


def fingerprint(public_key: str) -> str:
    """What two people compare to know a key is the one they meant: 96 bits of its SHA-256, as 6 groups of 4
    hexadecimal characters (``3F9A 1C07 …``), read aloud or side by side on two screens."""
    digest = hashlib.sha256(public_key.strip().lower().encode("ascii", "replace")).hexdigest().upper()[:24]
    return " ".join(digest[i : i + 4] for i in range(0, 24, 4))
