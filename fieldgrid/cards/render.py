"""Drawing cards: QR codes (``qrcode``, byte mode, UTF-8, no ECI header) and Chinese text (a CJK font found on
the system or given with ``--font``) onto 300-dpi images with Pillow; single cards as PNG, A4 sheets of eight
door cards with cut marks, and the notice-board card on a page of its own, as PDF."""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont
from qrcode.constants import ERROR_CORRECT_L, ERROR_CORRECT_M

from fieldgrid.cards.payload import household_code, vcard
from fieldgrid.errors import Refused
from fieldgrid.i18n import t
from fieldgrid.model import Household, LeaderProfile
from fieldgrid.model.places import address
from fieldgrid.model.validation import national_phone

DPI = 300
MM = DPI / 25.4
CARD = (round(90 * MM), round(54 * MM))  # a business card
A4 = (round(210 * MM), round(297 * MM))
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)


class CardError(Refused):
    """A card cannot be made as asked (no CJK font, a bad output name)."""


def find_font(explicit: str | None = None) -> Path:
    """A font that draws Chinese: ``explicit``, else a known one, else what fontconfig offers for Chinese."""
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise CardError("cards.error.font_missing", path=str(path))
        return path
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh"], capture_output=True, text=True, check=False)
        path = Path(found.stdout.strip())
        if found.returncode == 0 and path.is_file() and _covers_chinese(path):
            return path  # fontconfig answers its best guess even with no CJK font installed (DejaVu, say)
    raise CardError("cards.error.no_font")


def _covers_chinese(path: Path) -> bool:
    try:
        font = ImageFont.truetype(str(path), 32)
    except OSError:
        return False
    # A font without these characters draws the same missing-glyph box for each: as wide as real ones, so the
    # shapes must differ too.
    shapes = set()
    for ch in "单元长":
        image = Image.new("L", (48, 48), 0)
        ImageDraw.Draw(image).text((8, 8), ch, font=font, fill=255)
        shapes.add(image.tobytes())
    return len(shapes) == 3 and font.getbbox("单元长")[2] > font.getbbox("a")[2] * 2


@functools.lru_cache(maxsize=64)
def qr_image(text: str, size_px: int) -> Image.Image:
    """``text`` as a QR code (UTF-8 bytes, error correction M, quiet zone of 4) scaled to ``size_px``; kept, as a
    sheet of door cards repeats the leader's code on every card (callers paste it, never change it)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=1)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    scale = max(1, size_px // modules)
    image = Image.new("1", (modules, modules), 1)
    pixels = image.load()
    assert pixels is not None  # a new in-memory image always gives its pixel access
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x, y] = 0
    return image.resize((modules * scale, modules * scale), Image.Resampling.NEAREST)


def qr_matrix(text: str, border: int = 2, *, small: bool = False) -> list[list[bool]]:
    """The code's modules; ``small`` takes the lowest error correction, for a code that must fit a terminal."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_L if small else ERROR_CORRECT_M, border=border, box_size=1)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


class Painter:
    def __init__(self, font_path: Path) -> None:
        self.font_path = font_path
        self._fonts: dict[int, ImageFont.FreeTypeFont] = {}

    def font(self, size_mm: float) -> ImageFont.FreeTypeFont:
        px = round(size_mm * MM)
        if px not in self._fonts:
            self._fonts[px] = ImageFont.truetype(str(self.font_path), px)
        return self._fonts[px]

    def card(self, profile: LeaderProfile, household: Household | None) -> Image.Image:
        """A door card (90×54 mm): the leader's vCard QR, name, role, phone and grid; with a household, its
        opaque code as a small QR and in print."""
        image = Image.new("L", CARD, 255)
        draw = ImageDraw.Draw(image)
        qr = qr_image(vcard(profile), round(44 * MM))
        image.paste(qr, (round(3 * MM), (CARD[1] - qr.height) // 2))
        left = round(3 * MM) + qr.width + round(2 * MM)
        phone = national_phone(profile.phone) if profile.phone.startswith("+") else profile.phone
        y = round(6 * MM)
        draw.text((left, y), t("cards.role"), font=self.font(3.2), fill=80)
        draw.text((left, y + round(5 * MM)), profile.name, font=self.font(6), fill=0)
        draw.text((left, y + round(14 * MM)), phone, font=self.font(4), fill=0)
        draw.text((left, y + round(20 * MM)), profile.grid.label(), font=self.font(3), fill=40)
        draw.text((left, y + round(24.5 * MM)), t("cards.greeting"), font=self.font(2.6), fill=90)
        if household is not None:
            code = household_code(household.id)
            small = qr_image(code, round(14 * MM))
            image.paste(small, (CARD[0] - small.width - round(2 * MM), CARD[1] - small.height - round(2 * MM)))
            # 斜江村3组15号 (not the stored 3-15) on a line of its own: a village's or a street's address is long
            where = address(household.room, None, profile.grid_kind, profile.area)  # the room only: no name
            draw.text((left, CARD[1] - round(11 * MM)), where, font=self.font(2.4), fill=60)
            draw.text((left, CARD[1] - round(7 * MM)), code, font=self.font(2.4), fill=60)
        return image

    def notice_board(self, profile: LeaderProfile) -> Image.Image:
        """The 公示牌 for the stairwell wall: role, name, grid, phone and a large QR, on an A4 page."""
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        centre = A4[0] // 2
        phone = national_phone(profile.phone) if profile.phone.startswith("+") else profile.phone
        draw.text((centre, round(30 * MM)), t("cards.board_title", grid=profile.grid.label()), font=self.font(11),
                  fill=0, anchor="mm")  # fmt: skip
        draw.text((centre, round(55 * MM)), t("cards.role"), font=self.font(9), fill=60, anchor="mm")
        draw.text((centre, round(80 * MM)), profile.name, font=self.font(20), fill=0, anchor="mm")
        draw.text((centre, round(105 * MM)), phone, font=self.font(12), fill=0, anchor="mm")
        qr = qr_image(vcard(profile), round(110 * MM))
        page.paste(qr, (centre - qr.width // 2, round(120 * MM)))
        draw.text((centre, round(120 * MM) + qr.height + round(10 * MM)), t("cards.board_scan"), font=self.font(6),
                  fill=60, anchor="mm")  # fmt: skip
        return page

    def sheets(self, cards: Sequence[Image.Image]) -> list[Image.Image]:
        """Eight cards to an A4 page (two columns of four), with cut marks at every card corner."""
        columns, rows = 2, 4
        gap = round(4 * MM)
        left = (A4[0] - columns * CARD[0] - (columns - 1) * gap) // 2
        top = (A4[1] - rows * CARD[1] - (rows - 1) * gap) // 2
        pages = []
        for start in range(0, len(cards), columns * rows):
            page = Image.new("L", A4, 255)
            draw = ImageDraw.Draw(page)
            for n, card in enumerate(cards[start : start + columns * rows]):
                x = left + (n % columns) * (CARD[0] + gap)
                y = top + (n // columns) * (CARD[1] + gap)
                page.paste(card, (x, y))
                _cut_marks(draw, x, y)
            pages.append(page)
        return pages


def _cut_marks(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    mark = round(3 * MM)
    off = round(1 * MM)
    for cx in (x, x + CARD[0]):
        for cy in (y, y + CARD[1]):
            dx = -1 if cx == x else 1
            dy = -1 if cy == y else 1
            draw.line([(cx + dx * off, cy), (cx + dx * (off + mark), cy)], fill=0, width=2)
            draw.line([(cx, cy + dy * off), (cx, cy + dy * (off + mark))], fill=0, width=2)


def save_png(path: Path, image: Image.Image) -> None:
    import io

    from fieldgrid.fsutil import atomic_write_bytes

    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(DPI, DPI))
    atomic_write_bytes(path, buffer.getvalue())


def save_pdf(path: Path, pages: Sequence[Image.Image]) -> None:
    import io

    from fieldgrid.fsutil import atomic_write_bytes

    buffer = io.BytesIO()
    first, *rest = pages
    first.save(buffer, "PDF", resolution=DPI, save_all=True, append_images=rest)
    atomic_write_bytes(path, buffer.getvalue())
