"""``fieldgrid profile show|set|set-pin|change-pin``: the unit leader's name, phone and grid path, so a fresh home
can be set up without the terminal UI; the PIN that encrypts the home's data, and the idle lock."""

from __future__ import annotations

import argparse
import dataclasses
import json

from fieldgrid.cli.common import parse_int, split_list, table
from fieldgrid.cli.exits import EXIT_FAILURE, EXIT_OK, BadFields, InputError, err, out
from fieldgrid.cli.pin import read_new_pin
from fieldgrid.i18n import t
from fieldgrid.model import LeaderProfile, ValidationErrors
from fieldgrid.model.places import GRID_KINDS
from fieldgrid.model.validation import national_phone
from fieldgrid.store import Store
from fieldgrid.store.crypto import SealKey
from fieldgrid.store.repository import MAX_LOCK_MINUTES

GRID_OPTIONS = ("street", "community", "compound", "building", "unit", "community_code")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("profile", parents=[common], help=t("cli.help.profile"), description=t("cli.help.profile"))
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    p = actions.add_parser("show", parents=[common], help=t("cli.help.profile_show"))
    p.add_argument("--json", action="store_true", help=t("cli.help.json"))
    p.set_defaults(handler=cmd_show, read_only=True)

    p = actions.add_parser(
        "set", parents=[common], help=t("cli.help.profile_set"), description=t("cli.help.profile_set_description")
    )
    p.add_argument("--name", metavar="NAME", help=t("cli.help.leader_name"))
    p.add_argument("--phone", metavar="PHONE", help=t("cli.help.leader_phone"))
    p.add_argument("--property-phone", metavar="PHONE", help=t("cli.help.property_phone"))
    p.add_argument("--community-phone", metavar="PHONE", help=t("cli.help.community_phone"))
    for option in GRID_OPTIONS:
        p.add_argument(
            f"--{option.replace('_', '-')}",
            dest=option,
            metavar="TEXT",
            help=t(f"cli.help.grid_{option}"),
        )
    p.add_argument("--grid-kind", choices=GRID_KINDS, help=t("cli.help.grid_kind"))
    p.add_argument("--extra-tag", action="append", metavar="TAG", help=t("cli.help.extra_tag"))
    p.add_argument("--patrol-item", action="append", metavar="ITEM", help=t("cli.help.patrol_items"))
    p.add_argument("--visit-days", metavar="N", help=t("cli.help.visit_days"))
    p.add_argument("--lock-minutes", metavar="N", help=t("cli.pin.help_lock_minutes"))
    p.set_defaults(handler=cmd_set)

    p = actions.add_parser(
        "set-pin", parents=[common], help=t("cli.pin.help_set"), description=t("cli.pin.help_set_description")
    )
    p.set_defaults(handler=cmd_set_pin)
    p = actions.add_parser(
        "change-pin", parents=[common], help=t("cli.pin.help_change"), description=t("cli.pin.help_change_description")
    )
    p.set_defaults(handler=cmd_change_pin, read_only=True)

    from fieldgrid.cli.privacy import cmd_retention_days  # ``profile retention DAYS``, as ``retention days DAYS``

    p = actions.add_parser("retention", parents=[common], help=t("cli.retention.help_days"),
                           description=t("cli.retention.help_days"))  # fmt: skip
    p.add_argument("days", metavar="DAYS", help=t("cli.retention.help_days"))
    p.set_defaults(handler=cmd_retention_days)

    from fieldgrid.cli.care import register_cadence  # ``profile cadence [TAG DAYS]``

    register_cadence(actions, common)


def profile_json(profile: LeaderProfile) -> dict[str, object]:
    return {**profile.to_doc(), "grid_kind": profile.grid_kind}


def cmd_show(args: argparse.Namespace, store: Store) -> int:
    profile = store.profile()
    if profile is None:
        err(t("cli.profile.none"))
        return EXIT_FAILURE
    if args.json:
        out(json.dumps(profile_json(profile), ensure_ascii=False, indent=2))
        return EXIT_OK
    g = profile.grid
    community = f"{g.community}（{g.community_code}）" if g.community_code else g.community
    rows = [
        (t("cli.field.name"), profile.name),
        (t("cli.field.phone"), national_phone(profile.phone) if profile.phone else "—"),
        (t("cli.field.property_phone"), national_phone(profile.property_phone) if profile.property_phone else "—"),
        (t("cli.field.community_phone"), national_phone(profile.community_phone) if profile.community_phone else "—"),
        (t("cli.field.grid.street"), g.street or "—"),
        (t("cli.field.grid.community"), community or "—"),
        (t("cli.field.grid.compound"), g.compound or "—"),
        (t("cli.field.grid.building"), g.building or "—"),
        (t("cli.field.grid.unit"), g.unit or "—"),
        (t("cli.field.grid_kind"), t(f"grid_kind.{profile.grid_kind}")),
        (t("cli.field.extra_tags"), "、".join(profile.extra_tags) or "—"),
        (t("cli.field.extra_patrol_items"), "、".join(profile.extra_patrol_items) or "—"),
        (t("cli.field.visit_days"), str(profile.visit_days)),
        (t("cli.field.device_id"), profile.device_id or "—"),
        (t("cli.pin.status"), t("cli.pin.status_on" if store.is_sealed else "cli.pin.status_off")),
    ]
    if store.is_sealed:
        minutes = store.lock_minutes()
        shown = t("cli.pin.lock_minutes_value", minutes=minutes) if minutes else t("cli.pin.lock_never")
        rows.append((t("cli.pin.lock_minutes"), shown))
    for line in table(["", ""], rows)[1:]:
        out(line)
    return EXIT_OK


def cmd_set(args: argparse.Namespace, store: Store) -> int:
    current = store.profile()
    profile = current or LeaderProfile(name="", phone="")
    changes: dict[str, str] = {}
    if args.name is not None:
        profile.name = args.name
        changes["name"] = args.name
    if args.phone is not None:
        profile.phone = args.phone
        changes["phone"] = args.phone
    for part in ("property_phone", "community_phone"):  # an empty value clears it
        if getattr(args, part) is not None:
            setattr(profile, part, getattr(args, part))
            changes[part] = getattr(args, part)
    if args.grid_kind is not None:
        profile.grid_kind = args.grid_kind
        changes["grid_kind"] = args.grid_kind
    grid_changes = {option: getattr(args, option) for option in GRID_OPTIONS if getattr(args, option) is not None}
    if grid_changes:
        profile.grid = dataclasses.replace(profile.grid, **grid_changes)
    if args.extra_tag is not None:
        profile.extra_tags = split_list(args.extra_tag)
    if args.patrol_item is not None:
        profile.extra_patrol_items = split_list(args.patrol_item)
    if args.visit_days is not None:
        profile.visit_days = parse_int(args.visit_days, "--visit-days") or 0
    lock_minutes = parse_int(args.lock_minutes, "--lock-minutes")
    settings = (args.extra_tag, args.patrol_item, args.visit_days)
    if not changes and not grid_changes and all(v is None for v in settings):
        if lock_minutes is None:
            raise InputError("cli.error.nothing_to_change")
        store.set_lock_minutes(lock_minutes)  # a setting of this device alone, not of the profile
        out(t("cli.profile.saved"))
        return EXIT_OK
    if lock_minutes is not None and not 0 <= lock_minutes <= MAX_LOCK_MINUTES:
        raise InputError("pin.lock_minutes", value=lock_minutes, max=MAX_LOCK_MINUTES)
    try:
        store.save_profile(profile)
    except ValidationErrors as exc:
        raise BadFields(exc.errors) from None
    if lock_minutes is not None:
        store.set_lock_minutes(lock_minutes)
    out(t("cli.profile.saved" if current else "cli.profile.created"))
    return EXIT_OK


def cmd_set_pin(args: argparse.Namespace, store: Store) -> int:
    """Encrypt a home that has no PIN yet, in place, in one atomic write."""
    if store.is_sealed:
        raise InputError("cli.pin.already", home=str(store.home))
    store.seal(SealKey.new(read_new_pin()))
    out(t("cli.pin.set", home=str(store.home)))
    return EXIT_OK


def cmd_change_pin(args: argparse.Namespace, store: Store) -> int:
    """The store was opened with the current PIN; it is encrypted again, with a new salt, under the new one."""
    if not store.is_sealed:
        raise InputError("cli.pin.none", home=str(store.home))
    store.seal(SealKey.new(read_new_pin()))
    out(t("cli.pin.changed"))
    return EXIT_OK
