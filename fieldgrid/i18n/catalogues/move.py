"""The notes a move writes on the problems of a household that left: the ``move.*`` keys."""

PREFIXES = ("move",)

ZH: dict[str, str] = {
    "move.carried": "住户已迁出（{room}），问题保留",
    "move.closed": "住户已迁出（{room}），问题随之关闭",
}

EN: dict[str, str] = {
    "move.carried": "The household of {room} has left; the problem stays open",
    "move.closed": "The household of {room} has left; the problem is closed",
}
