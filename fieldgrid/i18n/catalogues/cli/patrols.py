"""Messages of ``fieldgrid patrols`` and ``fieldgrid visits``: the ``cli.patrols.*``, ``cli.patrol.*``,
``cli.visits.*`` keys."""

PREFIXES = ("cli.patrols", "cli.patrol", "cli.visits")

ZH: dict[str, str] = {
    "cli.visits.empty": "还没有走访记录。",
    "cli.patrols.empty": "还没有巡查记录。",
    "cli.patrols.all_ok": "全部正常",
    "cli.patrol.reporter": "巡查发现",
    "cli.visits.voided_mark": "（已作废：{reason}）",
    "cli.visits.voided": "已作废走访记录 {id}",
    "cli.visits.moved": "已把走访记录 {id} 移到 {room}",
    "cli.patrols.voided": "已作废巡查记录 {id}",
    "cli.patrols.corrected": "已更正巡查记录 {id}",
}

EN: dict[str, str] = {
    "cli.visits.empty": "No visits recorded yet.",
    "cli.patrols.empty": "No patrols recorded yet.",
    "cli.patrols.all_ok": "all OK",
    "cli.patrol.reporter": "patrol",
    "cli.visits.voided_mark": " (voided: {reason})",
    "cli.visits.voided": "Visit {id} voided",
    "cli.visits.moved": "Visit {id} moved to {room}",
    "cli.patrols.voided": "Patrol {id} voided",
    "cli.patrols.corrected": "Patrol {id} corrected",
}
