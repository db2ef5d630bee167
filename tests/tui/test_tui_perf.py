"""The household list over a station-sized roster: every search keystroke over 5,000 households refreshes the
table (filter, new rows, the visible lines painted) and finds the right households.  How fast is a benchmark's
question (``benchmarks/bench_search.py``, target ≤ 16 ms median), not a unit test's: these machines are shared."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.geometry import Region
from textual.widgets import Input

from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.roster.search import name_keys
from fieldgrid.store import Store
from fieldgrid.tui.app import FieldgridApp
from fieldgrid.tui.households.household_list import HouseholdListScreen
from fieldgrid.tui.widgets.virtual_table import VirtualTable

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈单"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国雄信藩志红梅玉兰德福寿安康"
TAG_CYCLE = [[], ["living_alone"], [], ["low_income", "disabled"], [], ["empty_nest"], [], [], ["key_attention"]]


def roster(count: int) -> list[Household]:
    """``count`` plausible households (not validated: this measures the screen, not the model)."""
    households = []
    for n in range(count):
        name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)] + GIVEN[(n * 13) % len(GIVEN)]
        spouse = SURNAMES[(n * 3) % len(SURNAMES)] + GIVEN[(n * 11) % len(GIVEN)]
        members = [Member(name=name, relation="self", phone=f"+86139{n:08d}")]
        if n % 2:
            members.append(Member(name=spouse, relation="spouse"))
        households.append(
            Household(
                room=f"{n // 200 + 1}-{(n // 4) % 50 + 1:02d}{n % 4 + 1:02d}",
                building=str(n // 200 + 1),
                members=members,
                phones=[f"+86138{n:08d}"],
                tags=TAG_CYCLE[n % len(TAG_CYCLE)],
            )
        )
    return households


def test_search_keystrokes_over_5000_households_refresh_the_table(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save_profile(
        LeaderProfile(name="王秀英", phone="13800138000", grid=GridPath(community="社区", building="1", unit="1"))
    )
    households = roster(5000)

    async def main() -> None:
        app = FieldgridApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("h")  # from the stairwell map to the household list
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, HouseholdListScreen)
            screen.show_households(households)
            await pilot.pause()
            await app.workers.wait_for_complete()  # the pinyin index, built off the UI thread
            table = screen.query_one("#households", VirtualTable)
            search = screen.query_one("#search", Input)
            width, height = table.size
            # Typing, deleting and typing again: the strings a search box holds keystroke by keystroke.
            typed = ["z", "zh", "zha", "zhan", "zhang", "zhan", "zha", "zh", "z", "", "w", "wa", "wan", "wang"]
            typed += ["l", "li", "lin", "", "1", "1-", "1-0", "1-01", "", "s", "sx", "sxx", "", "zgf", ""]
            table.render_lines(Region(0, 0, width, height))  # warm: first paint of the rows
            for text in typed:
                search.value = text
                screen.apply_filter()  # what the Input.Changed handler runs
                lines = table.render_lines(Region(0, 0, width, height))  # what the next frame paints
                assert len(lines) == height
            await pilot.pause()
            search.value = "sxx"
            screen.apply_filter()
            assert table.row_count > 0
            assert all(any(name_keys(m.name)[1] == "sxx" for m in row.household.members) for row in table.rows)
            assert any(row.cells[1].startswith("单") for row in table.rows)

    asyncio.run(main())
