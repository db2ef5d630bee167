"""Messages of ``fieldgrid patrols`` and ``fieldgrid visits``: the ``cli.patrols.*``, ``cli.patrol.*``,
``cli.visits.*`` keys."""

PREFIXES = ("cli.patrols", "cli.patrol", "cli.visits")

ZH: dict[str, str] = {
    "cli.visits.empty": "还没有走访记录。",
    "cli.patrols.empty": "还没有巡查记录。",
    "cli.patrols.all_ok": "全部正常",
    "cli.patrol.reporter": "巡查发现",
}

EN: dict[str, str] = {
    "cli.visits.empty": "No visits recorded yet.",
    "cli.patrols.empty": "No patrols recorded yet.",
    "cli.patrols.all_ok": "all OK",
    "cli.patrol.reporter": "patrol",
}
