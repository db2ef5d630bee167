"""``fieldgrid sync export|import|status|identity|trust|stick``: the device's side of the USB-stick exchange with the
community service station."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldgrid.cli.exits import EXIT_BAD_INPUT, EXIT_OK, InputError, err, out
from fieldgrid.i18n import get_language, label, t
from fieldgrid.store import Store

if TYPE_CHECKING:
    from fieldgrid.sync.identity import Identity


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("sync", parents=[common], help=t("cli.help.sync"), description=t("cli.help.sync"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("export", parents=[common], help=t("cli.help.sync_export"),
                           description=t("cli.help.sync_export"))  # fmt: skip
    p.add_argument("--out", required=True, metavar="DIR", help=t("cli.help.sync_out"))
    p.add_argument("--plain", action="store_true", help=t("cli.help.sync_plain"))
    p.set_defaults(handler=cmd_export)
    p = actions.add_parser("import", parents=[common], help=t("cli.help.sync_import"),
                           description=t("cli.help.sync_import"))  # fmt: skip
    p.add_argument("file", metavar="FILE", help=t("cli.help.sync_file"))
    p.set_defaults(handler=cmd_import)
    p = actions.add_parser("status", parents=[common], help=t("cli.help.sync_status"),
                           description=t("cli.help.sync_status"))  # fmt: skip
    p.set_defaults(handler=cmd_status, read_only=True)
    p = actions.add_parser("identity", parents=[common], help=t("cli.help.sync_identity"),
                           description=t("cli.help.sync_identity"))  # fmt: skip
    p.add_argument("--out", required=True, metavar="FILE", help=t("cli.help.identity_out"))
    p.set_defaults(handler=cmd_identity)
    p = actions.add_parser("trust", parents=[common], help=t("cli.help.sync_trust"),
                           description=t("cli.help.sync_trust"))  # fmt: skip
    p.add_argument("file", metavar="FILE", help=t("cli.help.identity_file"))
    p.set_defaults(handler=cmd_trust)
    p = actions.add_parser("stick", parents=[common], help=t("stick.help.sync"), description=t("stick.help.sync"))
    p.add_argument("stick", nargs="?", metavar="DIR", help=t("stick.help.sync_dir"))
    p.set_defaults(handler=cmd_stick)


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.sync import device
    from fieldgrid.sync.identity import Keys

    done = device.export(store, Keys(store.home), Path(args.out).expanduser(), plain=args.plain)
    if done.plain:
        err(t("sync.export.plain"))
    err(t("sync.export.done", count=done.records, path=str(done.path)))
    out(str(done.path))
    return EXIT_OK


def cmd_import(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.sync import device
    from fieldgrid.sync.identity import Keys

    keys = Keys(store.home)
    path = Path(args.file).expanduser()
    if not path.is_dir():
        result = device.import_return(store, keys, path)
        if result.duplicate:
            err(t("sync.import.duplicate"))
        else:
            err(t("sync.import.done", changed=result.changed, notices=result.notices, conflicts=result.conflicts))
            say_scenarios(result)
        return EXIT_OK
    # A folder (the stick): every return bundle there addressed to this device; other leaders' are left alone.
    mine = device.returns_for(store, path)
    if not mine:
        err(t("sync.import.none_for_me", path=str(path)))
        return EXIT_OK
    for bundle in mine:
        result = device.import_return(store, keys, bundle)
        if result.duplicate:
            err(f"{bundle.name}: " + t("sync.import.duplicate"))
        else:
            err(f"{bundle.name}: " + t("sync.import.done", changed=result.changed, notices=result.notices,
                                       conflicts=result.conflicts))  # fmt: skip
            say_scenarios(result)
    return EXIT_OK


def say_scenarios(result: Any) -> None:
    """The scenario packs a return installed, and those it brought that were not (with why)."""
    for pack in result.scenarios:
        err(t("scenario.arrived", title=pack.title.label("en" if get_language() == "en" else "zh"), name=pack.name,
              version=pack.version))  # fmt: skip
    for name, why in result.scenarios_refused:
        err(t("scenario.arrived_refused", name=name, reason=t(why.key, **why.params)))


def cmd_status(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.sync import device
    from fieldgrid.sync.pending import pending_count

    station = device.trusted_station(store)
    out(t("sync.status.pending", count=pending_count(store)))
    out(t("sync.status.station", name=station.name, party=station.party) if station else t("sync.status.no_station"))
    acked = store.setting(device.ACKED)
    if acked:
        out(t("sync.status.acked", stamp=acked))
    notices = store.raw_docs(device.NOTICES)
    if notices:
        out(t("sync.status.notices", count=len(notices)))
        for notice in notices:
            audience = label("audience", str(notice.get("audience") or "residents"))
            out(f"  {notice.get('at', '')[:10]}  [{audience}] {notice.get('text', '')}")
    return EXIT_OK


def cmd_identity(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.sync import device
    from fieldgrid.sync.identity import Keys

    path = Path(args.out).expanduser()
    me = device.identity_to_share(store, Keys(store.home))
    me.write(path)
    err(t("sync.identity.written", path=str(path)))
    show_identity(me)
    return EXIT_OK


def show_identity(party: Identity) -> None:
    """Who an identity file speaks for and its key's fingerprint: the leader reads it out at the station, and the
    operator compares it with what ``station enroll`` shows."""
    from fieldgrid.station.units import grid_label
    from fieldgrid.sync.identity import fingerprint

    grid = party.grid or {}
    out(t("sync.identity.fingerprint", fingerprint=fingerprint(party.public_key)))
    if party.kind == "station":
        out(t("sync.identity.station_who", name=party.name or "—", community=grid.get("community", "") or "—",
              street=grid.get("street", "") or "—"))  # fmt: skip
        return
    out(t("sync.identity.who", name=party.name or "—", unit=grid_label(grid) or "—",
          community=grid.get("community", "") or "—"))  # fmt: skip


def cmd_trust(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.sync import device
    from fieldgrid.sync.identity import Identity

    station = Identity.read(Path(args.file).expanduser())
    device.trust(store, station)
    err(t("sync.trust.done", name=station.name, party=station.party))
    show_identity(station)  # the fingerprint, to compare with what the operator's screen shows
    return EXIT_OK


# -- the stick, both ways ------------------------------------------------------------------------------------


def _choose(candidates: list[Path]) -> Path:
    """Several drives and none used before: ask which, on a terminal; without one (a script, CI), refuse and list
    them, so the caller can name one."""
    listing = "\n".join(f"  {n}) {path}" for n, path in enumerate(candidates, start=1))
    if sys.stdin is None or not sys.stdin.isatty():
        raise InputError("stick.error.several", candidates=listing)
    err(t("stick.ask.several"))
    err(listing)
    sys.stderr.write(t("stick.ask.which", count=len(candidates)))
    sys.stderr.flush()
    answer = sys.stdin.readline().strip()
    if not answer.isdigit() or not 1 <= int(answer) <= len(candidates):
        raise InputError("stick.error.no_choice", answer=answer)
    return candidates[int(answer) - 1]


def _which_stick(args: argparse.Namespace, store: Store) -> Path:
    from fieldgrid.sync import device
    from fieldgrid.sync.stick import find_stick

    if args.stick:
        return Path(args.stick).expanduser()
    found = find_stick(store.setting(device.LAST_STICK))
    if found.stick is not None:
        err(t(f"stick.device.{found.how}", path=str(found.stick)))
        return found.stick
    if not found.candidates:
        raise InputError("stick.error.none_found")
    return _choose(found.candidates)


def cmd_stick(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.sync import device
    from fieldgrid.sync.errors import SyncError
    from fieldgrid.sync.identity import Keys

    done = device.exchange_stick(store, Keys(store.home), _which_stick(args, store))
    refused = 0
    for path, result in done.returns:
        name = str(path.relative_to(done.folder))
        if isinstance(result, SyncError):
            refused += 1
            err(t("stick.device.refused", file=name, reason=t(result.key, **result.params)))
        elif result.duplicate:
            err(f"{name}: " + t("sync.import.duplicate"))
        else:
            err(f"{name}: " + t("sync.import.done", changed=result.changed, notices=result.notices,
                                       conflicts=result.conflicts))  # fmt: skip
            for decision in result.decisions:
                data = decision.get("data") or {}
                code = str(decision.get("problem_id", ""))[:8].upper()
                outcome = label("outcome", str(data.get("outcome", "")))
                err(t("stick.device.decision", code=code, outcome=outcome, text=str(data.get("text", ""))))
            for notice in result.new_notices:
                audience = label("audience", str(notice.get("audience") or "residents"))
                err(t("stick.device.notice", audience=audience, text=str(notice.get("text", ""))))
            say_scenarios(result)
    if not done.returns:
        err(t("stick.device.no_returns", path=str(done.folder)))
    err(t("sync.export.done", count=done.exported.records, path=str(done.exported.path)))
    out(str(done.exported.path))
    return EXIT_BAD_INPUT if refused else EXIT_OK
