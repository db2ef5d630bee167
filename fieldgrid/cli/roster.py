"""``fieldgrid households import FILE [--apply] [--map COLUMN=FIELD]`` and ``households export --out FILE``:
the community's roster spreadsheet in and out.

Import is a dry run unless ``--apply``: it reports what would be created or updated and every rejected row
with its row number and reason.  With ``--apply`` every valid household is written in one atomic write.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_BAD_INPUT, EXIT_OK, InputError, err, out
from fieldgrid.field_labels import field_label
from fieldgrid.i18n import t
from fieldgrid.store import Store


def register(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = actions.add_parser("import", parents=[common], help=t("cli.help.roster_import"),
                           description=t("cli.help.roster_import_description"))  # fmt: skip
    p.add_argument("file", metavar="FILE.xlsx|FILE.csv", help=t("cli.help.roster_file"))
    p.add_argument("--apply", action="store_true", help=t("cli.help.roster_apply"))
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD", help=t("cli.help.roster_map"))
    p.set_defaults(handler=cmd_import)
    p = actions.add_parser("export", parents=[common], help=t("cli.help.roster_export"),
                           description=t("cli.help.roster_export"))  # fmt: skip
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv", help=t("cli.help.roster_out"))
    p.add_argument("--reveal", action="store_true", help=t("cli.help.roster_reveal"))
    p.set_defaults(handler=cmd_export, read_only=True)


def _mapping(specs: list[str]) -> dict[str, str]:
    from fieldgrid.roster.columns import FIELDS

    mapping: dict[str, str] = {}
    for spec in specs:
        column, sep, name = spec.partition("=")
        if not sep or not column.strip() or name.strip() not in FIELDS:
            raise InputError("cli.error.roster_map", value=spec, fields=", ".join(FIELDS))
        mapping[column.strip()] = name.strip()
    return mapping


def cmd_import(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.roster.files import read_rows
    from fieldgrid.roster.importing import plan_import

    profile = store.profile()
    rows = read_rows(Path(args.file).expanduser())
    plan = plan_import(
        rows,
        store.households(),
        building=profile.grid.building if profile else "",
        unit=profile.grid.unit if profile else "",
        extra_tags=[*store.vocabulary().tags, *(profile.extra_tags if profile else [])],  # a scenario pack's too
        mapping=_mapping(args.map),
        today=store.now().date(),
        grid_kind=store.grid_kind(),
    )
    for household in plan.creates:
        out(t("cli.roster.create", room=household.room, head=household.head_name or "—", people=len(household.members)))
    for household in plan.updates:
        out(t("cli.roster.update", room=household.room, head=household.head_name or "—", people=len(household.members)))
    if plan.rejected:
        headers = [t("cli.roster.col.row"), t("cli.roster.col.field"), t("cli.roster.col.reason")]
        rows_out = [[str(r.row), field_label(r.field), t(r.key, **r.params)] for r in plan.rejected]
        for line in table(headers, rows_out):
            out(line)
    for likeness in plan.namesakes:
        err(t("cli.roster.namesake", name=likeness.member.name, year=likeness.member.birth_year,
              room=likeness.household.room, other=likeness.other.name))  # fmt: skip
    summary = dict(people=plan.rows, creates=len(plan.creates), updates=len(plan.updates), unchanged=plan.unchanged,
                   rejected=len({r.row for r in plan.rejected}))  # fmt: skip
    target = Path(args.file).name
    if args.apply:
        written = sum(len(h.members) for h in [*plan.creates, *plan.updates])
        if plan.changes:
            store.apply_households(plan.creates, plan.updates)
        store.log_disclosure("import", "roster_import", written, target=target)
        err(t("cli.roster.applied", **summary))
    else:  # a dry run writes nothing, not even to the log: nothing came in
        err(t("cli.roster.dry_run", **summary))
    return EXIT_OK if not plan.rejected else EXIT_BAD_INPUT


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.exports.tables import SUFFIXES, write_table
    from fieldgrid.roster.exporting import roster_sheet

    path = Path(args.out).expanduser()
    if path.suffix.lower() not in SUFFIXES:
        raise InputError("cli.error.export_suffix", value=args.out)
    households = [h for h in store.households() if not h.is_ended]  # the unit's roster: who lives here
    write_table(path, roster_sheet(households, t("cli.roster.sheet"), reveal=args.reveal))
    store.log_disclosure("export", "roster_export", sum(len(h.members) for h in households), target=path.name)
    err(t("cli.roster.exported", count=len(households), path=str(path)))
    if not args.reveal:
        err(t("cli.roster.masked"))
    return EXIT_OK
