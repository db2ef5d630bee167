"""``fieldgrid --home DIR station …``: the community service station from the command line.

A station home holds ``station.sqlite3`` (see :mod:`sync.station.db`) and the operator's points rules,
``points.json``; ``station init`` makes one.  Every station command takes the home's lock like the field app.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fieldgrid.batch import without_cycle_collection
from fieldgrid.cli import (
    station_audit,
    station_duplicates,
    station_lists,
    station_log,
    station_patrol,
    station_points,
    station_property,
    station_queue,
    station_restore,
    station_retention,
    station_scenarios,
    station_seal,
    station_stick,
)
from fieldgrid.cli.common import month_arg, progress_bar, table, to_code
from fieldgrid.cli.exits import EXIT_BAD_INPUT, EXIT_OK, InputError, err, out
from fieldgrid.i18n import t
from fieldgrid.record.tables import PROBLEM_EVENTS
from fieldgrid.store import HomeLock
from fieldgrid.store.repository import DB_NAME

if TYPE_CHECKING:
    from fieldgrid.exports.monthly import Heading, PointRules
    from fieldgrid.station.db import StationDB

POINTS_FILE = "points.json"
StationHandler = Callable[[argparse.Namespace, "StationDB"], int]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("station", parents=[common], help=t("cli.help.station"), description=t("cli.help.station"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser(
        "init", parents=[common], help=t("cli.help.station_init"), description=t("cli.help.station_init")
    )
    p.add_argument("--name", default="", metavar="NAME", help=t("cli.help.station_name"))
    p.add_argument("--street", default="", metavar="STREET", help=t("cli.help.station_street"))
    p.add_argument("--community", default="", metavar="COMMUNITY", help=t("cli.help.station_community"))
    p.add_argument("--community-code", default="", metavar="CODE", help=t("cli.help.station_community_code"))
    p.add_argument("--level", default="community", metavar="LEVEL", help=t("level.help"))
    p.add_argument("--db", default=None, metavar="URL", help=t("station.pg.help_db"))
    p.set_defaults(run=cmd_init)
    p = actions.add_parser(
        "devices", parents=[common], help=t("cli.help.station_devices"), description=t("cli.help.station_devices")
    )
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(run=with_station(cmd_devices, read_only=True))
    p = actions.add_parser(
        "revoke", parents=[common], help=t("cli.help.station_revoke"), description=t("cli.help.station_revoke")
    )
    p.add_argument("device", metavar="DEVICE", help=t("cli.help.station_device"))
    p.set_defaults(run=with_station(cmd_revoke))
    p = actions.add_parser("ui", parents=[common], help=t("cli.help.station_ui"), description=t("cli.help.station_ui"))
    p.set_defaults(run=run_ui)
    p = actions.add_parser("edit-household", parents=[common], help=t("cli.help.station_edit"),
                           description=t("cli.help.station_edit"))  # fmt: skip
    p.add_argument("household", metavar="HOUSEHOLD_ID", help=t("cli.help.id"))
    p.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE", help=t("cli.help.station_set"))
    p.set_defaults(run=with_station(cmd_edit_household))
    p = actions.add_parser("trust", parents=[common], help=t("cli.help.station_trust"),
                           description=t("cli.help.station_trust"))  # fmt: skip
    p.add_argument("file", metavar="FILE", help=t("cli.help.identity_file"))
    p.set_defaults(run=with_station(cmd_trust))
    p = actions.add_parser("rollup", parents=[common], help=t("cli.help.station_rollup"),
                           description=t("cli.help.station_rollup"))  # fmt: skip
    p.add_argument("--out", required=True, metavar="DIR", help=t("cli.help.sync_out"))
    p.add_argument("--with-roster", action="store_true", help=t("rollup.help.with_roster"))
    p.add_argument("--full", action="store_true", help=t("rollup.help.full"))
    p.set_defaults(run=with_station(cmd_rollup))
    for name, handler in (("identity", cmd_identity), ("enroll", cmd_enroll), ("import", cmd_import),
                          ("returns", cmd_returns), ("decide", cmd_decide), ("notice", cmd_notice)):  # fmt: skip
        p = actions.add_parser(
            name, parents=[common], help=t(f"cli.help.station_{name}"), description=t(f"cli.help.station_{name}")
        )
        p.set_defaults(run=with_station(handler))
        if name in ("identity", "returns"):
            p.add_argument("--out", required=True, metavar="FILE" if name == "identity" else "DIR",
                           help=t("cli.help.identity_out" if name == "identity" else "cli.help.sync_out"))  # fmt: skip
        elif name == "enroll":
            p.add_argument("file", metavar="FILE", help=t("cli.help.identity_file"))
            p.add_argument("--post", default="A", choices=("A", "B"), help=t("cli.help.station_post"))
            p.add_argument("--replaces", metavar="DEVICE", help=t("cli.help.station_replaces"))
            p.add_argument("--other-community", action="store_true", help=t("cli.help.station_other_community"))
            p.add_argument("--reinstate", action="store_true", help=t("cli.help.station_reinstate"))
        elif name == "import":
            p.add_argument("paths", nargs="+", metavar="PATH", help=t("cli.help.station_paths"))
        elif name == "decide":
            p.add_argument("problem", metavar="PROBLEM_ID", help=t("cli.help.problem_id"))
            p.add_argument("--outcome", required=True, metavar="OUTCOME", help=t("cli.help.step_outcome"))
            p.add_argument("--text", required=True, metavar="TEXT", help=t("cli.help.step_text"))
        else:
            p.add_argument("--text", required=True, metavar="TEXT", help=t("cli.help.step_text"))
            p.add_argument("--device", action="append", metavar="DEVICE", help=t("cli.help.station_notice_device"))
            p.add_argument("--unit", action="append", metavar="UNIT", help=t("cli.help.station_notice_unit"))
            p.add_argument("--leader", action="append", metavar="NAME", help=t("cli.help.station_notice_leader"))
            p.add_argument("--audience", default="residents", metavar="AUDIENCE",
                           help=t("cli.help.station_notice_audience"))  # fmt: skip
    p = actions.add_parser(
        "report", parents=[common], help=t("cli.help.station_report"), description=t("cli.help.station_report")
    )
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=t("cli.help.month"))
    p.add_argument("--out", required=True, metavar="DIR", help=t("cli.help.station_report_out"))
    p.add_argument("--force", action="store_true", help=t("report.help.force"))
    p.add_argument("--summary", action="store_true", help=t("report.help.summary"))
    p.set_defaults(run=with_station(cmd_report, read_only=True))
    station_lists.register(actions, common, with_station)
    station_log.register(actions, common, with_station)
    station_queue.register(actions, common, with_station)
    station_stick.register(actions, common, with_station)
    station_restore.register(actions, common, with_station)
    station_points.register(actions, common, with_station)
    station_property.register(actions, common, with_station)
    station_scenarios.register(actions, common, with_station)
    station_patrol.register(actions, common, with_station)
    station_audit.register(actions, common, with_station)
    station_retention.register(actions, common, with_station)
    station_duplicates.register(actions, common, with_station)
    station_seal.register(actions, common, with_station)


def station_home(args: argparse.Namespace) -> Path:
    from fieldgrid.cli.program import home_of

    return home_of(args)


WRITER_WAIT = 5.0  # seconds a command that writes waits for the station held by another (the TUI, an import)


def with_station(handler: StationHandler, *, read_only: bool = False) -> Callable[[argparse.Namespace], int]:
    """Run ``handler`` with the station home's lock held and its database open.  A command that only reads runs
    beside another process holding the station (the operator's TUI), on a read-only connection; one that writes
    waits a few seconds for it, then says who holds it.  An encrypted station is unlocked first (the passphrase
    asked, or ``FIELDGRID_STATION_PASSPHRASE``): a wrong one changes nothing."""

    def run(args: argparse.Namespace) -> int:
        from fieldgrid.station.db import StationDB, is_station
        from fieldgrid.store.errors import HomeLocked

        home = station_home(args)
        key = station_seal.unlock_station(home) if is_station(home) else None
        lock = HomeLock(home, purpose=f"station {args.action}")
        try:
            lock.acquire(wait=0.0 if read_only else WRITER_WAIT)
        except HomeLocked:
            if not read_only:
                raise
            db = StationDB(home, read_only=True, key=key)
            try:
                return handler(args, db)
            finally:
                db.close()
        try:
            db = StationDB(home, key=key)
            try:
                return handler(args, db)
            finally:
                db.close()
        finally:
            lock.release()

    return run


def cmd_init(args: argparse.Namespace) -> int:
    from fieldgrid.exports.monthly import PointRules
    from fieldgrid.station import db as station_db
    from fieldgrid.station.backend import check_url
    from fieldgrid.station.db import StationDB, is_station
    from fieldgrid.station.exchange import LEVELS

    home = station_home(args)
    if (home / DB_NAME).exists():
        raise InputError("station.error.device_home", home=str(home))
    if is_station(home):
        raise InputError("station.error.exists", home=str(home))
    url = (args.db or "").strip() or station_db.default_url(home)
    if url is not None:
        check_url(url)
    code = args.community_code.strip()
    if code and not (len(code) == 12 and code.isdigit()):
        raise InputError("error.grid.code", value=code)
    level = to_code("level", args.level, LEVELS)
    if level not in LEVELS:
        raise InputError("level.error.unknown", value=args.level)
    if level == "street" and (args.community.strip() or code):
        raise InputError("level.error.street_community")
    key = station_seal.new_key(station_seal.read_new_passphrase())  # before anything is made: nothing on refusal
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = HomeLock(home)
    lock.acquire()
    try:
        db = StationDB(home, create=True, url=url)
        try:
            db.encrypt(key)  # empty yet: a new station is encrypted from its first record
            for name in ("name", "street", "community"):
                db.set_setting(name, getattr(args, name).strip())
            db.set_setting("community_code", code)
            db.set_setting("level", level)
        finally:
            db.close()
        points = home / POINTS_FILE
        if not points.exists():
            points.write_text(json.dumps(PointRules().to_doc(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    finally:
        lock.release()
    err(t("station.init.done", home=str(home)))
    out(str(home))
    return EXIT_OK


def cmd_devices(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.units import grid_label
    from fieldgrid.sync.identity import fingerprint

    devices = db.devices()
    if args.json:
        docs = [{**d.__dict__, "fingerprint": fingerprint(d.public_key), "unit": grid_label(d.grid),
                 "returns_waiting": len(db.pending(d.device_id))} for d in devices]  # fmt: skip
        out(json.dumps(docs, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not devices:
        out(t("station.devices.none"))
        return EXIT_OK
    columns = ("device", "leader", "grid", "post", "fingerprint", "last_bundle", "pending", "state")
    rows = []
    for d in devices:
        last = dt.datetime.fromtimestamp(d.last_bundle_at).strftime("%Y-%m-%d %H:%M") if d.last_bundle_at else "—"
        state = t("station.state.revoked") if d.revoked_at else t("station.state.active")
        rows.append([d.device_id[:12], d.leader, grid_label(d.grid), t(f"station.post.{d.post}"),
                     fingerprint(d.public_key), last, str(len(db.pending(d.device_id))), state])  # fmt: skip
    for line in table([t(f"station.col.{c}") for c in columns], rows):
        out(line)
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace, db: StationDB) -> int:
    device = db.revoke(args.device)
    db.log("revoke", "station.log.revoke", device=device.device_id, leader=device.leader)
    err(t("station.revoked", device=device.device_id, leader=device.leader))
    return EXIT_OK


def cmd_report(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.exports.monthly import Heading, is_empty, load_rules, monthly_sheets, report_paths, write_monthly
    from fieldgrid.station.joint_patrol import joint_patrols
    from fieldgrid.station.points import balances
    from fieldgrid.station.property import company_of
    from fieldgrid.station.scenarios import load_labels, visit_kinds
    from fieldgrid.station.units import device_units

    load_labels(db)  # the published scenario packs' labels, for their kinds, items, categories and fields
    month = month_arg(args.month) or ""
    rules = load_rules(db.home / POINTS_FILE, visit_kinds(db))  # a published pack's visit kinds may earn points
    folder = Path(args.out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError("stick.error.not_folder", path=str(folder))
    if not args.force:  # last month's report, perhaps edited since: never overwritten unasked
        from fieldgrid.exports.summary import summary_paths

        made = summary_paths(folder, month) if args.summary else report_paths(folder, month, fields=True)
        for path in made:
            if path.exists():
                raise InputError("report.error.exists", path=str(path))
    community = db.setting("community") or ""
    heading = Heading(community=community or db.setting("name") or "", station=db.setting("name") or "")
    if args.summary:
        return _summary(db, month, rules, folder, heading)
    with without_cycle_collection():
        both = device_units(db)  # read once: the station's whole history, for the sheets and the points to date
        held = [unit for _, unit in both]
        points = {b.unit: (b.earned, b.redeemed) for b in balances(db, rules, month, both)}
        patrols = [(p.date, p.partners, p.place, [c[:8].upper() for c in p.problems]) for p in joint_patrols(db, month)]
        companies = company_of(db)
        sheets = monthly_sheets(held, month, rules, dt.date.today(), heading, points, patrols, companies)
        paths = write_monthly(folder, month, sheets)
    for path in paths:
        out(str(path))
    if is_empty(held, month):
        err(t("report.empty", month=month))
    err(t("station.report.done", month=month, count=len(paths)))
    return EXIT_OK


def _summary(db: StationDB, month: str, rules: PointRules, folder: Path, heading: Heading) -> int:
    """``station report --summary``: the month's figures by street, community and unit, counted by the database."""
    from fieldgrid.exports.summary import summary_sheets, write_summary
    from fieldgrid.station.summary import unit_figures

    today = dt.date.today()
    with without_cycle_collection():
        figures = unit_figures(db, month, today)
        paths = write_summary(folder, month, summary_sheets(figures, month, rules, today, heading))
    for path in paths:
        out(str(path))
    if not any(f.tally.visits or f.reported or f.tally.escalated for f in figures):
        err(t("report.empty", month=month))
    err(t("station.report.done", month=month, count=len(paths)))
    return EXIT_OK


# -- the exchange ------------------------------------------------------------------------------------------


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="minutes")


def cmd_identity(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.cli.sync import show_identity
    from fieldgrid.station.exchange import station_identity
    from fieldgrid.sync.identity import Keys

    path = Path(args.out).expanduser()
    me = station_identity(db, Keys(db.home))
    me.write(path)
    err(t("sync.identity.written", path=str(path)))
    show_identity(me)
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.cli.sync import show_identity
    from fieldgrid.station.exchange import enroll
    from fieldgrid.sync.identity import Identity

    identity = Identity.read(Path(args.file).expanduser())
    done = enroll(db, identity, post=args.post, replaces=args.replaces, other_community=args.other_community,
                  reinstate=args.reinstate)  # fmt: skip
    show_identity(identity)
    err(t("station.enroll.done", party=identity.party, name=identity.name))
    if done.replaced is not None:
        err(t("station.enroll.replaced", device=done.replaced.device_id, leader=done.replaced.leader))
    if done.queued:
        err(t("station.enroll.queued", count=done.queued))
    if done.community:
        err(t("station.enroll.community", community=done.community))
    return EXIT_OK


def cmd_import(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import import_paths
    from fieldgrid.sync.identity import Keys

    outcomes = import_paths(db, Keys(db.home), [Path(p).expanduser() for p in args.paths], progress_bar)
    if not outcomes:
        raise InputError("station.import.none")
    headers = [t(f"station.col.{c}") for c in ("file", "device", "result", "records", "reason")]
    rows = [
        [o.path.name, o.device or "—", t(f"station.result.{o.status}"), str(o.records),
         t(o.key, **(o.params or {})) if o.key else t("station.import.held", rooms="、".join(o.held)) if o.held
         else ""]
        for o in outcomes
    ]  # fmt: skip
    for line in table(headers, rows):
        out(line)
    for o in outcomes:  # why each refusal, on stderr too: a script that keeps only stderr still learns it
        if o.status == "refused":
            err(t("station.import.refused", file=str(o.path), reason=t(o.key, **(o.params or {}))))
    counts = {status: sum(o.status == status for o in outcomes) for status in ("accepted", "duplicate", "refused")}
    err(t("station.import.summary", total=len(outcomes), **counts))
    return EXIT_OK if counts["refused"] == 0 else EXIT_BAD_INPUT


def cmd_returns(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import returns
    from fieldgrid.sync.identity import Keys

    for device, path, records, notices in returns(db, Keys(db.home), Path(args.out).expanduser()):
        err(t("station.returns.written", device=device, records=records, notices=notices, path=str(path)))
        out(str(path))
    return EXIT_OK


def cmd_decide(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.model.problem import DECISION_OUTCOMES
    from fieldgrid.station.exchange import StationClock, decide

    outcome = to_code("outcome", args.outcome, DECISION_OUTCOMES)
    doc = decide(db, StationClock(db), args.problem, outcome, args.text, _now())
    from fieldgrid.station.exchange import unit_of

    owner = db.owner(PROBLEM_EVENTS, doc["id"]) or ""
    devices = [db.device(d) for d in unit_of(db, owner)]
    err(t("station.decide.done", leaders="、".join(f"{d.leader}（{d.device_id}）" if d else "" for d in devices)))
    return EXIT_OK


def cmd_notice(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import AUDIENCES, notice, notice_targets

    audience = to_code("audience", args.audience, AUDIENCES)
    targets = notice_targets(db, devices=args.device or (), units=args.unit or (), leaders=args.leader or ())
    count = notice(db, args.text, _now(), targets, audience=audience)
    err(t("station.notice.done", count=count))
    return EXIT_OK


def run_ui(args: argparse.Namespace) -> int:
    """The operator's terminal; an encrypted station asks for its passphrase on its first screen, before
    showing anything."""
    from fieldgrid.cli.program import require_terminal
    from fieldgrid.station.db import StationDB, StationError, is_station

    home = station_home(args)
    if not is_station(home):
        raise StationError("station.error.not_a_station", home=str(home))
    require_terminal("cli.hint.no_terminal")
    from fieldgrid.tui.station.app import StationApp

    unlocker = station_seal.station_unlocker(home)
    lock = HomeLock(home, purpose=f"station {args.action}")
    lock.acquire(wait=WRITER_WAIT)
    try:
        if unlocker is None:
            err(t("passphrase.plaintext"))
            db = StationDB(home)
            try:
                StationApp(db).run()
            finally:
                db.close()
            return EXIT_OK
        app = StationApp(None, unlocker=unlocker, opener=lambda key: StationDB(home, key=key),  # on the app's thread
                         hint=station_seal.demo_hint(home))  # fmt: skip
        try:
            app.run()
        finally:
            if app.db is not None:
                app.db.close()
        return EXIT_OK
    finally:
        lock.release()


def cmd_trust(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import trust_parent
    from fieldgrid.sync.identity import Identity

    parent = Identity.read(Path(args.file).expanduser())
    trust_parent(db, parent)
    err(t("sync.trust.done", name=parent.name, party=parent.party))
    return EXIT_OK


def cmd_rollup(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.station.exchange import rollup
    from fieldgrid.sync.identity import Keys

    done = rollup(db, Keys(db.home), Path(args.out).expanduser(), with_roster=args.with_roster, full=args.full)
    err(t("sync.export.done", count=done.records, path=str(done.path)))
    err(t("rollup.since" if done.since else "rollup.everything", count=done.records))
    err(t("rollup.with_roster" if args.with_roster else "rollup.minimised"))
    out(str(done.path))
    return EXIT_OK


def cmd_edit_household(args: argparse.Namespace, db: StationDB) -> int:
    from fieldgrid.model.vocabulary import RESIDENCY, TAGS
    from fieldgrid.station.exchange import StationClock, edit_household

    changes: dict[str, object] = {}
    for spec in args.set:
        name, sep, value = spec.partition("=")
        if not sep:
            raise InputError("cli.error.station_set", value=spec)
        name = name.strip()
        if name in ("phones", "tags"):
            items = [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]
            changes[name] = [to_code("tag", v, TAGS) for v in items] if name == "tags" else items
        elif name == "residency":
            changes[name] = to_code("residency", value, RESIDENCY)
        elif name == "floor":
            changes[name] = int(value) if value.strip().lstrip("-").isdigit() else None
        else:
            changes[name] = value
    doc = edit_household(db, StationClock(db), args.household, changes)
    err(t("station.edit.done", room=doc.get("room", ""), id=doc["id"][:8]))
    return EXIT_OK
