"""Reading QR codes back as a phone would, with decoders that come as wheels (no system packages): zxing-cpp and
OpenCV's WeChat decoder (``opencv-contrib-python-headless``), each giving every symbol's payload as bytes; and
PDF pages rasterised with pypdfium2, as a printer would see them."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import zxingcpp
from PIL import Image

# Windows (side, step) in which the WeChat decoder looks after the whole image: any symbol up to step pixels a
# side lies whole inside one of them.
WINDOWS = ((600, 300),)


def pdf_pages(path: Path, dpi: int = 150) -> list[Image.Image]:
    """Every page of the PDF at ``path``, rasterised at ``dpi``, in greyscale."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()


def zxing(image: Image.Image | Path) -> list[bytes]:
    """What zxing-cpp reads: each symbol's raw bytes, no character set guessed."""
    if isinstance(image, Path):
        image = Image.open(image)
    return [bytes(r.bytes) for r in zxingcpp.read_barcodes(image)]


def wechat(image: Image.Image | Path) -> list[bytes]:
    """What OpenCV's WeChat decoder reads, each symbol as UTF-8 bytes.

    The wheel ships no detector models (``WeChatQRCode()`` without them falls back to the classic detector),
    and then one call reads at most one symbol: so read, paint what was read white, read again, first on the
    whole image and then in overlapping windows, for small symbols beside large ones. It decodes byte mode as
    UTF-8 and returns ``str``; encoding that back to UTF-8 gives the payload's bytes, and a payload that was not
    UTF-8 would not come back equal."""
    if isinstance(image, Path):
        image = Image.open(image)
    page = np.array(image.convert("L"))
    decoder = cv2.wechat_qrcode_WeChatQRCode()
    height, width = page.shape
    windows = [(0, 0, width, height)]
    for side, step in WINDOWS:
        if side < max(width, height):
            windows += [(x, y, min(x + side, width), min(y + side, height))
                        for y in range(0, max(height - step, 1), step)
                        for x in range(0, max(width - step, 1), step)]  # fmt: skip
    found: list[bytes] = []
    for left, top, right, bottom in windows:
        while page[top:bottom, left:right].min() < 128:  # nothing left to read in a blank window
            texts, corners = decoder.detectAndDecode(np.ascontiguousarray(page[top:bottom, left:right]))
            if not texts:
                break
            for text, quad in zip(texts, corners, strict=True):
                found.append(text.encode("utf-8"))
                corners_on_page = np.asarray(quad, dtype=np.float32).reshape(-1, 2) + np.array([left, top])
                hull = cv2.convexHull(corners_on_page.astype(np.int32))
                cv2.fillConvexPoly(page, hull, 255)
                cv2.polylines(page, [hull], True, 255, thickness=5)  # the edge too: no sliver left to misread
    return found
