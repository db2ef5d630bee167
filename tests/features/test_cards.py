"""Contact cards that real decoders read: the vCard and household codes on a PNG and on every page of the A4
PDF rasterised at 150 dpi, decoded by two independent decoders (zbar's ``zbarimg`` and ``zxing-cpp``), byte
for byte, Chinese included; the vCard parsed back with ``vobject``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import vobject
import zxingcpp
from PIL import Image, ImageFont

from fieldgrid.cards import render
from fieldgrid.cards.payload import code_body, household_code, vcard
from fieldgrid.store import Store
from testkit.cli import PROFILE


def zbar(path: Path) -> bytes:
    """What ``zbarimg`` reads, as raw bytes: ``-Sbinary`` means no guessing at the character set (its default
    misreads short Chinese payloads as Shift-JIS), and in that mode it writes the symbols one after another."""
    done = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", str(path)], capture_output=True, check=False)
    return done.stdout


def holds_exactly(raw: bytes, payloads: list[bytes]) -> bool:
    """``raw`` is these payloads end to end, in some order, nothing else (zbar may add a newline after each)."""
    rest = raw
    for payload in sorted(payloads, key=len, reverse=True):
        at = rest.find(payload)
        if at < 0:
            return False
        rest = rest[:at] + rest[at + len(payload) :]
    return rest.strip(b"\n") == b""


def zxing(path: Path) -> list[bytes]:
    return [bytes(r.bytes) for r in zxingcpp.read_barcodes(Image.open(path))]


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
    assert holds_exactly(zbar(out), list(expected))


def test_pdf_sheet_decodes_card_by_card_at_150_dpi(cli, unit, tmp_path: Path) -> None:
    out = tmp_path / "unit.pdf"
    assert cli("cards", "--out", str(out), "--all", "--notice-board").code == 0
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2  # three door cards on one sheet, the notice board on its own page
    store = Store(unit)
    leader = vcard(store.profile()).encode()
    codes = {household_code(h.id).encode() for h in store.households()}
    store.close()
    sheet = zxing(pages[0])
    assert sheet.count(leader) == 3 and set(sheet) - {leader} == codes and len(sheet) == 6
    assert holds_exactly(zbar(pages[0]), sheet)
    assert zxing(pages[1]) == [leader] and holds_exactly(zbar(pages[1]), [leader])


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
