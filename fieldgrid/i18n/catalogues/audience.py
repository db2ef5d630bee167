"""Who a station's notice is for: the ``audience.*`` keys."""

PREFIXES = ("audience",)

ZH: dict[str, str] = {
    "audience.residents": "请转告住户",
    "audience.leaders": "仅供单元长",
}

EN: dict[str, str] = {
    "audience.residents": "pass on to residents",
    "audience.leaders": "for leaders only",
}
