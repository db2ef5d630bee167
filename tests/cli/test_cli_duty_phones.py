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


def test_problems_show_tells_the_steps_ticked_in_an_emergency(cli, home, with_profile) -> None:
    from fieldgrid.model.ledger import Report
    from fieldgrid.store import Store

    store = Store(home)
    report = Report("safety_hazard", "楼道冒烟", urgency="emergency", place="3楼", emergency="fire",
                    checklist={"call": "2026-11-20T08:01", "community": "2026-11-20T08:04"})  # fmt: skip
    view = store.report_problem(report, "2026-11-20T08:10")
    store.close()
    shown = cli("problems", "show", view.id[:8]).out
    assert "2026-11-20 08:01  ☑ 已拨打 119" in shown and "2026-11-20 08:04  ☑ 已通知社区" in shown
    assert shown.index("已拨打 119") < shown.index("已通知社区") < shown.index("楼道冒烟", shown.index("08:04"))
