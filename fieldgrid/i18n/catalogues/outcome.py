"""Messages of the labels of the outcomes of a decision on a problem: the ``outcome.*`` keys."""

PREFIXES = ("outcome",)

ZH: dict[str, str] = {
    "outcome.resolved": "已解决",
    "outcome.in_progress": "处理中",
    "outcome.unsolvable": "无法解决",
}

EN: dict[str, str] = {
    "outcome.resolved": "Resolved",
    "outcome.in_progress": "In progress",
    "outcome.unsolvable": "Cannot be solved",
}
