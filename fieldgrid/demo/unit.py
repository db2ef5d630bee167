"""The demo unit: one stairwell (橙郡一期 6栋 3单元, 11 floors × 4 flats) of invented households, the same on
every run.

Names come from ``assets/demo/names.json`` (with polyphonic surnames such as 单雄信 and 曾国峰, so pinyin
search can be tried: ``sxx``, ``zgf``); everything else is drawn from a seeded ``random.Random``.  Phones
are valid Chinese mobiles and Chengdu landlines; ID numbers carry region 510129, a birth date in the
member's birth year, a sex digit matching the member, and a correct GB 11643 check character.  Record ids
are uuid5 values derived from the room, so two demo homes hold the same ids.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fieldgrid.assets import asset_path
from fieldgrid.model import GridPath, Household, LeaderProfile, Member
from fieldgrid.model.validation import id_check_char
from fieldgrid.store import Store

SEED = 6_03_2026
REFERENCE_YEAR = 2026  # ages below are counted from this year, never from today's date
FLOORS = 11
FLATS_PER_FLOOR = 4
REGION = "510129"
NAMESPACE = uuid.UUID("7f1c7a52-3b0e-5c1d-9a51-6d656d6f2d31")  # fixed: the demo's ids never change
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139",
    "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "180", "181", "182", "183", "185", "186", "187", "188", "189",
)  # fmt: skip
# How many flats of each kind; the leader's own flat comes on top.  Sums to FLOORS × FLATS_PER_FLOOR − 1.
KINDS: dict[str, int] = {
    "living_alone": 4,
    "empty_nest": 5,
    "family3": 7,
    "family4": 5,
    "three_gen": 5,
    "left_behind": 2,
    "renting": 5,
    "pregnant": 2,
    "low_income": 2,
    "disabled": 1,
    "key_attention": 1,
    "vacant_owner": 2,
    "vacant_empty": 2,
}


@dataclass
class _Flat:
    """A household being built."""

    room: str
    members: list[Member] = field(default_factory=list)
    residency: str = "resident"
    tags: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emergency_name: str = ""
    emergency_phone: str | None = None
    notes: str = ""


class _Builder:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.rng = random.Random(SEED)
        self.names: set[str] = {f["name"] for f in data["featured"]} | {
            data["leader"]["name"],
            data["leader"]["spouse"],
        }
        self.ids: set[str] = set()
        self.phones: set[str] = set()
        self.featured = {f["kind"]: f for f in data["featured"]}

    # -- people ------------------------------------------------------------------------------------------

    def surname(self) -> str:
        return self.rng.choice(self.data["surnames"])

    def name(self, surname: str, sex: str, born: int) -> str:
        era = "old" if born < 1966 else "mid" if born < 1992 else "young"
        pool = self.data["given"][sex][era]
        for _ in range(500):
            name = surname + self.rng.choice(pool)
            if name not in self.names:
                self.names.add(name)
                return name
        raise RuntimeError(f"demo name pool exhausted for {surname} {sex} {era}")

    def mobile(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def landline(self) -> str:
        while True:
            number = f"0288{self.rng.randrange(10**7):07d}"  # Chengdu: 028 + 8 digits
            if number not in self.phones:
                self.phones.add(number)
                return number

    def id_number(self, born: int, sex: str) -> str:
        while True:
            month = self.rng.randint(1, 12)
            day = self.rng.randint(1, 28)
            order = self.rng.randrange(100)
            sex_digit = self.rng.choice("13579" if sex == "M" else "02468")
            first17 = f"{REGION}{born:04d}{month:02d}{day:02d}{order:02d}{sex_digit}"
            number = first17 + id_check_char(first17)
            if number not in self.ids:
                self.ids.add(number)
                return number

    def person(
        self,
        flat: _Flat,
        relation: str,
        sex: str,
        born: int,
        *,
        surname: str | None = None,
        name: str | None = None,
    ) -> Member:
        age = REFERENCE_YEAR - born
        phone_chance = 0.0 if age < 14 else 0.5 if age < 18 else 0.95 if age < 70 else 0.6 if age < 80 else 0.3
        phone = self.mobile() if self.rng.random() < phone_chance else None
        id_number = self.id_number(born, sex) if self.rng.random() < 0.85 else None
        member = Member(
            name=name or self.name(surname or self.surname(), sex, born),
            relation=relation,
            sex=sex,
            birth_year=born,
            phone=phone,
            id_number=id_number,
            id=str(uuid.uuid5(NAMESPACE, f"member/{flat.room}/{len(flat.members)}")),
        )
        flat.members.append(member)
        return member

    def head(self, flat: _Flat, kind: str, sex: str, age: tuple[int, int]) -> Member:
        fixed = self.featured.pop(kind, None)
        if fixed:
            return self.person(flat, "self", fixed["sex"], fixed["birth_year"], name=fixed["name"])
        return self.person(flat, "self", sex, REFERENCE_YEAR - self.rng.randint(*age))

    def spouse(self, flat: _Flat, of: Member, *, gap: tuple[int, int] = (-1, 4)) -> Member:
        assert of.birth_year is not None and of.sex is not None
        sex = "F" if of.sex == "M" else "M"
        offset = self.rng.randint(*gap)
        born = of.birth_year + (offset if sex == "F" else -offset)
        return self.person(flat, "spouse", sex, born)

    def child(self, flat: _Flat, mother_born: int, surname: str, relation: str = "child", *, after: int = 0) -> Member:
        born = min(max(mother_born + self.rng.randint(23, 33), after + self.rng.randint(2, 7) if after else 0), 2025)
        sex = self.rng.choice("MF")
        return self.person(flat, relation, sex, born, surname=surname)

    def emergency(self, flat: _Flat, surname: str) -> None:
        sex = self.rng.choice("MF")
        born = REFERENCE_YEAR - self.rng.randint(35, 55)
        flat.emergency_name = self.name(surname, sex, born)
        flat.emergency_phone = self.mobile()

    def note(self, flat: _Flat, kind: str) -> None:
        flat.notes = self.rng.choice(self.data["notes"][kind])

    # -- households ------------------------------------------------------------------------------------------

    def family(self, flat: _Flat, kind: str, age: tuple[int, int], children: int) -> Member:
        head = self.head(flat, kind, "M", age)
        wife = self.spouse(flat, head)
        assert wife.birth_year is not None
        last = 0
        for _ in range(children):
            kid = self.child(flat, wife.birth_year, head.name[0], after=last)
            last = kid.birth_year or 0
        return head

    def build(self, flat: _Flat, kind: str) -> None:
        rng = self.rng
        if kind == "living_alone":
            head = self.head(flat, kind, rng.choice("FFFM"), (76, 91))
            flat.tags = ["living_alone"]
            self.emergency(flat, head.name[0] if head.sex == "M" else self.surname())
            if rng.random() < 0.5:
                flat.phones = [self.landline()]
            self.note(flat, kind)
        elif kind in ("empty_nest", "key_attention"):
            head = self.head(flat, kind, "M", (64, 82))
            self.spouse(flat, head, gap=(0, 4))
            flat.tags = ["empty_nest"] if kind == "empty_nest" else ["key_attention", "empty_nest"]
            self.emergency(flat, head.name[0])
            if rng.random() < 0.4:
                flat.phones = [self.landline()]
            if kind == "key_attention" or rng.random() < 0.5:
                self.note(flat, kind)
        elif kind in ("family3", "family4", "disabled"):
            self.family(flat, kind, (30, 56), 2 if kind == "family4" else 1)
            if kind == "disabled":
                flat.tags = ["disabled"]
                self.note(flat, kind)
        elif kind == "three_gen":
            head = self.family(flat, kind, (38, 56), 1)
            assert head.birth_year is not None
            father_born = head.birth_year - rng.randint(24, 32)
            if rng.random() < 0.5:
                self.person(flat, "parent", "M", father_born, surname=head.name[0])
            self.person(flat, "parent", "F", father_born + rng.randint(0, 3))
        elif kind == "left_behind":
            head = self.head(flat, kind, "F", (58, 72))
            surname = self.surname()
            if rng.random() < 0.6:
                grandfather = self.spouse(flat, head, gap=(0, 3))
                surname = grandfather.name[0]
            assert head.birth_year is not None
            for _ in range(rng.randint(1, 2)):
                self.person(flat, "grandchild", rng.choice("MF"), rng.randint(2012, 2020), surname=surname)
            flat.tags = ["left_behind_child"]
            self.emergency(flat, surname)
            self.note(flat, kind)
        elif kind == "renting":
            flat.residency = "renting"
            head = self.head(flat, kind, rng.choice("MF"), (22, 38))
            if rng.random() < 0.5:
                assert head.sex is not None and head.birth_year is not None
                self.person(flat, "tenant", head.sex, head.birth_year + rng.randint(-3, 3))
            if rng.random() < 0.6:
                self.note(flat, kind)
        elif kind == "pregnant":
            head = self.head(flat, kind, "M", (27, 35))
            self.spouse(flat, head, gap=(0, 3))
            flat.tags = ["pregnant"]
            self.note(flat, kind)
        elif kind == "low_income":
            fixed = kind in self.featured
            head = self.head(flat, kind, "M", (58, 70))
            assert head.birth_year is not None
            if fixed:  # a single mother and her child
                kid_born = min(head.birth_year + rng.randint(24, 30), 2015)
                self.person(flat, "child", rng.choice("MF"), kid_born)
                flat.tags = ["low_income"]
                flat.notes = self.data["notes"]["low_income"][1]
            else:  # an older man and his adult son, who is disabled
                self.person(flat, "child", "M", head.birth_year + rng.randint(25, 32), surname=head.name[0])
                flat.tags = ["low_income", "disabled"]
                flat.notes = self.data["notes"]["low_income"][0]
        elif kind == "vacant_owner":
            flat.residency = "vacant"
            self.head(flat, kind, rng.choice("MF"), (35, 60))
            self.note(flat, kind)
        elif kind == "vacant_empty":
            flat.residency = "vacant"
            self.note(flat, kind)
        else:  # pragma: no cover - KINDS and this table are kept together
            raise ValueError(kind)

    def leader(self, flat: _Flat) -> Member:
        info = self.data["leader"]
        head = self.person(flat, "self", info["sex"], info["birth_year"], name=info["name"])
        self.person(flat, "spouse", "M", info["spouse_birth_year"], name=info["spouse"])
        if head.phone is None:
            head.phone = self.mobile()
        flat.notes = "单元长本户"
        return head


@dataclass
class DemoUnit:
    profile: LeaderProfile
    households: list[Household]


def _load() -> dict[str, Any]:
    return json.loads(asset_path("demo", "names.json").read_text(encoding="utf-8"))


def build_demo(load: Callable[[], dict[str, Any]] = _load) -> DemoUnit:
    """The demo unit, identical on every call."""
    data = load()
    builder = _Builder(data)
    rooms = [f"{floor:02d}{flat:02d}" for floor in range(1, FLOORS + 1) for flat in range(1, FLATS_PER_FLOOR + 1)]
    kinds = [kind for kind, count in KINDS.items() for _ in range(count)]
    leader_room = data["leader"]["room"]
    if len(kinds) != len(rooms) - 1:
        raise ValueError("demo: the kinds of flat do not fill the stairwell")
    builder.rng.shuffle(kinds)
    grid = GridPath(**data["grid"])
    households: list[Household] = []
    leader_phone = ""
    pending = iter(kinds)
    for room in rooms:
        flat = _Flat(room)
        if room == leader_room:
            leader_phone = builder.leader(flat).phone or ""
        else:
            builder.build(flat, next(pending))
        households.append(
            Household(
                room=room,
                members=flat.members,
                building=grid.building,
                unit=grid.unit,
                phones=flat.phones,
                residency=flat.residency,
                tags=flat.tags,
                emergency_name=flat.emergency_name,
                emergency_phone=flat.emergency_phone,
                notes=flat.notes,
                id=str(uuid.uuid5(NAMESPACE, f"household/{grid.building}/{grid.unit}/{room}")),
            )
        )
    if builder.featured:
        raise ValueError(f"demo: featured people without a flat: {sorted(builder.featured)}")
    # Invented duty phones (Chengdu landlines), so the emergency screen shows whom to notify.
    profile = LeaderProfile(name=data["leader"]["name"], phone=leader_phone, grid=grid,
                            property_phone="+862885001234", community_phone="+862885556789")  # fmt: skip
    return DemoUnit(profile, households)


def write_demo(store: Store, grid_kind: str = "stairwell") -> int:
    """Fill an empty store with the demo unit and its last three months of field work, and mark it a demo
    home; returns the number of households.

    The demo mark goes first, so a crash part-way leaves a home that ``fieldgrid demo`` knows it may rebuild.
    """
    from fieldgrid.demo.history import build_history

    if grid_kind == "stairwell":
        unit = build_demo()
    else:
        from fieldgrid.demo.kinds import build_kind_demo

        unit = build_kind_demo(grid_kind)
    store.mark_demo()
    store.save_profile(unit.profile)  # first: the grid kind decides how its households are checked
    store.add_households(unit.households)  # one atomic write
    others = [h for h in unit.households if h.head_name != unit.profile.name]  # not the leader's own flat
    history = build_history(others, store.now())
    store.add_history(history.visits, history.patrols, history.logs)  # one more
    return len(unit.households)
