"""Messages of the labels of a problem's events: the ``event.*`` keys."""

PREFIXES = ("event",)

ZH: dict[str, str] = {
    "event.reported": "登记",
    "event.note": "备注",
    "event.handled": "现场处理",
    "event.escalated": "上报",
    "event.decision": "收到处理意见",
    "event.feedback": "反馈居民",
    "event.closed": "办结",
    "event.reopened": "重新打开",
    "event.corrected": "更正",
}

EN: dict[str, str] = {
    "event.reported": "Reported",
    "event.note": "Note",
    "event.handled": "Handled on site",
    "event.escalated": "Escalated",
    "event.decision": "Decision received",
    "event.feedback": "Feedback given",
    "event.closed": "Closed",
    "event.reopened": "Reopened",
    "event.corrected": "Corrected",
}
