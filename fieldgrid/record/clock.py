"""Hybrid logical clock stamps: every change carries one, so merges can order edits across devices.

A stamp is ``(wall_ms, counter, device)``.  Its text form ``"{wall_ms:015d}.{counter:05d}.{device}"``
sorts in the same order as the tuple, so stored stamps compare as plain strings.  No I/O here: the
caller passes the physical time in.
"""

from __future__ import annotations

from dataclasses import dataclass

_WALL_WIDTH = 15
_COUNTER_WIDTH = 5
MAX_COUNTER = 10**_COUNTER_WIDTH - 1


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_WIDTH}d}.{self.counter:0{_COUNTER_WIDTH}d}.{self.device}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        try:
            wall, counter, device = text.split(".", 2)
            if len(wall) != _WALL_WIDTH or len(counter) != _COUNTER_WIDTH or not device:
                raise ValueError(text)
            return cls(int(wall), int(counter), device)
        except ValueError as exc:
            raise ValueError(f"not a clock stamp: {text!r}") from exc


class Clock:
    """A device's hybrid logical clock.

    ``now(physical_ms)`` gives a stamp greater than every stamp this clock has issued or observed;
    ``observe(stamp)`` folds in a stamp received from elsewhere (used by sync).
    """

    def __init__(self, device: str, last: Stamp | None = None) -> None:
        if not device or "." in device:
            raise ValueError("device id must be non-empty and contain no '.'")
        self.device = device
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0

    @property
    def last(self) -> Stamp:
        return Stamp(self._wall, self._counter, self.device)

    def now(self, physical_ms: int) -> Stamp:
        if physical_ms > self._wall:
            self._wall, self._counter = physical_ms, 0
        else:
            self._bump()
        return self.last

    def observe(self, remote: Stamp, physical_ms: int) -> Stamp:
        wall = max(self._wall, remote.wall_ms, physical_ms)
        if wall == self._wall == remote.wall_ms:
            self._counter = max(self._counter, remote.counter)
            self._bump()
        elif wall == self._wall:
            self._bump()
        elif wall == remote.wall_ms:
            self._wall, self._counter = wall, remote.counter
            self._bump()
        else:
            self._wall, self._counter = wall, 0
        return self.last

    def _bump(self) -> None:
        if self._counter >= MAX_COUNTER:
            # Counter exhausted within one millisecond: borrow the next millisecond.
            self._wall += 1
            self._counter = 0
        else:
            self._counter += 1
