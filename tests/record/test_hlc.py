"""Hybrid logical clocks: stamps only ever go up, whatever the wall clock does, and their text sorts
like the stamps themselves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldgrid.record.clock import MAX_COUNTER, Clock, Stamp

MAX_WALL = 10**15 - 1
walls = st.integers(min_value=0, max_value=2 * 10**12)  # up to the year 2033, in ms
devices = st.text(alphabet="abcdef0123456789", min_size=1, max_size=12)
stamps = st.builds(Stamp, st.integers(0, MAX_WALL), st.integers(0, MAX_COUNTER), devices)

# One step of a device's life: a local change at some physical time, or a stamp received from elsewhere.
steps = st.one_of(
    st.tuples(st.just("now"), walls),
    st.tuples(st.just("observe"), walls, st.builds(Stamp, walls, st.integers(0, MAX_COUNTER), devices)),
)


@given(devices, st.lists(steps, max_size=60))
def test_stamps_strictly_increase_whatever_the_wall_clock_does(device: str, script: list[tuple]) -> None:
    clock = Clock(device)
    previous = clock.last
    for step in script:
        if step[0] == "now":
            stamp = clock.now(step[1])
        else:
            remote = step[2]
            stamp = clock.observe(remote, step[1])
            assert (stamp.wall_ms, stamp.counter) > (remote.wall_ms, remote.counter)
        assert stamp > previous
        assert stamp.device == device
        assert stamp.counter <= MAX_COUNTER
        assert stamp == clock.last
        if step[0] == "now":
            assert stamp.wall_ms >= step[1]  # never behind the physical time it was given
        previous = stamp


@given(st.lists(walls, min_size=1, max_size=40))
def test_clock_going_backwards(physical: list[int]) -> None:
    clock = Clock("dev1")
    issued = [clock.now(ms) for ms in sorted(physical, reverse=True)]
    assert issued == sorted(issued)
    assert len(set(issued)) == len(issued)
    assert all(s.wall_ms == max(physical) for s in issued)  # stays on the highest time seen


def test_counter_resets_when_physical_time_moves_on() -> None:
    clock = Clock("dev1")
    assert clock.now(1000) == Stamp(1000, 0, "dev1")
    assert clock.now(1000) == Stamp(1000, 1, "dev1")
    assert clock.now(999) == Stamp(1000, 2, "dev1")
    assert clock.now(1001) == Stamp(1001, 0, "dev1")


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = Clock("dev1", Stamp(5000, MAX_COUNTER - 1, "dev1"))
    assert clock.now(5000) == Stamp(5000, MAX_COUNTER, "dev1")
    assert clock.now(5000) == Stamp(5001, 0, "dev1")
    remote = Stamp(9000, MAX_COUNTER, "other")
    assert clock.observe(remote, 0) == Stamp(9001, 0, "dev1")


def test_observe_takes_the_remote_time_when_it_is_ahead() -> None:
    clock = Clock("dev1")
    clock.now(1000)
    assert clock.observe(Stamp(5000, 7, "dev2"), 1200) == Stamp(5000, 8, "dev1")
    assert clock.observe(Stamp(5000, 3, "dev2"), 1200) == Stamp(5000, 9, "dev1")
    assert clock.observe(Stamp(10, 3, "dev2"), 6000) == Stamp(6000, 0, "dev1")


@given(devices, st.lists(steps, max_size=30))
def test_a_clock_restored_from_its_last_stamp_continues_above_it(device: str, script: list[tuple]) -> None:
    clock = Clock(device)
    for step in script:
        if step[0] == "now":
            clock.now(step[1])
        else:
            clock.observe(step[2], step[1])
    restored = Clock(device, Stamp.decode(clock.last.encode()))
    assert restored.now(0) > clock.last


@given(stamps)
def test_encode_decode_round_trip(stamp: Stamp) -> None:
    text = stamp.encode()
    assert Stamp.decode(text) == stamp
    assert len(text.split(".", 2)[0]) == 15


@given(stamps, stamps)
def test_text_order_is_stamp_order(a: Stamp, b: Stamp) -> None:
    assert (a.encode() < b.encode()) == (a < b)
    assert (a.encode() == b.encode()) == (a == b)
    assert (a < b) == ((a.wall_ms, a.counter, a.device) < (b.wall_ms, b.counter, b.device))


@given(st.lists(stamps, max_size=30))
def test_sorting_texts_sorts_stamps(items: list[Stamp]) -> None:
    assert [Stamp.decode(t) for t in sorted(s.encode() for s in items)] == sorted(items)


@pytest.mark.parametrize(
    "text", ["", "123", "000000000001000.00000.", "1000.00000.dev", "000000000001000.0.dev", "x" * 15 + ".00000.d"]
)
def test_decode_refuses_what_is_not_a_stamp(text: str) -> None:
    with pytest.raises(ValueError, match="not a clock stamp"):
        Stamp.decode(text)


@pytest.mark.parametrize("device", ["", "a.b"])
def test_device_ids_must_be_usable_in_stamps(device: str) -> None:
    with pytest.raises(ValueError):
        Clock(device)
