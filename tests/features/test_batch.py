"""The cycle collector paused for a batch of work (a station's import or report) and put back as it was, also
when the work fails."""

from __future__ import annotations

import gc

import pytest

from fieldgrid.batch import without_cycle_collection


def test_paused_and_put_back_as_it_was() -> None:
    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), without_cycle_collection():
        raise ValueError("a bundle that breaks")
    assert gc.isenabled()
    gc.disable()
    try:
        with without_cycle_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
