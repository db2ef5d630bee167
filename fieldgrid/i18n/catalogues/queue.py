"""Messages of the escalation queue, on the command line (``fieldgrid station queue``) and in the station's
terminal: the ``queue.*`` keys."""

PREFIXES = ("queue",)

ZH: dict[str, str] = {
    "queue.title": "上报问题：待答复和未办结",
    "queue.col.code": "编号",
    "queue.col.unit": "单元",
    "queue.col.leader": "单元长",
    "queue.col.urgency": "缓急",
    "queue.col.to": "上报至",
    "queue.col.waiting": "已等",
    "queue.col.due": "期限",
    "queue.col.answer": "答复",
    "queue.col.what": "问题",
    "queue.state.awaiting": "待答复",
    "queue.state.decided": "已答复未办结",
    "queue.answer.none": "待答复",
    "queue.answer.resolved": "已解决",
    "queue.answer.in_progress": "处理中",
    "queue.answer.unsolvable": "无法解决",
    "queue.to.community": "社区",
    "queue.to.street": "街道",
    "queue.days": "{days}天",
    "queue.none": "没有待答复或已答复未办结的上报问题",
    "queue.error.unknown_state": "未知的答复情况：{state}（可以是 待答复 或 已答复未办结）",
    "queue.help.command": "上报到社区或街道的问题：待答复的，和已答复但单元还没办结的；编号、单元、缓急、上报至、"
    "已等天数、期限、答复，逾期的在前",
    "queue.help.overdue": "只看逾期的",
    "queue.help.state": "只看 待答复 或 已答复未办结 的",
}

EN: dict[str, str] = {
    "queue.title": "Escalated: awaiting an answer or closing",
    "queue.col.code": "Code",
    "queue.col.unit": "Unit",
    "queue.col.leader": "Leader",
    "queue.col.urgency": "Urgency",
    "queue.col.to": "To",
    "queue.col.waiting": "Wait",
    "queue.col.due": "Due",
    "queue.col.answer": "Answer",
    "queue.col.what": "Problem",
    "queue.state.awaiting": "Awaiting answer",
    "queue.state.decided": "Answered, not closed",
    "queue.answer.none": "Awaiting",
    "queue.answer.resolved": "Resolved",
    "queue.answer.in_progress": "In progress",
    "queue.answer.unsolvable": "Unsolvable",
    "queue.to.community": "Community",
    "queue.to.street": "Street",
    "queue.days": "{days}d",
    "queue.none": "No escalated problem awaits an answer or closing",
    "queue.error.unknown_state": "Unknown state: {state} (awaiting or decided)",
    "queue.help.command": "problems escalated to the community or the street that await an answer, or were answered "
    "and the unit has not closed: code, unit, urgency, escalated to, days waiting, due date, answer; overdue first",
    "queue.help.overdue": "only the overdue ones",
    "queue.help.state": "only those awaiting an answer (awaiting) or answered and not closed (decided)",
}
