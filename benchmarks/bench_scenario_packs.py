"""Starting with three scenario packs installed, against starting with none.

What the app does at start before its first screen, in-process: open the home's store (read and parse the
database) and load the vocabulary in force — the default pack read from ``assets/scenarios/default.toml``,
every installed pack built from its stored document, their labels handed to the translation layer.  Two
copies of the demo unit's home (44 households, three months of visits, patrols and problems): one with no
pack installed, one with the two example packs (燃气安全入户检查, 汛期巡查) and a third of the same size.
Each start is a cold load (the default pack's cache cleared); a sample is the best of three starts of each
home, taking turns (which goes first alternating), so that noise on a busy machine hits both alike; the
figure is the median of the samples' ratios.  Target: three packs cost ≤ 10% over none (ratio ≤ 1.10).

    python benchmarks/bench_scenario_packs.py [--runs N]
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fieldgrid.demo.unit import write_demo
from fieldgrid.scenarios import default_pack, read_pack, shipped_path
from fieldgrid.store import Store

TARGET = 1.10


def third_pack(folder: Path) -> Path:
    """An e-bike charging sweep the size of the gas check: a third pack, as a station might write one."""
    text = shipped_path("gas_safety").read_text(encoding="utf-8")
    text = text.replace('name = "gas_safety"', 'name = "ebike_sweep"').replace("gas_", "ebike_")
    text = text.replace('code = "stove"', 'code = "ebike_count"').replace('code = "meter_reading"', 'code = "sockets"')
    text = text.replace('code = "hose_replaced"', 'code = "moved_out"').replace('code = "next_check"', 'code = "next"')
    text = text.replace('code = "piped"', 'code = "one"').replace('code = "bottled"', 'code = "two"')
    path = folder / "ebike_sweep.toml"
    path.write_text(text, encoding="utf-8")
    return path


def start(home: Path) -> float:
    """One start: store open + vocabulary load, from a cold default pack; seconds."""
    default_pack.cache_clear()
    gc.collect()  # the garbage of the sample before is not this one's
    began = time.perf_counter()
    store = Store(home)
    vocabulary = store.vocabulary()
    elapsed = time.perf_counter() - began
    assert vocabulary.default.name == "default"
    store.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=80)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bare = folder / "none"
        store = Store(bare)
        write_demo(store)
        store.close()
        packed = folder / "three"
        shutil.copytree(bare, packed)
        store = Store(packed)
        for path in (shipped_path("gas_safety"), shipped_path("flood_season"), third_pack(folder)):
            assert store.install_scenario(read_pack(path))
        assert len(store.vocabulary().installed) == 3
        store.close()
        for _ in range(3):  # warm the file cache and the imports
            start(bare)
            start(packed)
        none, three = [], []
        for n in range(args.runs):  # a sample: the best of three starts of each home, taking turns
            first, second = (bare, packed) if n % 2 == 0 else (packed, bare)
            times: dict[Path, list[float]] = {bare: [], packed: []}
            for _ in range(3):
                times[first].append(start(first))
                times[second].append(start(second))
            none.append(min(times[bare]))
            three.append(min(times[packed]))
    floor, figure = statistics.median(none), statistics.median(three)
    ratio = statistics.median(b / a for a, b in zip(none, three, strict=True))  # run side by side: drift cancels
    print(f"start, no pack installed (floor): {floor * 1000:.2f} ms (median of {args.runs})")
    print(f"start, three packs installed:     {figure * 1000:.2f} ms")
    print(f"ratio (median of the samples' ratios): {ratio:.3f} (target ≤ {TARGET:.2f}) "
          f"{'OK' if ratio <= TARGET else 'MISSED'}")  # fmt: skip
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
