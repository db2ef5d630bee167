"""Messages of the labels of the patrol's items: the ``patrol_item.*`` keys."""

PREFIXES = ("patrol_item",)

ZH: dict[str, str] = {
    "patrol_item.fire_exits": "消防通道",
    "patrol_item.stairwell_clutter": "楼道杂物",
    "patrol_item.ebike_charging": "电动车入户/飞线充电",
    "patrol_item.lights": "照明",
    "patrol_item.lifts": "电梯",
    "patrol_item.drains": "排水",
    "patrol_item.rubbish": "垃圾清运",
    "patrol_item.public_facilities": "公共设施",
}

EN: dict[str, str] = {
    "patrol_item.fire_exits": "Fire exits",
    "patrol_item.stairwell_clutter": "Clutter in the stairwell",
    "patrol_item.ebike_charging": "E-bikes charged indoors",
    "patrol_item.lights": "Lights",
    "patrol_item.lifts": "Lifts",
    "patrol_item.drains": "Drains",
    "patrol_item.rubbish": "Rubbish",
    "patrol_item.public_facilities": "Public facilities",
}
