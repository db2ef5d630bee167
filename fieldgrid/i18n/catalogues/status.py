"""Messages of the labels of a problem's statuses: the ``status.*`` keys."""

PREFIXES = ("status",)

ZH: dict[str, str] = {
    "status.none": "未登记",
    "status.pending": "待处理",
    "status.in_progress": "处理中",
    "status.escalated": "已上报",
    "status.resolved": "已解决待反馈",
    "status.notice_due": "无法解决待公告",
    "status.closed": "已办结",
    "status.unsolvable": "无法解决(已公告)",
    "status.fed_back": "已反馈待办结",
}

EN: dict[str, str] = {
    "status.none": "Not recorded",
    "status.pending": "Pending",
    "status.in_progress": "In progress",
    "status.escalated": "Escalated",
    "status.resolved": "Solved, feedback due",
    "status.notice_due": "Notice due",
    "status.closed": "Closed",
    "status.unsolvable": "Unsolvable (notice posted)",
    "status.fed_back": "Told, ready to close",
}
