"""Messages of exports: the ``export.*`` keys."""

PREFIXES = ("export",)

ZH: dict[str, str] = {
    "export.ledger.sheet": "问题台账{month}",
    "export.ledger.col.number": "编号",
    "export.ledger.col.found_at": "发现时间",
    "export.ledger.col.place": "地点",
    "export.ledger.col.category": "类别",
    "export.ledger.col.description": "问题描述",
    "export.ledger.col.handling": "处理方式",
    "export.ledger.col.result": "处理结果",
    "export.ledger.col.feedback": "反馈情况",
    "export.ledger.col.status": "状态",
    "export.ledger.col.closed_at": "办结时间",
    "export.ledger.overdue": "{status}（逾期）",
}

EN: dict[str, str] = {
    "export.ledger.sheet": "Ledger {month}",
    "export.ledger.col.number": "No.",
    "export.ledger.col.found_at": "Found",
    "export.ledger.col.place": "Place",
    "export.ledger.col.category": "Category",
    "export.ledger.col.description": "Problem",
    "export.ledger.col.handling": "Handling",
    "export.ledger.col.result": "Result",
    "export.ledger.col.feedback": "Feedback",
    "export.ledger.col.status": "Status",
    "export.ledger.col.closed_at": "Closed",
    "export.ledger.overdue": "{status} (overdue)",
}
