"""Messages of the labels of residency: the ``residency.*`` keys."""

PREFIXES = ("residency",)

ZH: dict[str, str] = {
    "residency.resident": "常住",
    "residency.renting": "租住",
    "residency.vacant": "空置",
    "residency.moved_out": "已迁出",
    "residency.deceased": "已故",
    "residency.cancelled": "已注销",
}

EN: dict[str, str] = {
    "residency.resident": "Resident",
    "residency.renting": "Renting",
    "residency.vacant": "Vacant",
    "residency.moved_out": "Moved out",
    "residency.deceased": "Deceased",
    "residency.cancelled": "Cancelled",
}
