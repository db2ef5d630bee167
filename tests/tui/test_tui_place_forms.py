"""The household form and page of each grid kind at 80×24 (#16): only the profile's kind's place fields appear;
a shop with a bad unified social credit code is refused at that field in the user's language, a good one saved
and shown on the household's page; a village household typed by group and number.  The tags offered come from
the scenario packs in force."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, TextArea

from fieldgrid.i18n import set_language, t
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.households.household_form import HouseholdFormScreen
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.widgets.member_editor import MemberEditor
from testkit.tui_app import LANGUAGES, field_error, profile, run, screen_text, type_into

GOOD_CODE, BAD_CODE = "91350100M000100Y43", "91350100M000100Y44"


def kind_store(home: Path, kind: str) -> Store:
    store = Store(home)
    store.save_profile(dataclasses.replace(profile(), grid_kind=kind))
    return store


async def open_form(app: FieldgridApp, pilot: Pilot) -> HouseholdFormScreen:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, HouseholdFormScreen)
    return app.screen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_shop_with_a_bad_credit_code_is_refused_at_that_field_then_saved_and_shown(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = kind_store(tmp_path, "shops")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        assert not form.query("#place-security_officer") and not form.query("#place-group")  # shops' fields only
        await type_into(pilot, form.query_one("#room", Input), "12号")
        await type_into(pilot, form.query_one("#place-name", Input), "老王面馆")
        await type_into(pilot, form.query_one("#place-credit_code", Input), BAD_CODE)
        await type_into(pilot, form.query_one("#place-staff", Input), "3")
        await type_into(pilot, form.query_one(MemberEditor).input("name"), "李老板")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and store.households() == []
        wanted = t("error.credit_code.check", value=BAD_CODE, expected="3")
        assert field_error(form, "place.credit_code") == wanted
        assert form.focused is form.query_one("#place-credit_code", Input)
        assert t("tui.field.place_credit_code") in screen_text(app)

        await type_into(pilot, form.query_one("#place-credit_code", Input), GOOD_CODE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen)
        text = screen_text(app)
        assert "12号" in text and "老王面馆" in text and GOOD_CODE in text, text
        assert t("tui.field.place_staff") in text

    run(store, body)
    [shop] = store.households()
    assert shop.room == "12" and shop.place == {"name": "老王面馆", "credit_code": GOOD_CODE, "staff": 3}
    store.close()


def test_a_staff_count_that_is_no_number_is_refused_at_its_field(tmp_path: Path) -> None:
    store = kind_store(tmp_path, "shops")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        await type_into(pilot, form.query_one("#room", Input), "8")
        await type_into(pilot, form.query_one("#place-staff", Input), "三个")
        await type_into(pilot, form.query_one(MemberEditor).input("name"), "李老板")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert field_error(form, "place.staff") == t("error.place.staff", value="三个")

    run(store, body)
    assert store.households() == []
    store.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_village_household_by_group_number_and_name(tmp_path: Path, lang: str) -> None:
    set_language(lang)
    store = kind_store(tmp_path, "village")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        assert not form.query("#room") and not form.query("#place-credit_code")
        assert form.focused is form.query_one("#place-group", Input)
        await type_into(pilot, form.query_one("#place-group", Input), "3")
        await type_into(pilot, form.query_one("#place-number", Input), "号")
        await type_into(pilot, form.query_one(MemberEditor).input("name"), "王建国")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert field_error(form, "place.number") == t("error.place.village_room", value="3-号")
        await type_into(pilot, form.query_one("#place-number", Input), "15")
        await type_into(pilot, form.query_one("#place-name", Input), "王家院子")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "橙郡一期3组15号" in text and "王家院子" in text, text  # the profile's compound names the village

    run(store, body)
    [house] = store.households()
    assert house.room == "3-15" and house.place == {"group": 3, "number": 15, "name": "王家院子"}
    store.close()


def test_an_institution_has_its_security_officer_and_a_stairwell_no_place_fields(tmp_path: Path) -> None:
    store = kind_store(tmp_path / "inst", "institution")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        await type_into(pilot, form.query_one("#room", Input), "A01")
        await type_into(pilot, form.query_one("#place-name", Input), "晋原小学")
        await type_into(pilot, form.query_one("#place-security_officer", Input), "钱保卫")
        await type_into(pilot, form.query_one("#place-security_phone", Input), "13900139000")
        await type_into(pilot, form.query_one(MemberEditor).input("name"), "赵主任")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run(store, body)
    [unit] = store.households()
    assert unit.place == {"name": "晋原小学", "security_officer": "钱保卫", "security_phone": "+8613900139000"}
    store.close()

    plain = kind_store(tmp_path / "stair", "stairwell")

    async def none(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        assert not form.query("Input.-place") and not [i for i in form.query(Input) if (i.id or "").startswith("place")]

    run(plain, none)
    plain.close()


# -- tags from the scenario packs ------------------------------------------------------------------------


def test_the_household_form_offers_the_packs_tags_and_keeps_one_whose_pack_left(tmp_path: Path) -> None:
    """The gas-safety pack installed: its 燃气隐患户 is offered and ticked on a household; the pack removed, the
    tag is offered no more on a new household, but the household that has it still shows it ticked and saves."""
    from fieldgrid.scenarios import read_pack, shipped_path

    store = kind_store(tmp_path, "stairwell")
    assert store.install_scenario(read_pack(shipped_path("gas_safety")))

    async def add(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        ticks = form.query_one("#tags", SelectionList)
        assert "gas_risk" in [ticks.get_option_at_index(i).value for i in range(ticks.option_count)]
        await type_into(pilot, form.query_one("#room", Input), "0601")
        await type_into(pilot, form.query_one(MemberEditor).input("name"), "孙丽")
        ticks.select("gas_risk")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdListScreen)

    run(store, add)
    [household] = store.households()
    assert household.tags == ["gas_risk"]
    store.remove_scenario("gas_safety")

    async def after(app: FieldgridApp, pilot: Pilot) -> None:
        form = await open_form(app, pilot)
        ticks = form.query_one("#tags", SelectionList)
        assert "gas_risk" not in [ticks.get_option_at_index(i).value for i in range(ticks.option_count)]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HouseholdFormScreen)
        ticks = form.query_one("#tags", SelectionList)
        assert list(ticks.selected) == ["gas_risk"]
        [kept] = [o for o in map(ticks.get_option_at_index, range(ticks.option_count)) if o.value == "gas_risk"]
        assert str(kept.prompt) == "燃气隐患户"  # its label, kept when the pack left
        await type_into(pilot, form.query_one("#notes", TextArea), "x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HouseholdDetailScreen), screen_text(app)

    run(store, after)
    [household] = store.households()
    assert household.tags == ["gas_risk"] and household.notes.endswith("x")
    store.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_visit_finds_a_shop_by_its_number_or_name_and_a_village_house_by_group_and_number(
    tmp_path: Path, lang: str
) -> None:
    """Seen: on a shop street ``v`` then ``12号`` said 没有房号 12号 (only the stored ``12`` was found), and the
    form called it 房号.  The room field takes what the leader says: 12号, the shop's name; 3组15号 in a village."""
    from fieldgrid.model import Household, Member
    from fieldgrid.tui.field_work.visit_form import VisitFormScreen

    set_language(lang)
    shops = kind_store(tmp_path / "shops", "shops")
    shops.add_household(Household(room="2", members=[Member(name="张师傅", relation="self")]))
    boss = [Member(name="李老板", relation="self")]
    shops.add_household(Household(room="12", place={"name": "老王面馆"}, members=boss))

    async def on_the_street(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        assert t("tui.room.label_other") in screen_text(app) and t("tui.room.label") not in screen_text(app)
        for typed in ("12号", "老王面馆", "12"):
            field = form.query_one("#f-room", Input)
            field.value = ""
            await type_into(pilot, field, typed)
            assert form.where().household is not None and form.where().household.room == "12", typed
            assert t("tui.room.found", room="12号", head="李老板") in screen_text(app), typed
        field.value = ""
        await type_into(pilot, field, "99号")
        assert t("tui.room.unknown_other", room="99号") in screen_text(app)

    run(shops, on_the_street, start="map")
    shops.close()

    village = kind_store(tmp_path / "village", "village")
    village.add_household(Household(room="3-15", members=[Member(name="王建国", relation="self")]))

    async def in_the_village(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VisitFormScreen)
        await type_into(pilot, form.query_one("#f-room", Input), "3组15号")
        assert form.where().household is not None and form.where().household.room == "3-15"
        assert t("tui.room.found", room="3组15号", head="王建国") in screen_text(app)

    run(village, in_the_village, start="map")
    village.close()
