"""``fieldgrid scenarios list|show NAME [--json]|install FILE|remove NAME``: the scenario packs (场景包) on this
device — the built-in one and those installed from a file or brought by the station's returns.  A pack refused
(it fails the schema, repeats a code, is older than the one installed, drops a category open problems still use)
is named by the path of the offending entry (``checklists[1].items[3].code``): exit 2, nothing written."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from fieldgrid.cli.common import table
from fieldgrid.cli.exits import EXIT_OK, err, out
from fieldgrid.i18n import get_language, t
from fieldgrid.model.scenario import Entry, Pack, ScenarioError
from fieldgrid.scenarios import read_pack
from fieldgrid.store import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("scenarios", parents=[common], help=t("scenario.help.command"),
                           description=t("scenario.help.command"))  # fmt: skip
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("list", parents=[common], help=t("scenario.help.list"), description=t("scenario.help.list"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_list, read_only=True)
    p = actions.add_parser("show", parents=[common], help=t("scenario.help.show"), description=t("scenario.help.show"))
    p.add_argument("name", metavar="NAME", help=t("scenario.help.name"))
    p.add_argument("--json", action="store_true", help=t("scenario.help.json"))
    p.set_defaults(handler=cmd_show, read_only=True)
    p = actions.add_parser("install", parents=[common], help=t("scenario.help.install"),
                           description=t("scenario.help.install"))  # fmt: skip
    p.add_argument("file", metavar="FILE", help=t("scenario.help.file"))
    p.set_defaults(handler=cmd_install)
    p = actions.add_parser("remove", parents=[common], help=t("scenario.help.remove"),
                           description=t("scenario.help.remove"))  # fmt: skip
    p.add_argument("name", metavar="NAME", help=t("scenario.help.name"))
    p.set_defaults(handler=cmd_remove)


def _label(entry: Entry) -> str:
    return entry.label("en" if get_language() == "en" else "zh")


def find_pack(store: Store, name: str) -> Pack:
    """A pack by its name or its title in either language."""
    vocabulary = store.vocabulary()
    wanted = name.strip().lower()
    for pack in vocabulary.packs:
        if wanted in {pack.name, pack.title.zh.lower(), pack.title.en.lower()}:
            return pack
    raise ScenarioError("error.scenario.unknown", path="name", name=name)


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    vocabulary = store.vocabulary()
    if args.json:
        docs = [{"name": p.name, "version": p.version, "title": {"zh": p.title.zh, "en": p.title.en},
                 "builtin": p is vocabulary.default, "checklists": [c.code for c in p.checklists],
                 "visit_kinds": [k.code for k in p.visit_kinds]} for p in vocabulary.packs]  # fmt: skip
        out(json.dumps(docs, ensure_ascii=False, indent=2))
        return EXIT_OK
    headers = [t(f"scenario.col.{c}") for c in ("name", "version", "title", "contents")]
    rows = [[p.name, str(p.version), _label(p.title) + (t("scenario.builtin") if p is vocabulary.default else ""),
             t("scenario.contents", checklists=len(p.checklists), kinds=len(p.visit_kinds),
               categories=len(p.categories), fields=len(p.fields))] for p in vocabulary.packs]  # fmt: skip
    for line in table(headers, rows):
        out(line)
    return EXIT_OK


def _show_lines(pack: Pack, vocabulary: Any) -> list[str]:
    lines = [t("scenario.show.title", title=_label(pack.title), name=pack.name, version=pack.version)]
    if pack.visit_kinds:
        lines.append(t("scenario.show.kinds", kinds="、".join(f"{_label(k)} ({k.code})" for k in pack.visit_kinds)))
    if pack.categories:
        lines.append(t("scenario.show.categories",
                       categories="、".join(f"{_label(c)} ({c.code})" for c in pack.categories)))  # fmt: skip
    labels = vocabulary.labels()
    lang = 1 if get_language() == "en" else 0
    for checklist in pack.checklists:
        lines.append(t("scenario.show.checklist", checklist=_label(checklist), code=checklist.code))
        for item in checklist.items:
            category = labels.get(f"category.{item.category}")
            lines.append(t("scenario.show.item", item=_label(item), code=item.code,
                           category=category[lang] if category else item.category))  # fmt: skip
    for tag in pack.tags:
        cadence = t("scenario.show.cadence", days=tag.days) if tag.days else ""
        lines.append(t("scenario.show.tag", tag=_label(tag), code=tag.code, cadence=cadence))
    for f in pack.fields:
        choices = " / ".join(_label(c) for c in f.choices)
        lines.append(t("scenario.show.field", field=_label(f), code=f.code, type=t(f"scenario.type.{f.type}"),
                       required=t("scenario.required") if f.required else "",
                       forms="/".join(t(f"scenario.form.{form}") for form in f.forms),
                       choices=f"：{choices}" if choices else ""))  # fmt: skip
    return lines


def cmd_show(args: argparse.Namespace, store: Store) -> int:
    pack = find_pack(store, args.name)
    if args.json:
        out(json.dumps(dict(pack.doc), ensure_ascii=False, indent=2))
        return EXIT_OK
    for line in _show_lines(pack, store.vocabulary()):
        out(line)
    return EXIT_OK


def cmd_install(args: argparse.Namespace, store: Store) -> int:
    try:
        pack = read_pack(Path(args.file))
    except (FileNotFoundError, IsADirectoryError):
        raise ScenarioError("error.scenario.no_file", path=args.file) from None
    if store.install_scenario(pack):
        err(t("scenario.installed", title=_label(pack.title), name=pack.name, version=pack.version))
    else:
        err(t("scenario.already", title=_label(pack.title), name=pack.name, version=pack.version))
    return EXIT_OK


def cmd_remove(args: argparse.Namespace, store: Store) -> int:
    pack = store.remove_scenario(find_pack(store, args.name).name)
    err(t("scenario.removed", title=_label(pack.title), name=pack.name, version=pack.version))
    return EXIT_OK
