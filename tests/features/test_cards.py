"""Contact cards that real decoders read: the vCard and household codes on a PNG and on every page of the A4
PDF rasterised at 150 dpi (pypdfium2), decoded by two independent decoders (``zxing-cpp`` and OpenCV's WeChat
decoder), byte for byte, Chinese included; the vCard parsed back with ``vobject``.  Drawing a card needs a font
that draws Chinese: those tests skip, saying which package to install, on a machine without one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import vobject
from PIL import Image, ImageFont

from fieldgrid.cards import render
from fieldgrid.cards.payload import code_body, household_code, vcard
from fieldgrid.store import Store
from testkit.cli import PROFILE
from testkit.fonts import needs_cjk_font
from testkit.qr import pdf_pages, wechat, zxing


@pytest.fixture
def unit(cli, home) -> Store:
    assert cli(*PROFILE).code == 0
    for room, head in (("0601", "张建国"), ("0602", "单雄信"), ("0603", "欧阳秀英")):
        assert cli("households", "add", "--room", room, "--head", head).code == 0
    return home


def test_vcard_parses_back_and_codes_check_themselves(unit) -> None:
    store = Store(unit)
    card = vobject.readOne(vcard(store.profile()))
    assert card.fn.value == "王芳" and card.tel.value == "13800138000" and card.title.value == "单元长"
    assert card.org.value == ["子龙社区"]
    for h in store.households():
        code = household_code(h.id)
        assert code_body(code) and code_body(code.lower())
        assert code_body(code[:-1] + ("0" if code[-1] != "0" else "1")) is None  # a misread character
        assert h.room not in code and "张" not in code  # no personal data
    store.close()


@needs_cjk_font
def test_png_door_card_decodes_byte_exact_in_two_decoders(cli, unit, tmp_path: Path) -> None:
    out = tmp_path / "card.png"
    assert cli("cards", "--out", str(out), "--household", "0602").code == 0
    store = Store(unit)
    expected = {
        vcard(store.profile()).encode(),
        household_code(next(h.id for h in store.households() if h.room == "0602")).encode(),
    }
    store.close()
    assert Image.open(out).info["dpi"][0] == pytest.approx(300, abs=1)
    assert set(zxing(out)) == expected
    assert sorted(wechat(out)) == sorted(expected)


@needs_cjk_font
def test_pdf_sheet_decodes_card_by_card_at_150_dpi(cli, unit, tmp_path: Path) -> None:
    out = tmp_path / "unit.pdf"
    assert cli("cards", "--out", str(out), "--all", "--notice-board").code == 0
    pages = pdf_pages(out, dpi=150)
    assert len(pages) == 2  # three door cards on one sheet, the notice board on its own page
    store = Store(unit)
    leader = vcard(store.profile()).encode()
    codes = {household_code(h.id).encode() for h in store.households()}
    store.close()
    sheet = zxing(pages[0])
    assert sheet.count(leader) == 3 and set(sheet) - {leader} == codes and len(sheet) == 6
    assert sorted(wechat(pages[0])) == sorted([leader] * 3 + list(codes))
    assert zxing(pages[1]) == [leader] and wechat(pages[1]) == [leader]


def test_no_chinese_font_names_the_package(cli, unit, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(render, "FONT_CANDIDATES", ())
    monkeypatch.setattr(render.shutil, "which", lambda name: None)
    result = cli("cards", "--out", str(tmp_path / "x.pdf"))
    assert result.code == 2 and "fonts-wqy-microhei" in result.err
    assert not (tmp_path / "x.pdf").exists()
    assert cli("cards", "--out", str(tmp_path / "x.doc")).code == 2


def test_a_latin_font_fontconfig_offers_is_not_taken_for_chinese(tmp_path: Path, monkeypatch) -> None:
    """fontconfig answers ``:lang=zh`` with its best guess even with no CJK font installed (DejaVu on a bare
    Debian): a font that draws the same missing-glyph box for every character is refused."""
    latin = tmp_path / "aileron.ttf"
    latin.write_bytes(ImageFont.load_default(size=20).path.getvalue())  # Pillow's own font: Latin only
    answer = subprocess.CompletedProcess(["fc-match"], 0, stdout=str(latin), stderr="")
    monkeypatch.setattr(render, "FONT_CANDIDATES", ())
    monkeypatch.setattr(render.shutil, "which", lambda name: "/usr/bin/fc-match")
    monkeypatch.setattr(render.subprocess, "run", lambda *args, **kwargs: answer)
    with pytest.raises(render.CardError):
        render.find_font()


@needs_cjk_font
def test_a_village_door_card_prints_the_address_not_the_stored_room(
    cli, home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 林盘 household's card reads 斜江村3组15号 (its own line, clear of the small code), never ``3-15``."""
    from PIL import ImageDraw

    assert cli(*PROFILE).code == 0
    assert cli("profile", "set", "--grid-kind", "village", "--compound", "斜江村").code == 0
    assert cli("households", "add", "--room", "3组15号", "--head", "王建国").code == 0
    store = Store(home)
    profile, [house] = store.profile(), store.households()
    store.close()
    drawn: list[str] = []
    real = ImageDraw.ImageDraw.text

    def text(self: ImageDraw.ImageDraw, xy: object, text: str, *args: object, **kwargs: object) -> None:
        drawn.append(text)
        real(self, xy, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    render.Painter(render.find_font()).card(profile, house)
    assert "斜江村3组15号" in drawn and not any("3-15" in text for text in drawn)
