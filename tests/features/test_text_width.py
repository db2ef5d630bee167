"""One measure of text width below the TUI (``fieldgrid.text.display_width``), and it agrees with what the TUI's
renderer paints (``rich.cells.cell_len``) on the text fieldgrid shows: Chinese, full-width digits, mixed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from fieldgrid.text import display_width

SAMPLES = ["", "0601", "橙郡一期6栋3单元", "张三 13800138000", "１２３", "王秀英（独居）", "Zhang San", "民生服务·代办"]


@pytest.mark.parametrize("text", SAMPLES)
def test_known_widths_agree_with_the_renderer(text: str) -> None:
    assert display_width(text) == cell_len(text)


def test_a_chinese_character_is_two_columns() -> None:
    assert display_width("单元长") == 6 and display_width("6栋") == 3


@given(st.text(alphabet=st.sampled_from("0123456789ABCxyz -·（）：，。张王李赵单雄信曾国藩橙郡一期栋单元１２")))
def test_widths_agree_on_the_characters_fieldgrid_shows(text: str) -> None:
    assert display_width(text) == cell_len(text)
