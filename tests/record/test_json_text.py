"""Records as JSON text (orjson, the json module where it refuses): the same compact text as the json module
writes, anything the json module reads read the same, and no NaN or Infinity taken from outside."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.record import json_text

SAMPLE = {"id": "v1", "household_id": "h1", "at": "2026-11-03T09:30", "kind": "routine", "found": "独居，暖气不热",
          "_meta": {"stamp": "001761991200015.00000.dv000034", "device": "dv000034", "deleted": None,
                    "fields": {"kind": "001761991200015.00000.dv000034"}}, "floor": 6, "ok": True}  # fmt: skip
JSON_MODULE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

texts = st.text(st.characters(blacklist_categories=("Cs",)))
values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@given(values)
def test_the_same_text_as_the_json_module_and_back(value: object) -> None:
    assert json_text.dumps(value) == JSON_MODULE(value)
    assert json_text.loads(json_text.dumps(value)) == value == json_text.loads_strict(JSON_MODULE(value).encode())


def test_a_record_round_trips_byte_for_byte() -> None:
    text = json_text.dumps(SAMPLE)
    assert text == JSON_MODULE(SAMPLE) and json_text.loads(text) == SAMPLE


def test_what_orjson_refuses_the_json_module_reads_and_writes() -> None:
    big = {"n": 2**70}
    assert (
        json_text.dumps(big) == '{"n":1180591620717411303424}'
        and json_text.loads('{"n":1180591620717411303424}') == big
    )
    assert json_text.dumps({1: "a"}) == '{"1":"a"}'  # a key that is not text, as the json module writes it
    assert json_text.loads('"\\ud800"') == "\ud800"  # a lone surrogate an older fieldgrid may have kept


@pytest.mark.parametrize("text", [b'{"n":NaN}', b'{"n":Infinity}', b"[-Infinity]", b"{", b"\xff\xfe"])
def test_no_nan_or_infinity_or_broken_text_from_outside(text: bytes) -> None:
    with pytest.raises(ValueError):  # json.JSONDecodeError, UnicodeDecodeError
        json_text.loads_strict(text)
