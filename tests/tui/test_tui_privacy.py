"""Issue #13 on screen: the WeChat message the problem page copies is the text ``fieldgrid problems message``
prints, naming no resident and the room only when the leader turns it on (``R``); every reveal (``r``), card print
(``p``), ledger export and roster import from the TUI goes on the disclosure log, which ``a`` on the map shows."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from fieldgrid.cli.program import main
from fieldgrid.i18n import t
from fieldgrid.ledger.wording import problem_message
from fieldgrid.model.ledger import Report
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.audit.disclosure_log import DisclosureLogScreen
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from fieldgrid.tui.ledger.problem_detail import ProblemDetailScreen
from testkit.fonts import needs_cjk_font
from testkit.tui_app import screen_text, shows
from testkit.tui_field import room_of, run


def printed(capsys, store: Store, *args: str) -> str:
    store.close()  # the command takes the home as its own process would
    code = main(["--home", str(store.home), *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out.rstrip("\n")


def test_the_copied_message_is_what_the_command_prints_and_names_nobody(store: Store, capsys) -> None:
    h = room_of(store, "0702")
    view = store.report_problem(Report("noise", f"{h.head_name}说楼上吵", household_id=h.id, reporter="李大嘴"),
                                "2026-11-20T09:00")  # fmt: skip
    store.add_event(view.id, "handled", {"text": "已上门劝说"}, "2026-11-20T10:00")
    copied: list[str] = []

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.push_screen(ProblemDetailScreen(store, view.id))
        await pilot.pause()
        await pilot.press("w")
        copied.append(app.clipboard)
        await pilot.press("R", "w")  # the room, by the leader's choice
        copied.append(app.clipboard)
        await pilot.press("R", "w")
        copied.append(app.clipboard)

    run(store, body)
    assert copied[0] == problem_message(store, store.problem(view.id)) == copied[2]
    assert copied[1] == problem_message(store, store.problem(view.id), room=True)
    for text in copied:
        assert "李大嘴" not in text and h.head_name not in text
    assert "0702" not in copied[0] and "0702住户反映" in copied[1]
    assert printed(capsys, store, "problems", "message", view.id[:8]) == copied[0]
    assert printed(capsys, store, "problems", "message", view.id[:8], "--room") == copied[1]


def test_r_on_a_household_is_on_record_and_a_shows_the_log(store: Store) -> None:
    h = room_of(store, "0101")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, StairwellScreen)
        assert "a" in {b.key for b in app.screen.BINDINGS if getattr(b, "show", True)}  # in the key bar
        app.push_screen(HouseholdDetailScreen(store, h.id))
        await pilot.pause()
        await pilot.press("r")  # shown in full: logged
        await pilot.pause()
        await pilot.press("r")  # masked again: nothing to log
        await pilot.pause()
        assert len(store.disclosures()) == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, DisclosureLogScreen)
        assert shows(app, t("disclosure.what.household_detail")) and shows(app, "0101")
        await pilot.press("question_mark")
        await pilot.pause()
        assert shows(app, t("tui.help.audit_title"))
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StairwellScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert shows(app, t("tui.key.audit"))  # the map's help lists the key

    run(store, body)
    [entry] = store.disclosures()
    assert (entry.kind, entry.what, entry.persons, entry.target, entry.via) == ("reveal", "household_detail", 1,
                                                                               "0101", "tui")  # fmt: skip


def test_an_empty_log_says_so(store: Store) -> None:
    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        assert shows(app, t("disclosure.none")) and "90" in screen_text(app)

    run(store, body)


@needs_cjk_font
def test_printing_the_units_cards_is_on_record(store: Store) -> None:
    h = room_of(store, "0101")

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        app.push_screen(HouseholdDetailScreen(store, h.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()

    run(store, body)
    assert (store.home / "cards" / "unit-cards.pdf").exists()
    [entry] = store.disclosures()
    lived_in = [x for x in store.households() if x.residency != "vacant"]
    assert (entry.kind, entry.what, entry.persons, entry.via) == ("print", "unit_cards", len(lived_in), "tui")


def test_a_ledger_export_from_the_tui_is_on_record(store: Store, tmp_path: Path) -> None:
    from fieldgrid.tui.ledger.export_dialog import ExportDialog

    out = tmp_path / "台账.csv"

    async def body(app: FieldgridApp, pilot: Pilot) -> None:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.field("path").control.value = str(out)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()

    run(store, body)
    assert out.exists()
    [entry] = store.disclosures()
    assert (entry.kind, entry.what, entry.via) == ("export", "ledger_export", "tui") and out.name in entry.target
