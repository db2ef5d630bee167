"""Fifty household door cards to one A4 PDF (seven sheets of eight with cut marks), plus the notice board:
wall-clock time on this machine, target ≤ 2 s.  There is no natural floor to divide by here (the issue sets
an absolute target), so the time of drawing the same pages without their QR codes is printed beside it.

    python benchmarks/bench_cards.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from fieldgrid.cards import render
from fieldgrid.cards.render import Painter, find_font, save_pdf
from fieldgrid.model import GridPath, Household, LeaderProfile, Member

TARGET_S = 2.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    profile = LeaderProfile("刘秀英", "+8618986804494", GridPath(community="子龙社区", compound="橙郡一期",
                                                                 building="6栋", unit="3单元"))  # fmt: skip
    households = [Household(room=f"{f:02d}{d:02d}", members=[Member(name=f"张{f}{d}", relation="self")],
                            id=str(uuid.uuid4())) for f in range(1, 14) for d in range(1, 5)][:50]  # fmt: skip
    painter = Painter(find_font())
    times, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs + 1):
            start = time.perf_counter()
            save_pdf(Path(tmp) / "unit.pdf", [*painter.sheets([painter.card(profile, h) for h in households]),
                                              painter.notice_board(profile)])  # fmt: skip
            elapsed = time.perf_counter() - start
            real_qr = render.qr_image
            render.qr_image = lambda text, size: render.Image.new("1", (size, size), 1)  # type: ignore[assignment]
            try:
                start = time.perf_counter()
                save_pdf(Path(tmp) / "bare.pdf", [*painter.sheets([painter.card(profile, h) for h in households]),
                                                  painter.notice_board(profile)])  # fmt: skip
                no_qr = time.perf_counter() - start
            finally:
                render.qr_image = real_qr
            if run:
                times.append(elapsed)
                bare.append(no_qr)
        size = (Path(tmp) / "unit.pdf").stat().st_size
    median = statistics.median(times)
    print(f"50 door cards + notice board to one A4 PDF ({size // 1024} KiB), median of {args.runs}: {median:.2f} s")
    print(f"  the same pages without QR codes: {statistics.median(bare):.2f} s")
    print(f"target <= {TARGET_S:.0f} s: {'OK' if median <= TARGET_S else 'MISSED'}")
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
