"""``fieldgrid profile set --property-phone … --community-phone …``: the duty phones the emergency screen shows,
checked like every phone; a bad one is refused (exit 2, the field named) and nothing is written."""

from __future__ import annotations

import json

from testkit.cli import db_bytes


def test_duty_phones_are_set_shown_and_cleared(cli, with_profile) -> None:
    result = cli("profile", "set", "--property-phone", "028-8500 1234", "--community-phone", "13912345678")
    assert result.code == 0, result.err
    doc = json.loads(cli("profile", "show", "--json").out)
    assert (doc["property_phone"], doc["community_phone"]) == ("+862885001234", "+8613912345678")
    shown = cli("profile", "show").out
    assert "物业电话" in shown and "02885001234" in shown and "13912345678" in shown
    assert cli("profile", "set", "--property-phone", "").code == 0  # an empty value clears it
    doc = json.loads(cli("profile", "show", "--json").out)
    assert (doc["property_phone"], doc["community_phone"]) == ("", "+8613912345678")


def test_a_bad_duty_phone_is_refused_and_nothing_written(cli, home, with_profile) -> None:
    before = db_bytes(home)
    result = cli("profile", "set", "--community-phone", "12345")
    assert result.code == 2
    assert "社区电话" in result.err and "12345" in result.err
    assert db_bytes(home) == before


def test_english_names_the_field_too(cli, home, with_profile) -> None:
    result = cli("--lang", "en", "profile", "set", "--property-phone", "call me")
    assert result.code == 2
    assert "Property phone" in result.err
