"""The demo grids of the other kinds (``fieldgrid demo --grid-kind village|shops|institution``): a 林盘 of three
village groups, a street of shops, a block of institutions — invented, the same on every run, built with the
stairwell demo's people (:class:`fieldgrid.demo.unit._Builder`) so names, phones and ID numbers are as valid.
"""

from __future__ import annotations

import uuid

from fieldgrid.demo.unit import NAMESPACE, DemoUnit, _Builder, _Flat, _load
from fieldgrid.model import GridPath, Household, LeaderProfile
from fieldgrid.model.credit_code import check_character
from fieldgrid.model.places import INSTITUTION, SHOPS, VILLAGE, village_room

GRIDS = {
    VILLAGE: GridPath(street="晋原街道", community="斜江村", compound="斜江村", building="林盘", unit="1网格",
                      community_code="510129001201"),
    SHOPS: GridPath(street="晋原街道", community="子龙社区", compound="文化路", building="商铺", unit="1网格",
                    community_code="510129001013"),
    INSTITUTION: GridPath(street="晋原街道", community="子龙社区", compound="蜀州路", building="单位", unit="1网格",
                          community_code="510129001013"),
}  # fmt: skip
# group → house numbers (a 林盘's numbers are not contiguous: houses were built, pulled down, merged)
VILLAGE_HOUSES = {3: (2, 5, 7, 8, 11, 15, 16), 4: (1, 3, 4, 9, 12, 13), 5: (2, 6, 7, 10, 14, 18, 21)}
SHOPS_ON_STREET = (
    ("2", "老王面馆", 3), ("4", "李记五金", 2), ("6", "晋原大药房", 5), ("8", "小芳理发店", 2),
    ("10", "蜀香冒菜", 4), ("12", "张氏修车行", 3), ("12-1", "便民打印店", 1), ("16", "红旗超市", 8),
    ("18", "老陈茶铺", 2), ("20", "川味卤菜", 2), ("24", "星星文具", 1), ("26", "阳光水果店", 2),
)  # fmt: skip
UNITS = (
    ("A01", "晋原小学"), ("A02", "崇州市第二人民医院"), ("A03", "子龙社区卫生服务站"), ("A04", "晋原供电所"),
    ("A05", "晋原邮政支局"), ("B01", "蜀州食品有限公司"), ("B02", "晋原物流有限公司"), ("B03", "天府包装厂"),
)  # fmt: skip


def _credit_code(builder: _Builder) -> str:
    """An invented code of an individual business (92) registered in 510129, with a right check character."""
    body = "".join(builder.rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    first17 = f"92510129MA{body[:7]}"
    return first17 + check_character(first17)


def _household(flat: _Flat, grid: GridPath, place: dict[str, object]) -> Household:
    return Household(
        room=flat.room, members=flat.members, building=grid.building, unit=grid.unit, phones=flat.phones,
        residency=flat.residency, tags=flat.tags, emergency_name=flat.emergency_name,
        emergency_phone=flat.emergency_phone, notes=flat.notes, place=place,
        id=str(uuid.uuid5(NAMESPACE, f"household/{grid.building}/{grid.unit}/{flat.room}")),
    )  # fmt: skip


def build_kind_demo(kind: str) -> DemoUnit:
    """The demo grid of ``kind``, identical on every call."""
    builder = _Builder(_load())
    builder.featured = {}  # the stairwell's featured people stay in the stairwell
    grid = GRIDS[kind]
    households: list[Household] = []
    rng = builder.rng
    if kind == VILLAGE:
        kinds = ["living_alone", "empty_nest", "family3", "family4", "three_gen", "left_behind", "key_attention",
                 "disabled", "low_income", "vacant_empty"]  # fmt: skip
        n = 0
        for group, numbers in VILLAGE_HOUSES.items():
            for number in numbers:
                flat = _Flat(village_room(group, number))
                builder.build(flat, kinds[n % len(kinds)])
                n += 1
                place: dict[str, object] = {"group": group, "number": number}
                if flat.members and rng.random() < 0.35:
                    place["name"] = f"{flat.members[0].name[0]}家院子"
                households.append(_household(flat, grid, place))
    elif kind == SHOPS:
        for street_number, name, staff in SHOPS_ON_STREET:
            flat = _Flat(street_number)
            head = builder.head(flat, "shop", rng.choice("MF"), (26, 62))
            head.phone = head.phone or builder.mobile()
            if rng.random() < 0.3:
                flat.phones = [builder.landline()]
            households.append(_household(flat, grid, {"name": name, "credit_code": _credit_code(builder),
                                                      "staff": staff}))  # fmt: skip
    elif kind == INSTITUTION:
        for room, name in UNITS:
            flat = _Flat(room)
            head = builder.head(flat, "unit", rng.choice("MF"), (32, 58))
            head.phone = head.phone or builder.mobile()
            flat.phones = [builder.landline()]
            sex = rng.choice("MF")
            officer = builder.name(builder.surname(), sex, 1975)
            households.append(_household(flat, grid, {"name": name, "security_officer": officer,
                                                      "security_phone": "+86" + builder.mobile()}))  # fmt: skip
    else:
        raise ValueError(kind)
    leader = builder.name(builder.surname(), "F", 1968)
    profile = LeaderProfile(name=leader, phone="+86" + builder.mobile(), grid=grid, grid_kind=kind,
                            property_phone="+862885001234", community_phone="+862885556789")  # fmt: skip
    return DemoUnit(profile, households)
