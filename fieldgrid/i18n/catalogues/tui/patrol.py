"""Messages of the patrol form: the ``tui.patrol.*`` keys."""

PREFIXES = ("tui.patrol",)

ZH: dict[str, str] = {
    "tui.patrol.title": "巡查公共区域",
    "tui.patrol.at": "时间",
    "tui.patrol.checklist": "巡查清单（有问题就写下发现的情况；ctrl+r 登记为问题）",
    "tui.patrol.ok": "正常",
    "tui.patrol.finding_placeholder": "发现的情况",
    "tui.patrol.report": "登记问题",
    "tui.patrol.notes": "备注",
    "tui.patrol.reporter": "巡查发现",
    "tui.patrol.pick_a_line": "请先移到清单中的一项",
    "tui.patrol.saved": "巡查已记录：{findings} 项发现，登记问题 {problems} 件",
}

EN: dict[str, str] = {
    "tui.patrol.title": "Patrol of the shared spaces",
    "tui.patrol.at": "When",
    "tui.patrol.checklist": "Checklist (type what you found where something is wrong; ctrl+r reports it)",
    "tui.patrol.ok": "OK",
    "tui.patrol.finding_placeholder": "what was found",
    "tui.patrol.report": "report",
    "tui.patrol.notes": "Notes",
    "tui.patrol.reporter": "patrol",
    "tui.patrol.pick_a_line": "Move to a checklist line first",
    "tui.patrol.saved": "Patrol recorded: {findings} {findings:plural:finding|findings}, {problems} "
    "{problems:plural:problem|problems} reported",
}
