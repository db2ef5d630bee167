"""Messages of the labels of residency: the ``residency.*`` keys."""

PREFIXES = ("residency",)

ZH: dict[str, str] = {
    "residency.resident": "常住",
    "residency.renting": "租住",
    "residency.vacant": "空置",
}

EN: dict[str, str] = {
    "residency.resident": "Resident",
    "residency.renting": "Renting",
    "residency.vacant": "Vacant",
}
