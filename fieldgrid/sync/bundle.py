"""The bundle: what travels on the USB stick between a device and the station.

A bundle is one JSON file, ``*.fgbundle``: an envelope in the clear (format and version, kind, source party
and its public key, target, grid scope, clock range, record count, SHA-256 of the canonical payload) and the
payload — gzip-compressed canonical JSON, sealed to the target's public key unless written ``--plain`` —
all signed by the source's Ed25519 key.  ``sync/bundle.schema.json`` describes the envelope.

Reading refuses, whole and before anything is stored: a file too large, not JSON or cut short, another
format, a newer version ("update fieldgrid"), a bad signature, a payload that does not decrypt, that
inflates beyond a limit (a gzip bomb), or whose hash does not match.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldgrid.fsutil import atomic_write_bytes, remove_leftovers
from fieldgrid.model.errors import Label
from fieldgrid.record import json_text
from fieldgrid.record.checks import MAX_DEPTH, BadRecord, check_record, depth_within
from fieldgrid.record.meta import META
from fieldgrid.sync.errors import SyncError
from fieldgrid.sync.identity import Identity, Keys, seal, verify

FORMAT = "fieldgrid-bundle"
VERSION = 2  # 2: the corrections table and the problem event kind corrected (an older reader refuses)
SUFFIX = ".fgbundle"
KINDS = ("device", "return", "rollup")
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PAYLOAD_BYTES = 256 * 1024 * 1024
MAX_PAYLOAD_DEPTH = MAX_DEPTH + 3  # payload → records → record → … (the records are checked one by one later)
ENVELOPE_FIELDS: dict[str, type[object] | tuple[type[object], ...]] = {
    "format": str, "version": int, "kind": str, "source": dict, "target": (str, type(None)), "grid": dict,
    "created": str, "clock": dict, "records": int, "payload_sha256": str, "encryption": str, "compression": str,
    "payload": str, "signature": str,
}  # fmt: skip


def canonical(value: Any) -> bytes:
    """The one byte form of a JSON value that signatures and hashes are taken over."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Bundle:
    envelope: dict[str, Any]
    payload: dict[str, Any]

    @property
    def source(self) -> Identity:
        return Identity.from_doc({"format": "fieldgrid-identity", **self.envelope["source"]})

    @property
    def digest(self) -> str:
        return str(self.envelope["payload_sha256"])

    @property
    def records(self) -> list[tuple[str, dict[str, Any]]]:
        return [(r["table"], r["doc"]) for r in self.payload.get("records", [])]


def _clock_range(records: list[dict[str, Any]]) -> dict[str, str | None]:
    stamps = [str(r["doc"].get(META, {}).get("stamp") or "") for r in records]
    stamps = [s for s in stamps if s]
    return {"from": min(stamps) if stamps else None, "to": max(stamps) if stamps else None}


def write_bundle(
    out_dir: Path,
    keys: Keys,
    source: Identity,
    kind: str,
    payload: dict[str, Any],
    *,
    target: Identity | None,
    grid: dict[str, str],
    plain: bool = False,
    now: dt.datetime | None = None,
) -> Path:
    """Sign and (unless ``plain``) seal ``payload`` for ``target``; write it into ``out_dir`` atomically (a
    temp file renamed into place: a stick pulled mid-write leaves no file that looks whole)."""
    if kind not in KINDS:
        raise ValueError(kind)
    if not plain and target is None:
        raise ValueError("an encrypted bundle needs a target")
    # The payload need not be canonical: its hash is taken over exactly these bytes, and the signature over
    # the envelope that holds the hash.
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = gzip.compress(raw, compresslevel=1, mtime=0)  # fast: the stick has room, the leader waits
    body = packed if plain else seal(target.public_key, packed)  # type: ignore[union-attr]  # not plain: target checked above
    created = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    records = payload.get("records", [])
    envelope: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "source": {"party": source.party, "kind": source.kind, "public_key": source.public_key, "name": source.name},
        "target": target.party if target else None,
        "grid": grid,
        "created": created,
        "clock": _clock_range(records),
        "records": len(records),
        "payload_sha256": hashlib.sha256(raw).hexdigest(),
        "encryption": "none" if plain else "sealed-box",
        "compression": "gzip",
        "payload": base64.b64encode(body).decode("ascii"),
    }
    envelope["signature"] = keys.sign(canonical(envelope))
    stamp = created.replace(":", "").replace("-", "")[:15]
    path = Path(out_dir) / f"{kind}-{source.party}-{stamp}-{envelope['payload_sha256'][:8]}{SUFFIX}"
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    remove_leftovers(Path(out_dir), f"*{SUFFIX}")  # a bundle half-written when a stick was pulled last time
    atomic_write_bytes(path, json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def _inflate(data: bytes) -> bytes:
    """gunzip with a ceiling: a small file that would inflate into gigabytes is refused, not unpacked."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_PAYLOAD_BYTES + 1)
    except zlib.error:
        raise SyncError("sync.error.damaged") from None
    if len(out) > MAX_PAYLOAD_BYTES or inflater.unconsumed_tail:
        raise SyncError("sync.error.too_large_inflated", limit=MAX_PAYLOAD_BYTES // (1024 * 1024))
    if not inflater.eof:
        raise SyncError("sync.error.damaged")
    return out


def read_envelope(path: Path) -> dict[str, Any]:
    """The envelope, checked for size, shape, format, version and its own signature."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SyncError("sync.error.too_large", size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024))
        text = path.read_bytes().decode("utf-8")
        envelope = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):  # a nesting bomb is not JSON we read
        raise SyncError("sync.error.not_json", path=path.name) from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise SyncError("sync.error.not_bundle", path=path.name)
    version = envelope.get("version")
    if isinstance(version, int) and version > VERSION:
        raise SyncError("sync.error.newer_version", version=version, known=VERSION)
    for key, kind in ENVELOPE_FIELDS.items():
        if not isinstance(envelope.get(key), kind) or isinstance(envelope.get(key), bool):
            raise SyncError("sync.error.bad_envelope", field=key)
    if envelope["kind"] not in KINDS or envelope["encryption"] not in ("none", "sealed-box"):
        raise SyncError("sync.error.bad_envelope", field="kind")
    source = envelope["source"]
    if not isinstance(source.get("public_key"), str) or not isinstance(source.get("party"), str):
        raise SyncError("sync.error.bad_envelope", field="source")
    unsigned = {k: v for k, v in envelope.items() if k != "signature"}
    if not verify(source["public_key"], canonical(unsigned), envelope["signature"]):
        raise SyncError("sync.error.bad_signature", party=source["party"])
    return envelope


def open_bundle(path: Path, keys: Keys | None, *, allow_plain: bool = False) -> Bundle:
    """Read, verify, decrypt (with ``keys``) and unpack a bundle.  The caller then checks that the source
    key is the one it knows for that party (:func:`check_source`)."""
    envelope = read_envelope(path)
    try:
        body = base64.b64decode(envelope["payload"], validate=True)
    except ValueError:
        raise SyncError("sync.error.damaged") from None
    if envelope["encryption"] == "none":
        if not allow_plain:
            raise SyncError("sync.error.plain_refused")
        packed = body
    else:
        if keys is None:
            raise SyncError("sync.error.cannot_decrypt")
        packed = keys.open_sealed(body)
    raw = _inflate(packed)
    if hashlib.sha256(raw).hexdigest() != envelope["payload_sha256"]:
        raise SyncError("sync.error.hash_mismatch")
    try:
        payload = json_text.loads_strict(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise SyncError("sync.error.damaged") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("records", []), list):
        raise SyncError("sync.error.damaged")
    if not depth_within(payload, MAX_PAYLOAD_DEPTH):  # nothing after this point may recurse without end
        raise SyncError("sync.error.damaged")
    for record in payload.get("records", []):
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("table"), str)
            or not isinstance(record.get("doc"), dict)
            or not isinstance(record["doc"].get("id"), str)
        ):
            raise SyncError("sync.error.damaged")
    if len(payload.get("records", [])) != envelope["records"]:
        raise SyncError("sync.error.damaged")
    return Bundle(envelope, payload)


def bundle_digest(path: Path) -> str:
    """The payload hash a bundle file names in its envelope (how both sides refer to a bundle)."""
    return str(json.loads(Path(path).read_text(encoding="utf-8"))["payload_sha256"])


def check_source(bundle: Bundle, known: Identity | None) -> None:
    """The bundle must come from ``known`` (an enrolled device, or the trusted station), signed by its key."""
    source = bundle.envelope["source"]
    if known is None:
        raise SyncError("sync.error.unknown_party", party=source["party"])
    if source["party"] != known.party or source["public_key"] != known.public_key:
        raise SyncError("sync.error.wrong_key", party=source["party"])


def check_records(
    bundle: Bundle, *, now_ms: int, parties: Collection[str] | None, prechecked: Prechecked | None = None
) -> None:
    """Every record of ``bundle`` well formed (:func:`fieldgrid.record.checks.check_record`), or the whole
    bundle refused naming the first bad record: before anything is merged, acknowledged or marked delivered.
    ``prechecked``: what :func:`precheck_records` found while the bundle was read ahead; when every record passed
    there and every stamp is of a party in ``parties``, nothing is walked again (anything else is checked here
    whole, so a refusal names the same record it would have)."""
    if prechecked is not None and prechecked.passed and (parties is None or prechecked.parties <= set(parties)):
        return
    for n, (table, doc) in enumerate(bundle.records):
        try:
            # open_bundle checked the payload's nesting whole (MAX_PAYLOAD_DEPTH): each record's is within MAX_DEPTH
            check_record(table, doc, now_ms=now_ms, parties=parties, position=n, depth_checked=True)
        except BadRecord as bad:
            raise SyncError(
                "sync.error.bad_record", record=bad.record, field=bad.field or "—", reason=Label("reason", bad.reason)
            ) from None


@dataclass(frozen=True)
class Prechecked:
    """A bundle's records checked before the receiver knew who may have stamped them: whether all passed, and
    the parties whose stamps they carry."""

    passed: bool
    parties: frozenset[str]


class _Asked(Collection[str]):
    """Every party allowed, each one asked about remembered."""

    def __init__(self) -> None:
        self.asked: set[str] = set()

    def __contains__(self, party: object) -> bool:
        self.asked.add(str(party))
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self.asked)

    def __len__(self) -> int:
        return len(self.asked)


def precheck_records(bundle: Bundle, *, now_ms: int) -> Prechecked:
    """:func:`check_records` with any party's stamps allowed (what needs no station: the second process's work
    while the station writes the bundle before, :mod:`fieldgrid.station.ahead`), noting the parties;
    :func:`check_records` finishes it."""
    asked = _Asked()
    try:
        check_records(bundle, now_ms=now_ms, parties=asked)
    except SyncError:
        return Prechecked(False, frozenset())
    return Prechecked(True, frozenset(asked.asked))
