"""Messages of the correction forms and the patrol list: the ``tui.correct.*`` keys."""

PREFIXES = ("tui.correct",)

ZH: dict[str, str] = {
    "tui.correct.all_ok": "全部正常",
    "tui.correct.voided": "（已作废：{reason}）",
    "tui.correct.void_title": "作废走访记录 · {room} {head}",
    "tui.correct.move_title": "走访记录移到另一户 · {room} {head}",
    "tui.correct.visit": "走访记录",
    "tui.correct.to": "实际走访的住户",
    "tui.correct.reason": "原因",
    "tui.correct.reason_hint": "必填：为什么更正",
    "tui.correct.void_note": "作废后记录仍保留，划线显示，不再计入任何统计。",
    "tui.correct.move_note": "移到另一户后，这次走访计入那一户。",
    "tui.correct.visit_voided": "已作废 {room} 的一条走访记录",
    "tui.correct.visit_moved": "已把走访记录移到 {room}",
    "tui.correct.problem_title": "更正问题 · {category}",
    "tui.correct.problem_saved": "已更正问题",
    "tui.correct.patrol_title": "更正巡查记录 · {at}",
    "tui.correct.patrol_void_title": "作废巡查记录 · {at}",
    "tui.correct.patrol_voided": "已作废巡查记录",
    "tui.correct.patrol_saved": "已更正巡查记录",
    "tui.correct.patrols_title": "巡查记录",
    "tui.correct.no_patrols": "还没有巡查记录。按 t 开始巡查。",
}

EN: dict[str, str] = {
    "tui.correct.all_ok": "all OK",
    "tui.correct.voided": "(voided: {reason})",
    "tui.correct.void_title": "Void a visit · {room} {head}",
    "tui.correct.move_title": "Move a visit · {room} {head}",
    "tui.correct.visit": "Visit",
    "tui.correct.to": "The right household",
    "tui.correct.reason": "Reason",
    "tui.correct.reason_hint": "Required: why",
    "tui.correct.void_note": "A voided visit stays in the history, struck through, and counts nowhere.",
    "tui.correct.move_note": "Once moved, the visit counts for the other household.",
    "tui.correct.visit_voided": "A visit of {room} voided",
    "tui.correct.visit_moved": "Visit moved to {room}",
    "tui.correct.problem_title": "Correct a problem · {category}",
    "tui.correct.problem_saved": "Problem corrected",
    "tui.correct.patrol_title": "Correct a patrol · {at}",
    "tui.correct.patrol_void_title": "Void a patrol · {at}",
    "tui.correct.patrol_voided": "Patrol voided",
    "tui.correct.patrol_saved": "Patrol corrected",
    "tui.correct.patrols_title": "Patrols",
    "tui.correct.no_patrols": "No patrols yet. Press t to start one.",
}
