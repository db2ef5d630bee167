"""Messages of the visit form: the ``tui.visit.*`` keys."""

PREFIXES = ("tui.visit",)

ZH: dict[str, str] = {
    "tui.visit.title": "记录走访：{room} {head}",
    "tui.visit.correct_title": "更正最近一次走访：{room} {head}",
    "tui.visit.kind": "走访类型",
    "tui.visit.at": "时间",
    "tui.visit.at_hint": "如 2026-11-20 09:30",
    "tui.visit.found": "情况",
    "tui.visit.needs": "住户需求",
    "tui.visit.follow_up": "约定回访日期",
    "tui.visit.saved": "已记录 {room} 的{kind}",
    "tui.visit.seen": "见到的成员",
}

EN: dict[str, str] = {
    "tui.visit.title": "Visit: {room} {head}",
    "tui.visit.correct_title": "Correct the latest visit: {room} {head}",
    "tui.visit.kind": "Kind",
    "tui.visit.at": "When",
    "tui.visit.at_hint": "e.g. 2026-11-20 09:30",
    "tui.visit.found": "Found / done",
    "tui.visit.needs": "Needs",
    "tui.visit.follow_up": "Follow-up on",
    "tui.visit.saved": "{kind} recorded for {room}",
    "tui.visit.seen": "Members seen",
}
