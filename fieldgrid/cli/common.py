"""Shared pieces of the command line: a translated argparse, output helpers, field names and value parsers."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from fieldgrid.cli.exits import (
    EXIT_BAD_INPUT,
    InputError,
    err,
)
from fieldgrid.field_labels import field_label
from fieldgrid.i18n import normalize_language, parse_label, t
from fieldgrid.model import Member, ValidationError
from fieldgrid.text import display_width


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], indent: str = "") -> list[str]:
    """Aligned text columns (two spaces apart); the last column is not padded."""
    body = [list(r) for r in rows]
    widths = [display_width(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    lines = []
    for row in [list(headers), *body]:
        cells = [pad(cell, widths[i]) if i < len(row) - 1 else cell for i, cell in enumerate(row)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


# -- field names in messages --------------------------------------------------------------------------------


def progress_bar(n: int, total: int) -> None:
    """``导入 2/3 ████░░`` on stderr, redrawn in place; nothing when stderr is not a terminal (a script's log)."""
    if not sys.stderr.isatty():
        return
    width = 30
    done = width * n // total
    sys.stderr.write(f"\r{t('station.import.progress', n=n, total=total)} {'█' * done}{'░' * (width - done)}")
    if n == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def month_arg(text: str | None) -> str | None:
    """A ``--month YYYY-MM`` checked (exit 2 naming what was typed); ``None`` when it was not given."""
    from fieldgrid.ledger.export import parse_month

    if not text:
        return None
    try:
        return parse_month(text)
    except ValueError:
        raise InputError("cli.error.month", value=text) from None


def report_validation(errors: Sequence[ValidationError], members: Sequence[Member] = ()) -> None:
    err(t("cli.error.prefix", message=t("cli.error.bad_input")))
    for e in errors:
        err(t("cli.error.field", field=field_label(e.field, members), message=t(e.key, **e.params)))


# -- value parsers ------------------------------------------------------------------------------------------


def language_arg(text: str) -> str:
    try:
        return normalize_language(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.error.lang", value=text)) from None


def parse_int(text: str | None, option: str, *, digits: int | None = None) -> int | None:
    """An integer typed for ``option``; ``None`` when not given or blank (blank clears it in ``edit``)."""
    if text is None:
        return None
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded:
        return None
    pattern = rf"\d{{{digits}}}" if digits else r"-?\d+"
    if not re.fullmatch(pattern, folded):
        raise InputError("cli.error.year" if digits == 4 else "cli.error.integer", option=option, value=text)
    return int(folded)


def split_list(values: Iterable[str] | None) -> list[str]:
    """Repeated options, each possibly comma separated (``--tag 独居老人,低保户``); blanks dropped."""
    items: list[str] = []
    for value in values or ():
        items.extend(part.strip() for part in re.split(r"[,，、]", value) if part.strip())
    return items


def to_code(kind: str, text: str, codes: Iterable[str]) -> str:
    """The code for a label typed in any language (``独居老人`` → ``living_alone``, ``女`` → ``F``); text that
    names no code is returned as typed, for the model's validation to reject with its own message."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return parse_label(kind, folded, list(codes)) or folded


# -- argparse, translated -------------------------------------------------------------------------------

_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"), "cli.argparse.required"),
    (re.compile(r"^unrecognized arguments: (?P<args>.*)$"), "cli.argparse.unrecognized"),
    (
        re.compile(r"^argument (?P<arg>[^:]+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$"),
        "cli.argparse.choice",
    ),
    (re.compile(r"^argument (?P<arg>[^:]+): expected one argument$"), "cli.argparse.expected_one"),
    (re.compile(r"^argument (?P<arg>[^:]+): not allowed with argument (?P<other>.*)$"), "cli.argparse.exclusive"),
    (re.compile(r"^ambiguous option: (?P<arg>\S+) could match (?P<choices>.*)$"), "cli.argparse.ambiguous"),
    (re.compile(r"^argument (?P<arg>[^:]+): (?P<message>.*)$"), "cli.argparse.argument"),
]


def translate_argparse(message: str) -> str:
    for pattern, key in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match:
            return t(key, **match.groupdict())
    return message


_WRAP_TOKENS = re.compile(
    r"\s+|[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+"
)


def wrap(text: str, width: int) -> list[str]:
    """Greedy line wrap by display width: Chinese may break between any two characters, Latin at spaces."""
    lines: list[str] = []
    line = ""
    for token in _WRAP_TOKENS.findall(" ".join(text.split())):
        if token.isspace():
            if line:
                line += " "
            continue
        if line and display_width(line) + display_width(token) > width:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class Formatter(argparse.HelpFormatter):
    """Help laid out by display width, so Chinese help wraps at the terminal's edge."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        width = min(shutil.get_terminal_size().columns, 100) - 2
        super().__init__(prog, max_help_position=30, width=width, **kwargs)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, t("cli.help.usage_prefix") if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        if action.nargs == argparse.PARSER:  # drop the "{demo,households,…}" line above the command list
            text = "\n".join(text.split("\n")[1:])
        return text


class Parser(argparse.ArgumentParser):
    """argparse with our own help option, translated section titles and translated error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t("cli.help.positionals")
        self._optionals.title = t("cli.help.options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.help.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, t("cli.error.arguments", prog=self.prog, message=translate_argparse(message)) + "\n")
