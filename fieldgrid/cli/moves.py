"""``fieldgrid households move-out | deceased | move-in | move-person``: moves and deaths, and the question asked
before a person who may already be on the roster is saved (same name and birth year in another household).

A household that moves out keeps its record (``households show ROOM --all``, ``households list --all``); its open
problems are carried (kept open, with a note) unless ``--problems close``.  A future date, a person or household
that is not there: exit 2, nothing written.
"""

from __future__ import annotations

import argparse
import sys

from fieldgrid.cli.exits import EXIT_OK, BadFields, InputError, err, out
from fieldgrid.cli.household_views import find_household
from fieldgrid.i18n import t
from fieldgrid.model import Household, ValidationErrors, validate_household
from fieldgrid.store import Store
from fieldgrid.store.moves import DEFAULT_PROBLEMS, PROBLEM_CHOICES


def register(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from fieldgrid.cli.households import household_options

    p = actions.add_parser("move-out", parents=[common], help=t("cli.help.move_out"),
                           description=t("cli.help.move_out_description"))  # fmt: skip
    p.add_argument("id", metavar="ROOM", help=t("cli.help.id"))
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help=t("cli.help.move_date"))
    p.add_argument("--to", default="", metavar="TEXT", help=t("cli.help.move_to"))
    p.add_argument("--problems", choices=PROBLEM_CHOICES, default=DEFAULT_PROBLEMS, help=t("cli.help.move_problems"))
    p.add_argument("--note", default="", metavar="TEXT", help=t("cli.help.move_note"))
    p.set_defaults(handler=cmd_move_out)

    p = actions.add_parser("deceased", parents=[common], help=t("cli.help.deceased"),
                           description=t("cli.help.deceased"))  # fmt: skip
    p.add_argument("id", metavar="ROOM", help=t("cli.help.id"))
    p.add_argument("--person", required=True, metavar="NAME", help=t("cli.help.person"))
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help=t("cli.help.death_date"))
    p.set_defaults(handler=cmd_deceased)

    p = actions.add_parser("set-head", parents=[common], help=t("cli.help.set_head"),
                           description=t("cli.help.set_head_description"))  # fmt: skip
    p.add_argument("id", metavar="ROOM", help=t("cli.help.id"))
    p.add_argument("--person", required=True, metavar="NAME", help=t("cli.help.person"))
    p.set_defaults(handler=cmd_set_head)

    p = actions.add_parser("move-in", parents=[common], help=t("cli.help.move_in"),
                           description=t("cli.help.move_in_description"))  # fmt: skip
    p.add_argument("room", metavar="ROOM", help=t("cli.help.room"))
    household_options(p, edit=False)
    yes_option(p)
    p.set_defaults(handler=cmd_move_in)

    p = actions.add_parser("move-person", parents=[common], help=t("cli.help.move_person"),
                           description=t("cli.help.move_person"))  # fmt: skip
    p.add_argument("name", metavar="NAME", help=t("cli.help.person"))
    p.add_argument("--from", dest="source", required=True, metavar="ROOM", help=t("cli.help.move_from"))
    p.add_argument("--to", dest="target", required=True, metavar="ROOM", help=t("cli.help.move_to_room"))
    p.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.help.move_person_date"))
    p.set_defaults(handler=cmd_move_person)


def yes_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--yes", action="store_true", help=t("cli.help.yes_namesake"))


# -- the question about a namesake ---------------------------------------------------------------------------


def confirm_namesakes(store: Store, household: Household, yes: bool) -> None:
    """Before saving: someone of the same name and birth year in another household is said, and the leader asked
    (on a terminal; ``--yes`` goes on; without a terminal and ``--yes``, exit 2 saying to add it)."""
    try:
        clean = validate_household(household)
    except ValidationErrors:
        return  # the save reports what is wrong
    found = store.namesakes(clean)
    if not found or yes:
        return
    for n in found:
        err(t("cli.namesake.line", name=n.member.name, year=n.member.birth_year or "", room=n.household.room))
    if not sys.stdin.isatty():
        raise InputError("cli.namesake.needs_yes")
    sys.stderr.write(t("cli.namesake.ask") + " ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes", "是", "好"):
        raise InputError("cli.namesake.declined")


# -- the commands ------------------------------------------------------------------------------------------


def cmd_move_out(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.id)
    gone, problems = store.move_out(household.id, args.date, args.to, args.problems, args.note)
    out(t("cli.move.out_done", room=gone.room, date=gone.ended_on or ""))
    if problems:
        out(t(f"cli.move.problems_{args.problems}", count=problems))
    return EXIT_OK


def cmd_deceased(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.id)
    changed = store.mark_deceased(household.id, args.person, args.date)
    out(t("cli.move.deceased_done", name=args.person.strip(), room=changed.room))
    if changed.is_ended:
        out(t("cli.move.household_ended", room=changed.room))
    return EXIT_OK


def cmd_set_head(args: argparse.Namespace, store: Store) -> int:
    household = find_household(store, args.id)
    changed = store.appoint_head(household.id, args.person)
    out(t("cli.move.head_done", name=changed.head_name, room=changed.room))
    return EXIT_OK


def cmd_move_in(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.cli.households import household_from_args

    household = household_from_args(args, store, room=args.room)
    place = store._place(household)
    held = [h for h in store.households() if (h.building, h.unit, h.room) == place]
    if not held:
        raise InputError("cli.move.no_flat", room=household.room)
    if any(not h.is_vacant for h in held):
        raise InputError("cli.move.lived_in", room=household.room)
    confirm_namesakes(store, household, args.yes)
    try:
        clean = store.move_in(household)
    except ValidationErrors as exc:
        raise BadFields(exc.errors, household.members) from None
    out(clean.id)
    return EXIT_OK


def cmd_move_person(args: argparse.Namespace, store: Store) -> int:
    source = find_household(store, args.source)
    target = find_household(store, args.target)
    day = args.date or store.today().isoformat()
    _, joined = store.move_person(args.name, source.id, target.id, day)
    out(t("cli.move.person_done", name=args.name.strip(), source=source.room, target=joined.room))
    return EXIT_OK
