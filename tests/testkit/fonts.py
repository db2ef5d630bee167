"""The mark for tests that draw cards: they need a font that draws Chinese, found as the app finds it."""

from __future__ import annotations

import pytest

from fieldgrid.cards.render import CardError, find_font


def _has_cjk_font() -> bool:
    try:
        find_font()
    except CardError:
        return False
    return True


needs_cjk_font = pytest.mark.skipif(
    not _has_cjk_font(), reason="no CJK font on this machine: apt-get install fonts-wqy-microhei"
)
