"""One household write into a realistic home, against the floor of writing the same bytes safely.

The home holds 50 households (2–4 members each, phones, resident ID numbers) and ~4,000 other records
of realistic size (visit-like documents with Chinese text, 200–400 bytes each).  We time ONE household
update through ``Store.update_household`` and, in the same run, the floor: ``json.dumps`` of the same
data + write a temp file + fsync + ``os.replace`` + fsync of the folder.  Samples alternate between the
two so that disk noise hits both alike; the figure is the median.  Target: ≤ 1.5× the floor.

    python benchmarks/bench_store_write.py [--runs N] [--visits N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fieldgrid.fsutil import fsync_dir
from fieldgrid.model import Household, Member
from fieldgrid.model.validation import id_check_char
from fieldgrid.store import Store

TARGET = 1.5

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高单曾解仇区朴查覃翟"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰德福"
VISIT_NOTES = (
    "入户走访，老人身体状况良好，提醒注意用电安全，冬季取暖勿使用大功率电器。",
    "协助办理高龄津贴申请，已代为提交社区服务站，等待审核结果后回访告知。",
    "楼道堆放杂物影响消防通道，已与住户沟通，约定本周末前自行清理完毕。",
    "住户反映楼上漏水，已联系物业维修人员上门查看，待维修后回访确认处理结果。",
    "宣传垃圾分类新规及反诈知识，发放宣传资料一份，住户表示理解并愿意配合。",
    "邻里因噪音发生纠纷，现场调解后双方达成一致，约定晚十点后保持安静。",
)


def valid_id(rng: random.Random, year: int, female: bool) -> str:
    area = rng.choice(["510104", "510105", "510106", "510107", "510129"])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(0, 99) * 10 + rng.randrange(0 if female else 1, 10, 2)
    first17 = f"{area}{year:04d}{month:02d}{day:02d}{seq:03d}"
    return first17 + id_check_char(first17)


MOBILE_PREFIXES = ("135", "138", "139", "151", "158", "177", "181", "186", "189", "199")


def mobile(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 99_999_999):08d}"


def make_household(rng: random.Random, floor: int, door: int) -> Household:
    size = rng.randint(2, 4)
    surname = rng.choice(SURNAMES)
    members = []
    for i in range(size):
        female = rng.random() < 0.5
        year = rng.randint(1940, 1990) if i < 2 else rng.randint(1995, 2020)
        relation = "self" if i == 0 else ("spouse" if i == 1 else "child")
        members.append(
            Member(
                name=surname + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))),
                relation=relation,
                sex="F" if female else "M",
                phone=mobile(rng) if i < 2 else None,
                id_number=valid_id(rng, year, female),
            )
        )
    return Household(
        room=f"{floor:02d}{door:02d}",
        members=members,
        phones=[mobile(rng)],
        tags=rng.sample(["living_alone", "empty_nest", "disabled", "low_income"], rng.randint(0, 2)),
        emergency_name=surname + rng.choice(GIVEN),
        emergency_phone=mobile(rng),
        notes=rng.choice(VISIT_NOTES)[:20],
    )


def make_visit(rng: random.Random, household_ids: list[str], n: int) -> dict[str, Any]:
    stamp = f"{1_700_000_000_000 + n * 60_000:015d}.00000.bench0000001"
    return {
        "id": f"{rng.getrandbits(128):032x}",
        "household_id": rng.choice(household_ids),
        "date": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
        "kind": rng.choice(["routine", "follow_up", "errand", "mediation"]),
        "notes": rng.choice(VISIT_NOTES) + (rng.choice(VISIT_NOTES)[:30] if rng.random() < 0.5 else ""),
        "_meta": {"stamp": stamp, "device": "bench0000001", "deleted": None},
    }


def build_home(home: Path, visits: int, rng: random.Random) -> list[str]:
    store = Store(home)
    households = [make_household(rng, floor, door) for floor in range(1, 26) for door in (1, 2)]
    ids = [h.id for h in store.add_households(households)]
    docs = [make_visit(rng, ids, n) for n in range(visits)]
    store.insert_raw("visits", docs)
    store.close()
    return ids


def floor_write(path: Path, data: dict[str, Any]) -> float:
    """json.dumps + temp file + fsync + os.replace + fsync of the folder: the least a safe write costs."""
    start = time.perf_counter()
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--visits", type=int, default=4000)
    parser.add_argument("--profile", action="store_true", help="profile the store's updates and print the top")
    args = parser.parse_args(argv)
    rng = random.Random(20261123)

    with tempfile.TemporaryDirectory(prefix="fieldgrid-bench-") as tmp:
        home = Path(tmp) / "home"
        floor_dir = Path(tmp) / "floor"
        floor_dir.mkdir()
        ids = build_home(home, args.visits, rng)
        store = Store(home)
        db_path = home / "fieldgrid.json"
        size = db_path.stat().st_size
        tables = json.loads(db_path.read_bytes())
        docs = sum(len(t) for t in tables.values())
        visit_bytes = statistics.mean(
            len(json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode()) for d in tables["visits"].values()
        )

        profiler = cProfile.Profile() if args.profile else None
        store_times: list[float] = []
        floor_times: list[float] = []
        for run in range(args.runs + 2):  # the first two of each are warm-up
            household = store.household(rng.choice(ids))
            household.notes = f"第{run}次走访：{rng.choice(VISIT_NOTES)[:16]}"
            household.members[0].phone = mobile(rng)
            if profiler:
                profiler.enable()
            start = time.perf_counter()
            store.update_household(household)
            elapsed = time.perf_counter() - start
            if profiler:
                profiler.disable()
            # The floor writes exactly what the store has just written.
            data = json.loads(db_path.read_bytes())
            floor_elapsed = floor_write(floor_dir / "fieldgrid.json", data)
            if run >= 2:
                store_times.append(elapsed)
                floor_times.append(floor_elapsed)
        store.close()

    store_ms = statistics.median(store_times) * 1000
    floor_ms = statistics.median(floor_times) * 1000
    ratio = store_ms / floor_ms
    print(
        f"home: 50 households + {args.visits} visits (mean {visit_bytes:.0f} bytes each) = {docs} documents, "
        f"{size / 1024:.0f} KiB on disk"
    )
    print(f"one household update (Store.update_household), median of {len(store_times)}: {store_ms:7.2f} ms")
    print(f"floor (json.dumps + temp + fsync + os.replace + dir fsync), median:  {floor_ms:7.2f} ms")
    verdict = "OK" if ratio <= TARGET else "MISSED"
    print(f"ratio: {ratio:.2f}x (target <= {TARGET}x): {verdict}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
