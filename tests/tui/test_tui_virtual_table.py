"""The virtual table on its own: double-width alignment, cursor keys, scrolling, mouse, messages, and
that rows off screen are never read."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.app import App, ComposeResult

from fieldgrid.assets import asset_path
from fieldgrid.tui.widgets.virtual_table import INDICATOR_WIDTH, Column, Row, VirtualTable, fit_cell

COLUMNS = [
    Column("room", "房号", width=6),
    Column("name", "姓名"),
    Column("note", "备注", flex=True, min_width=6),
]


class CountingRow:
    """A lazy row that counts how often its cells are read."""

    reads = 0

    def __init__(self, n: int) -> None:
        self.key: Hashable = n
        self.n = n

    @property
    def cells(self) -> Sequence[str]:
        CountingRow.reads += 1
        return (f"{self.n:04d}", "曾国藩" if self.n % 2 else "Li", f"note {self.n}")


class TableApp(App[None]):
    CSS_PATH: ClassVar = [asset_path("tcss", "virtual_table.tcss")]

    def __init__(self, rows: Sequence[Row | CountingRow]) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[Hashable | None] = []
        self.selected: list[Hashable] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable(COLUMNS, empty_text="nothing here", id="table")

    def on_mount(self) -> None:
        table = self.query_one(VirtualTable)
        table.set_rows(self.rows, fit=True)
        table.focus()

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self.highlighted.append(event.key)

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        self.selected.append(event.key)


def run(app: TableApp, body: Callable[[TableApp, VirtualTable], Awaitable[None]], size=(40, 10)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.pilot = pilot  # type: ignore[attr-defined]
            await body(app, app.query_one(VirtualTable))

    asyncio.run(main())


def lines(table: VirtualTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


def sample(count: int) -> list[Row]:
    return [Row(n, (f"{n:04d}", "单雄信" if n % 2 else "Wang", f"#{n}")) for n in range(count)]


def test_fit_cell_counts_double_width_characters() -> None:
    assert fit_cell("张三", 6) == "张三  "
    assert cell_len(fit_cell("单雄信", 5)) == 5
    assert fit_cell("单雄信", 5) == "单雄…"
    assert fit_cell("7", 3, "right") == "  7"
    assert fit_cell("ab", 4, "center") == " ab "
    assert fit_cell("abc", 0) == ""


def test_header_and_columns_line_up_with_chinese() -> None:
    async def body(app: TableApp, table: VirtualTable) -> None:
        painted = lines(table)
        assert painted[0].split() == ["房号", "姓名", "备注"]
        assert len(painted[1]) != len(painted[2])  # Chinese names take fewer characters…
        assert {cell_len(line) for line in painted} == {table.scrollable_content_region.width}  # …same cells
        column = cell_len(painted[0][: painted[0].index("备注")])
        for line in painted[1:4]:
            assert cell_len(line[: line.index("#")]) == column

    run(TableApp(sample(5)), body)


def test_cursor_keys_scroll_and_messages() -> None:
    async def body(app: TableApp, table: VirtualTable) -> None:
        pilot = app.pilot  # type: ignore[attr-defined]
        assert table.cursor_key == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        page = table.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + page
        await pilot.press("end")
        assert table.cursor_row == 99
        assert lines(table)[-1].split()[0] == "0099"  # scrolled so the cursor row is on screen
        assert lines(table)[0].split()[0] == "房号"  # the header stays
        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_y == 0
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [0]
        assert app.highlighted[-1] == 0 and 99 in app.highlighted

    run(TableApp(sample(100)), body)


def test_click_moves_the_cursor_and_a_second_click_selects() -> None:
    async def body(app: TableApp, table: VirtualTable) -> None:
        pilot = app.pilot  # type: ignore[attr-defined]
        await pilot.click(table, offset=(2, 3))
        assert table.cursor_key == 2
        assert app.selected == []
        await pilot.click(table, offset=(2, 3))
        await pilot.pause()
        assert app.selected == [2]
        await pilot.click(table, offset=(2, 0))  # the header selects nothing
        assert table.cursor_key == 2

    run(TableApp(sample(20)), body)


def test_set_rows_keeps_the_cursor_on_its_key_and_shows_empty_text() -> None:
    async def body(app: TableApp, table: VirtualTable) -> None:
        table.move_cursor_to_key(7)
        table.set_rows([r for r in sample(20) if r.key % 7 == 0])
        assert table.cursor_key == 7 and table.cursor_row == 1
        table.set_rows([r for r in sample(20) if r.key % 5 == 0])
        assert table.cursor_key == 0
        table.set_rows([])
        assert table.cursor_key is None
        assert "nothing here" in lines(table)[1]
        await app.pilot.pause()  # type: ignore[attr-defined]
        assert app.highlighted[-1] is None

    run(TableApp(sample(20)), body)


def test_cursor_on_a_row_added_below_the_screen_scrolls_to_it() -> None:
    async def body(app: TableApp, table: VirtualTable) -> None:
        pilot = app.pilot  # type: ignore[attr-defined]
        fits = table.scrollable_content_region.height - 1
        table.set_rows(sample(fits))
        await pilot.pause()
        table.set_rows(sample(fits + 1))
        assert table.move_cursor_to_key(fits)
        await pilot.pause()
        assert lines(table)[-1].split()[0] == f"{fits:04d}"

    run(TableApp([]), body)


def test_only_rows_on_screen_are_read() -> None:
    rows = [CountingRow(n) for n in range(100_000)]

    async def body(app: TableApp, table: VirtualTable) -> None:
        pilot = app.pilot  # type: ignore[attr-defined]
        CountingRow.reads = 0
        table.set_rows(rows[::-1])  # a new list of 100,000 rows: no cell is read to set it
        assert CountingRow.reads == 0
        await pilot.pause()
        visible = table.scrollable_content_region.height - 1
        assert 0 < CountingRow.reads <= 4 * visible  # only painted lines (a few paints at most)
        CountingRow.reads = 0
        await pilot.press("end")
        assert 0 < CountingRow.reads <= 4 * visible
        assert lines(table)[-1].split()[0] == "0000"

    app = TableApp([])
    run(app, body)


def test_narrow_table_scrolls_sideways_and_flex_column_fills_wide_ones() -> None:
    async def narrow(app: TableApp, table: VirtualTable) -> None:
        widths = table.column_widths()
        assert widths[2] == 6  # the flex column at its minimum
        assert table.virtual_size.width > table.scrollable_content_region.width
        table.scroll_to(x=10, animate=False, immediate=True)
        assert not lines(table)[0].startswith(" 房号")

    run(TableApp(sample(3)), narrow, size=(20, 8))

    async def wide(app: TableApp, table: VirtualTable) -> None:
        widths = table.column_widths()
        assert 2 + sum(widths) + 2 * 2 + INDICATOR_WIDTH == table.scrollable_content_region.width
        assert table.virtual_size.width <= table.scrollable_content_region.width

    run(TableApp(sample(3)), wide, size=(60, 8))
