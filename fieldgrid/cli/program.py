"""``fieldgrid``: parse the command line, take the home's lock, run one command, map errors to exit codes.

Exit codes: 0 success; 2 bad input (a translated message on stderr naming the field; nothing written);
1 anything else (the home is locked, the disk refused a write, no terminal for the app).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from fieldgrid import __version__
from fieldgrid.cli.exits import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_OK,
    BadFields,
    Failure,
    InputError,
    err,
    out,
    say_error,
)
from fieldgrid.errors import FieldgridError
from fieldgrid.i18n import language_from_env, normalize_language, set_language, t
from fieldgrid.model import Member, ValidationError, ValidationErrors
from fieldgrid.model.places import GRID_KINDS
from fieldgrid.store import HomeLock, Store, default_demo_home, home_kind, resolve_home
from fieldgrid.store.pin import DEMO_PIN, Unlocker

if TYPE_CHECKING:
    import argparse

    from fieldgrid.cli.common import Parser
    from fieldgrid.store.crypto import SealKey

    Handler = Callable[[argparse.Namespace, Store], int]

# argparse is imported when the parser is built: opening the app (``fieldgrid [--home DIR] [--lang L]``) skips it.


# -- the home ------------------------------------------------------------------------------------------------


def print_notices(store: Store) -> None:
    for key, params in store.notices:
        err(t("cli.notice.prefix", message=t(key, **params)))


@contextlib.contextmanager
def locked_home(home: Path, *, must_exist: bool = False) -> Iterator[None]:
    """The home's lock, released on the way out.  Raises HomeLocked if another fieldgrid process holds the home;
    refuses, writing nothing, a station's home, a folder of other files, and (``must_exist``, for commands that
    only read) a home that is not there yet."""
    kind = home_kind(home)
    if kind == "station":
        raise InputError("error.home.is_station", home=str(home))
    if kind == "other":
        raise InputError("error.home.not_fieldgrid", home=str(home))
    if must_exist and kind == "missing":
        raise InputError("error.home.nothing_here", home=str(home))
    lock = HomeLock(home)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def open_home(
    home: Path, *, show_notices: bool = True, must_exist: bool = False, retention: bool = True
) -> Iterator[Store]:
    """The home's lock (:func:`locked_home`), then its store — unlocked with its PIN, asked or from
    ``FIELDGRID_PIN``, when it has one; both released on the way out.  What is past its retention is erased as
    the store opens (not for ``retention apply``, which says itself what it erases or would)."""
    from fieldgrid.cli.pin import unlock_home

    with locked_home(home, must_exist=must_exist):
        store = Store(home, key=unlock_home(home))
        try:
            if retention:
                store.retention_at_open()
            if show_notices:
                print_notices(store)
            yield store
        finally:
            store.close()


def home_of(args: argparse.Namespace) -> Path:
    return resolve_home(args.home, os.environ)


# -- the app ---------------------------------------------------------------------------------------------------


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(store: Store | None = None, *, unlocker: Unlocker | None = None, pin_hint: str = "") -> int:
    """Open the terminal UI on ``store`` (already locked), or, for a home with a PIN, on the home ``unlocker``
    unlocks: the app asks for the PIN and opens the store.  textual is imported here, not at start-up."""
    from fieldgrid.tui.app import FieldgridApp

    if store is not None:
        app = FieldgridApp(store, notices=store.notices)
    else:
        app = FieldgridApp(unlocker=unlocker, pin_hint=pin_hint)
    try:
        app.run()
    finally:
        opened: Store | None = getattr(app, "store", None)
        if opened is not None and opened is not store:
            opened.close()
    # Shown again once the screen is back, so a moved-aside database is not missed.
    if opened is not None:
        print_notices(opened)
    code = getattr(app, "return_code", None)
    return code if isinstance(code, int) else EXIT_OK


def require_terminal(hint_key: str) -> None:
    if not has_terminal():
        raise Failure("cli.error.no_terminal", hint=t(hint_key))


def cmd_open(args: argparse.Namespace) -> int:
    from fieldgrid.cli import pin

    require_terminal("cli.hint.no_terminal")
    home = home_of(args)
    with locked_home(home):
        unlocker = Unlocker.of(home, pin.clock)
        if unlocker is not None:  # the app asks for the PIN itself
            return run_app(unlocker=unlocker)
        pin.refuse_pin_without_seal(home)
        store = Store(home)
        try:
            store.retention_at_open()
            return run_app(store)
        finally:
            store.close()


# -- demo -------------------------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    """The demo unit, encrypted with the PIN everyone knows (:data:`~fieldgrid.store.pin.DEMO_PIN`, said on
    stderr and on the PIN screen), so trying the demo shows the PIN screen a real home has."""
    from fieldgrid.cli import pin
    from fieldgrid.demo.unit import write_demo
    from fieldgrid.store.crypto import SealKey

    home = Path(args.home).expanduser() if args.home else default_demo_home()
    if not args.no_open:
        require_terminal("cli.hint.no_terminal_demo")
    with locked_home(home):
        store = Store(home, key=_demo_key(home))
        try:
            if args.no_open:
                print_notices(store)
            if not store.is_demo and not store.is_empty():
                raise InputError("cli.demo.real_data", home=str(home))
            profile = store.profile()
            complete = store.is_demo and profile is not None and bool(store.households())
            other_kind = profile is not None and profile.grid_kind != args.grid_kind  # a demo of another kind
            if args.reset or (store.is_demo and (not complete or other_kind)):
                # Only ever a demo-marked or empty database: start it again from nothing.
                store.close()
                store.path.unlink(missing_ok=True)
                store = Store(home)
                complete = False
            if complete:
                err(t("cli.demo.kept", home=str(home)))
            else:
                count = write_demo(store, args.grid_kind)
                err(t("cli.demo.created", count=count, home=str(home)))
            if not store.is_sealed:
                store.seal(SealKey.new(DEMO_PIN))
            err(t("cli.demo.pin", pin=DEMO_PIN))
            _demo_station(
                store, Path(args.station).expanduser() if args.station else home.with_name(home.name + "-station")
            )
            if args.no_open:
                out(str(home))
                return EXIT_OK
        finally:
            store.close()
        unlocker = Unlocker.of(home, pin.clock)
        assert unlocker is not None  # sealed just above
        return run_app(unlocker=unlocker, pin_hint=t("tui.lock.demo_hint", pin=DEMO_PIN))


def _demo_key(home: Path) -> SealKey | None:
    """The key of a demo home (sealed with the demo PIN), ``None`` for a home without a PIN; a home sealed with
    another PIN is refused.  Trying the demo PIN is not counted as a wrong try: nobody typed it."""
    from fieldgrid.store.crypto import SealKey
    from fieldgrid.store.pin import sealed_header

    header = sealed_header(home)
    if header is None:
        return None
    key = SealKey.unlock(DEMO_PIN, header)
    if key is None:
        raise InputError("cli.demo.other_pin", home=str(home))
    return key


def _demo_station(store: Store, station: Path) -> None:
    from fieldgrid.demo.station import make_demo_station

    if make_demo_station(store, station):
        from fieldgrid.cli.station_seal import ENV_PASSPHRASE
        from fieldgrid.station.seal import DEMO_PASSPHRASE

        err(t("cli.demo.station", station=str(station), home=str(store.home)))
        err(t("passphrase.demo", passphrase=DEMO_PASSPHRASE, env=ENV_PASSPHRASE))
    else:
        err(t("cli.demo.station_kept", station=str(station)))


# -- the parser -------------------------------------------------------------------------------------------------


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    from fieldgrid.cli.common import language_arg

    parser.add_argument("--home", metavar="DIR", default=default, help=t("cli.help.home"))
    parser.add_argument("--lang", metavar="zh_CN|en", type=language_arg, default=default, help=t("cli.help.lang"))


def build_parser() -> Parser:
    import argparse

    from fieldgrid.cli import cards, care, field_work, households, privacy, problems, profile, scenarios, station, sync
    from fieldgrid.cli.common import Parser

    parser = Parser(prog="fieldgrid", description=t("cli.help.description"), epilog=t("cli.help.epilog"))
    _global_options(parser, None)
    parser.add_argument("--version", action="version", version=f"fieldgrid {__version__}", help=t("cli.help.version"))
    parser.set_defaults(run=cmd_open)
    # The same options after the command (``fieldgrid households list --lang en``); SUPPRESS keeps a value
    # given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, argparse.SUPPRESS)

    sub = parser.add_subparsers(dest="command", title=t("cli.help.commands"), metavar="COMMAND")
    # argparse takes any ArgumentParser as a parent; typeshed asks for the subparser class (Parser), and ``common``
    # cannot be a Parser, whose own -h would clash with the subcommand's.
    demo = sub.add_parser(
        "demo",
        parents=[common],  # type: ignore[list-item]
        help=t("cli.help.demo"),
        description=t("cli.help.demo_description"),
    )
    demo.add_argument("--no-open", action="store_true", help=t("cli.help.demo_no_open"))
    demo.add_argument("--reset", action="store_true", help=t("cli.help.demo_reset"))
    demo.add_argument("--station", metavar="DIR", help=t("cli.help.demo_station"))
    demo.add_argument("--grid-kind", choices=GRID_KINDS, default="stairwell", help=t("cli.help.demo_grid_kind"))
    demo.set_defaults(run=cmd_demo)
    households.register(sub, common)
    profile.register(sub, common)
    field_work.register(sub, common)
    problems.register(sub, common)
    station.register(sub, common)
    sync.register(sub, common)
    cards.register(sub, common)
    privacy.register(sub, common)
    care.register(sub, common)
    scenarios.register(sub, common)
    return parser


def _language_in(argv: Sequence[str]) -> str | None:
    """``--lang`` from the raw arguments, so help texts and argparse errors come out in that language."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            with contextlib.suppress(ValueError):
                return normalize_language(value)
    return None


def _with_store(handler: Handler) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with open_home(home_of(args), must_exist=bool(getattr(args, "read_only", False)),
                       retention=not getattr(args, "retention_here", False)) as store:  # fmt: skip
            return handler(args, store)

    return run


def _just_open(argv: Sequence[str]) -> argparse.Namespace | SimpleNamespace | None:
    """``fieldgrid [--home DIR] [--lang L]``: the arguments without building the parser, which costs more
    than anything else on the way to the first frame.  ``None`` for anything else (the parser decides)."""
    found: dict[str, str] = {}
    items = list(argv)
    while items:
        option = items.pop(0)
        name, sep, value = option.partition("=")
        if name not in ("--home", "--lang") or name[2:] in found:
            return None
        if not sep:
            if not items:
                return None
            value = items.pop(0)
        found[name[2:]] = value
    lang = found.get("lang")
    if lang is not None:
        try:
            lang = normalize_language(lang)
        except ValueError:
            return None
    return SimpleNamespace(home=found.get("home"), lang=lang, run=cmd_open)


def _report(errors: Sequence[ValidationError], members: Sequence[Member] = ()) -> None:
    from fieldgrid.cli.common import report_validation

    report_validation(errors, members)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_in(args_list) or language_from_env())
    from fieldgrid.cli.pin import pin_on_argv

    option = pin_on_argv(args_list)
    if option is not None:  # refused before anything is parsed or opened: the reason is the point
        say_error("passphrase.on_argv" if "station" in args_list else "cli.pin.on_argv", option=option)
        return EXIT_BAD_INPUT
    args = _just_open(args_list)
    if args is None:
        try:
            args = build_parser().parse_args(args_list)
        except SystemExit as exc:  # --help, --version, or a usage error already printed
            return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if args.lang:
        set_language(args.lang)
    run: Callable[[argparse.Namespace], int] = args.run
    if getattr(args, "handler", None) is not None:
        run = _with_store(args.handler)
    try:
        # ``_just_open`` gives a SimpleNamespace with the fields cmd_open reads, to spare importing argparse.
        return run(cast("argparse.Namespace", args))
    except BadFields as exc:
        _report(exc.errors, exc.members)
    except ValidationErrors as exc:
        _report(exc.errors)
    except ValidationError as exc:
        _report([exc])
    except FieldgridError as exc:  # bad input (exit 2), or a locked home, a full disk … (exit 1)
        say_error(exc.key, **exc.params)
        if not exc.bad_input:
            return EXIT_FAILURE
    except BrokenPipeError:
        # The reader went away (``fieldgrid households list | head``): stop quietly.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:
        say_error("cli.error.os", path=exc.filename or "", reason=exc.strerror or str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    return EXIT_BAD_INPUT
