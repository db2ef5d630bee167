"""The demo unit: deterministic, realistic, valid through the model, and kept away from real data."""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from pathlib import Path

import phonenumbers
import pytest

from fieldgrid.assets import asset_path
from fieldgrid.cli import main, program
from fieldgrid.demo.unit import REGION, build_demo
from fieldgrid.model import validate_household
from fieldgrid.model.validation import normalize_id_number, normalize_phone
from fieldgrid.model.vocabulary import TAGS
from fieldgrid.roster.search import SearchIndex
from fieldgrid.store import HomeLock, HomeLocked, Store, default_demo_home
from fieldgrid.store.crypto import SealKey
from fieldgrid.store.pin import DEMO_PIN, Unlocker, sealed_header
from testkit.pin import FAST, open_store, pin_env

POLYPHONIC_SURNAMES = set("单曾解仇区朴查覃翟")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="module")
def unit():
    return build_demo()


def names(households) -> list[str]:
    return [m.name for h in households for m in h.members]


# -- the data -----------------------------------------------------------------------------------------------------


def test_asset_is_found() -> None:
    assert asset_path("demo", "names.json").is_file()


def test_same_demo_every_time(unit) -> None:
    assert build_demo() == unit


def test_one_stairwell_of_36_to_48_households(unit) -> None:
    households = unit.households
    assert 36 <= len(households) <= 48
    assert len({h.room for h in households}) == len(households)
    assert len({h.id for h in households}) == len(households)
    assert len({h.id[:8] for h in households}) == len(households)  # short ids in the table are unambiguous
    assert {(h.building, h.unit) for h in households} == {("6栋", "3单元")}
    floors = {validate_household(h).floor for h in households}
    assert len(floors) >= 8
    residency = [h.residency for h in households]
    assert residency.count("vacant") >= 2 and residency.count("renting") >= 2
    assert set(TAGS) <= {tag for h in households for tag in h.tags}
    relations = {m.relation for h in households for m in h.members}
    assert {"self", "spouse", "child", "parent", "grandchild", "tenant"} <= relations
    assert all(m.sex in ("M", "F") and m.birth_year for h in households for m in h.members)
    assert sum(len(h.members) for h in households) >= 80


def test_every_household_passes_the_model(unit) -> None:
    for household in unit.households:
        validate_household(household)


def test_every_phone_and_id_number_is_valid(unit) -> None:
    phones, ids = [], []
    for household in unit.households:
        phones += [*household.phones, household.emergency_phone or ""]
        for member in household.members:
            phones.append(member.phone or "")
            if member.id_number:
                ids.append(member.id_number)
                assert member.id_number.startswith(REGION)
                # check digit, a real date, and agreement with the member's birth year and sex
                normalize_id_number(member.id_number, birth_year=member.birth_year, sex=member.sex)
    phones = [p for p in phones if p]
    assert len(phones) >= 60 and len(ids) >= 60
    for phone in phones:
        number = phonenumbers.parse(normalize_phone(phone), "CN")
        assert phonenumbers.is_valid_number(number)
    assert len(set(ids)) == len(ids)
    assert len(set(phones)) == len(phones)


def test_polyphonic_surnames_and_pinyin_search(unit) -> None:
    everyone = names(unit.households)
    assert POLYPHONIC_SURNAMES <= {name[0] for name in everyone}
    assert "单雄信" in everyone and "曾国峰" in everyone
    assert len(set(everyone)) == len(everyone)
    index = SearchIndex(unit.households)
    assert "单雄信" in [h.head_name for h in index.filter("sxx")]
    assert "曾国峰" in [h.head_name for h in index.filter("zgf")]


def test_leader_lives_in_the_unit(unit) -> None:
    profile = unit.profile
    assert profile.grid.community_code == "510129001013"
    assert profile.grid.label() == "橙郡一期6栋3单元"
    heads = {h.head_name: h for h in unit.households}
    assert profile.name in heads
    assert profile.phone == heads[profile.name].head.phone


# -- fieldgrid demo -------------------------------------------------------------------------------------------------


def test_demo_no_open_prints_the_path_and_two_homes_match(cli, tmp_path) -> None:
    listings = []
    for name in ("a", "b"):
        home = tmp_path / name
        code, out, err = cli("demo", "--no-open", "--home", str(home))
        assert code == 0, err
        assert out.strip() == str(home)
        assert "44" in err
        assert "000000" in err  # the demo's PIN is said
        with pin_env():
            code, out, _ = cli("--home", str(home), "households", "list", "--json", "--reveal")
        assert code == 0
        listings.append(out)
        store = open_store(home)
        assert store.is_demo
        store.close()
    assert listings[0] == listings[1]
    assert len(json.loads(listings[0])) == len(build_demo().households)


def test_demo_without_home_uses_the_demo_folder_never_the_real_one(cli, tmp_path, monkeypatch) -> None:
    real = tmp_path / "real"
    monkeypatch.setenv("FIELDGRID_HOME", str(real))
    code, out, _ = cli("demo", "--no-open")
    assert code == 0
    assert Path(out.strip()) == default_demo_home()
    assert (default_demo_home() / "fieldgrid.json").exists()
    assert not real.exists()
    assert default_demo_home() != program.resolve_home(None, {})


def test_demo_refuses_a_home_with_real_data(cli, tmp_path) -> None:
    home = tmp_path / "real"
    assert cli("--home", str(home), "households", "add", "--room", "0101", "--head", "张三")[0] == 0
    before = (home / "fieldgrid.json").read_bytes()
    for extra in ([], ["--reset"]):
        code, out, err = cli("demo", "--no-open", "--home", str(home), *extra)
        assert code == 2
        assert "已有真实数据" in err and out == ""
        assert (home / "fieldgrid.json").read_bytes() == before


def test_demo_keeps_edits_until_reset(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDGRID_PIN", DEMO_PIN)
    home = str(tmp_path / "demo")
    assert cli("demo", "--no-open", "--home", home)[0] == 0
    assert cli("--home", home, "households", "edit", "0102", "--note", "演示中改过")[0] == 0
    code, _, err = cli("demo", "--no-open", "--home", home)
    assert code == 0 and "沿用" in err
    shown = cli("--home", home, "households", "show", "0102")[1]
    assert "演示中改过" in shown
    assert cli("demo", "--no-open", "--reset", "--home", home)[0] == 0
    assert "演示中改过" not in cli("--home", home, "households", "show", "0102")[1]


def test_demo_rebuilds_a_half_written_demo(cli, tmp_path) -> None:
    home = tmp_path / "demo"
    store = Store(home)
    store.mark_demo()  # as if the process died right after its first write
    store.close()
    assert cli("demo", "--no-open", "--home", str(home))[0] == 0
    with pin_env():
        listed = cli("--home", str(home), "households", "list", "--json")[1]
    assert len(json.loads(listed)) == len(build_demo().households)


def test_demo_refuses_while_another_process_holds_it(cli, tmp_path) -> None:
    home = tmp_path / "demo"
    with HomeLock(home):
        code, _, err = cli("demo", "--no-open", "--home", str(home))
    assert code == 1 and "pid" in err


def test_demo_opens_the_app_on_the_demo_home(cli, tmp_path, monkeypatch) -> None:
    opened: list[tuple[Path, int, bool]] = []
    hints: list[str] = []

    class FakeApp:
        """Types the PIN the demo says, as a person at the PIN screen would."""

        def __init__(self, store: Store | None = None, notices=(), unlocker: Unlocker | None = None,
                     pin_hint: str = "") -> None:  # fmt: skip
            assert store is None and unlocker is not None  # the app asks for the PIN itself
            self.unlocker = unlocker
            hints.append(pin_hint)

        def run(self) -> None:
            self.store = Store(self.unlocker.home, key=self.unlocker.try_pin("000000"))
            try:
                HomeLock(self.store.home).acquire().release()
                locked = False
            except HomeLocked:
                locked = True
            opened.append((self.store.home, len(self.store.households()), locked))

    module = types.ModuleType("fieldgrid.tui.app")
    module.FieldgridApp = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fieldgrid.tui.app", module)
    monkeypatch.setattr(program, "has_terminal", lambda: True)
    home = tmp_path / "demo"
    code, out, err = cli("demo", "--home", str(home))
    assert code == 0 and out == ""
    assert opened == [(home, len(build_demo().households), True)]
    assert "000000" in err and "000000" in hints[0]
    assert cli("demo", "--home", str(home))[0] == 0  # again: the kept demo opens the same way
    assert len(opened) == 2


def test_the_demo_is_encrypted_with_its_pin(cli, tmp_path) -> None:
    home = tmp_path / "demo"
    assert cli("demo", "--no-open", "--home", str(home))[0] == 0
    assert sealed_header(home) is not None
    content = (home / "fieldgrid.json").read_bytes()
    for member in build_demo().households[0].members:
        assert member.name.encode() not in content
    code, _, err = cli("--home", str(home), "households", "list")
    assert code == 2 and "FIELDGRID_PIN" in err  # no terminal to ask on
    with pin_env():
        assert cli("--home", str(home), "households", "list")[0] == 0


def test_demo_leaves_a_home_with_another_pin_alone(cli, tmp_path) -> None:
    home = tmp_path / "real"
    store = Store(home)
    store.mark_demo()
    store.seal(SealKey.new("864213", FAST))
    store.close()
    before = (home / "fieldgrid.json").read_bytes()
    for extra in ([], ["--reset"]):
        code, out, err = cli("demo", "--no-open", "--home", str(home), *extra)
        assert code == 2 and "另一个 PIN" in err and out == ""
    assert (home / "fieldgrid.json").read_bytes() == before
    assert not (home / ".fieldgrid.json.tries").exists()  # the demo's own PIN tried silently, never counted


def test_demo_without_a_terminal_says_use_no_open(cli, tmp_path) -> None:
    code, _, err = cli("demo", "--home", str(tmp_path / "demo"))
    assert code == 1 and "--no-open" in err
    assert not (tmp_path / "demo").exists()


# -- the history --------------------------------------------------------------------------------------------------


def test_demo_history_has_every_kind_and_status(cli, tmp_path) -> None:
    from fieldgrid.model.problem import STATUSES
    from fieldgrid.model.visit import VISIT_KINDS

    home = tmp_path / "demo"
    assert cli("--home", str(home), "demo", "--no-open")[0] == 0
    store = open_store(home)
    try:
        today = store.now().date()
        visits = store.visits()
        assert {v.kind for v in visits} == set(VISIT_KINDS)
        assert all(v.at <= store.now().isoformat() for v in visits)
        recent = {v.household_id for v in visits if (today - dt.date.fromisoformat(v.at[:10])).days <= 30}
        lived_in = {h.id for h in store.households() if h.residency != "vacant"}
        assert recent and lived_in - recent  # the map has both kinds of flat
        assert len(store.patrols()) == 2
        problems = store.problems()
        assert {p.status for p in problems} == set(STATUSES)
        assert sum(p.overdue(today) for p in problems) == 2
        escalated = [p for p in problems if p.status == "escalated"]
        assert len(escalated) == 1 and escalated[0].events[-1].kind == "escalated"
        closed = [p for p in problems if p.status == "closed"]
        assert all(p.feedback for p in closed)
        unsolvable = [p for p in problems if p.status == "unsolvable"]
        assert len(unsolvable) == 1 and unsolvable[0].state.notice
        assert any(p.report.source for p in problems)  # a patrol finding became a problem
    finally:
        store.close()
