"""Cards in the TUI: ``c`` shows the household's code and the leader's contact as QR codes drawn with half
blocks that decode to the right text; ``p`` writes the unit's PDF; a barcode scanner typing a household code
anywhere opens that household, and a foreign or unknown code is reported."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PIL import Image

from fieldgrid.cards.payload import household_code
from fieldgrid.demo.unit import write_demo
from fieldgrid.i18n import t
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.field_work.stairwell import StairwellScreen
from fieldgrid.tui.households.card import CardScreen, compact_vcard
from fieldgrid.tui.households.household_detail import HouseholdDetailScreen
from testkit.fonts import needs_cjk_font
from testkit.qr import wechat, zxing


def decode_blocks(text: str) -> list[bytes]:
    """Read half-block text back as modules (each character: the top and bottom module), draw them 8 px a
    module on white, and decode with zxing-cpp and with OpenCV's WeChat decoder: both must read the same."""
    lines = text.splitlines()
    width = max(len(line) for line in lines)
    scale, margin = 8, 32
    image = Image.new("L", (width * scale + 2 * margin, len(lines) * 2 * scale + 2 * margin), 255)
    pixels = image.load()
    for y, line in enumerate(lines):
        for x, ch in enumerate(line):
            for half, dark in ((0, ch in "▀█"), (1, ch in "▄█")):
                if dark:
                    for dy in range(scale):
                        for dx in range(scale):
                            pixels[margin + x * scale + dx, margin + (2 * y + half) * scale + dy] = 0
    read = zxing(image)
    assert wechat(image) == read
    return read


def test_card_screen_qr_codes_decode_and_fit(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            detail = app.screen
            assert isinstance(detail, HouseholdDetailScreen) and detail.household is not None
            await pilot.press("c")
            await pilot.pause()
            card = app.screen
            assert isinstance(card, CardScreen)
            code = household_code(detail.household.id)
            qr = str(card.query_one("#card-qr").render())
            assert decode_blocks(qr) == [code.encode()]
            await pilot.press("v")
            await pilot.pause()
            big = str(card.query_one("#card-qr").render())
            assert len(big.splitlines()) <= 24 and max(len(line) for line in big.splitlines()) <= 80
            assert decode_blocks(big) == [compact_vcard(store.profile()).encode()]

    asyncio.run(body())
    store.close()


@needs_cjk_font
def test_p_on_the_card_screen_writes_the_units_pdf(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, CardScreen)
            await pilot.press("v")
            await pilot.pause()
            await pilot.press("escape", "p")  # out of the large vCard, still on the card screen
            await pilot.pause()
            assert (store.home / "cards" / "unit-cards.pdf").stat().st_size > 0

    asyncio.run(body())
    store.close()


def test_a_scanned_code_opens_its_household_from_anywhere(tmp_path: Path) -> None:
    store = Store(tmp_path / "demo")
    write_demo(store)
    target = next(h for h in store.households() if h.room == "0903")
    code = household_code(target.id)

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*code, "enter")  # the scanner types it, fast
            await pilot.pause()
            assert isinstance(app.screen, HouseholdDetailScreen) and app.screen.household_id == target.id
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press(*"FG1-00000000X", "enter")  # well formed but wrong check character
            await pilot.pause()
            assert isinstance(app.screen, StairwellScreen)
            assert [n.message for n in app._notifications] == [t("tui.scan.foreign", code="FG1-00000000X")]

    asyncio.run(body())
    store.close()


def test_a_capital_f_typed_into_a_field_stays_a_letter(tmp_path: Path) -> None:
    from textual.widgets import Input

    store = Store(tmp_path / "demo")
    write_demo(store)

    async def body() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("h", "slash", "F", "a")
            await pilot.pause()
            assert app.screen.query_one("#search", Input).value == "Fa"

    asyncio.run(body())
    store.close()
