"""``fieldgrid cards --out FILE.pdf|FILE.png [--household ID …|--all] [--notice-board] [--font PATH]``: contact
cards to print.  A PNG holds one card (300 dpi); a PDF holds A4 sheets of eight door cards with cut marks,
and the notice-board card on a page of its own."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldgrid.cli.exits import EXIT_OK, InputError, err, out
from fieldgrid.cli.household_views import find_household
from fieldgrid.i18n import t
from fieldgrid.store import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("cards", parents=[common], help=t("cli.help.cards"), description=t("cli.help.cards"))
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.png", help=t("cli.help.cards_out"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--household", action="append", metavar="ID", help=t("cli.help.cards_household"))
    which.add_argument("--all", action="store_true", help=t("cli.help.cards_all"))
    p.add_argument("--notice-board", action="store_true", help=t("cli.help.cards_board"))
    p.add_argument("--font", metavar="PATH", help=t("cli.help.cards_font"))
    p.set_defaults(handler=cmd_cards)


def cmd_cards(args: argparse.Namespace, store: Store) -> int:
    from fieldgrid.cards.render import Painter, find_font, save_pdf, save_png

    path = Path(args.out).expanduser()
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise InputError("cards.error.suffix", value=args.out)
    profile = store.profile()
    if profile is None:
        raise InputError("cards.error.no_profile")
    if args.all:
        households = [h for h in store.households() if not h.is_vacant]
    else:
        households = [find_household(store, ident) for ident in args.household or []]
    board_only = args.notice_board and not households
    painter = Painter(find_font(args.font))
    if suffix == ".png":
        if len(households) > 1 or (args.notice_board and households):
            raise InputError("cards.error.png_one")
        image = (
            painter.notice_board(profile)
            if board_only
            else painter.card(profile, households[0] if households else None)
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        save_png(path, image)
        count = 1
    else:
        cards = [] if board_only else [painter.card(profile, h) for h in households] or [painter.card(profile, None)]
        pages = painter.sheets(cards) + ([painter.notice_board(profile)] if args.notice_board else [])
        path.parent.mkdir(parents=True, exist_ok=True)
        save_pdf(path, pages)
        count = len(cards) + (1 if args.notice_board else 0)
    store.log_disclosure("print", "cards", sum(len(h.members) for h in households),
                         target=" ".join([path.name, *(h.room for h in households)])[:200])  # fmt: skip
    err(t("cards.written", count=count, path=str(path)))
    out(str(path))
    return EXIT_OK
