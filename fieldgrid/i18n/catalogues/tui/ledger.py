"""Messages of the problem ledger and its monthly export: the ``tui.ledger.*``, ``tui.export.*`` keys."""

PREFIXES = ("tui.ledger", "tui.export")

ZH: dict[str, str] = {
    "tui.ledger.subtitle": "问题台账",
    "tui.ledger.all_status": "全部状态",
    "tui.ledger.open": "未办结",
    "tui.ledger.overdue_only": "逾期",
    "tui.ledger.all_categories": "全部类别",
    "tui.ledger.all_months": "全部月份",
    "tui.ledger.all_households": "全部住户",
    "tui.ledger.col.reported": "登记日期",
    "tui.ledger.col.status": "状态",
    "tui.ledger.col.category": "类别",
    "tui.ledger.col.place": "地点",
    "tui.ledger.col.description": "问题",
    "tui.ledger.empty": "没有符合条件的问题",
    "tui.ledger.overdue": "{status}!!",
    "tui.ledger.count": "显示 {shown} / {total} 件，其中逾期 {overdue} 件",
    "tui.export.title": "导出问题台账",
    "tui.export.month": "月份",
    "tui.export.path": "保存到",
    "tui.export.path_hint": "以 .xlsx（Excel/WPS）或 .csv 结尾",
    "tui.export.done": "已导出 {month} 的 {count} 个问题：{path}",
}

EN: dict[str, str] = {
    "tui.ledger.subtitle": "Problem ledger",
    "tui.ledger.all_status": "Any status",
    "tui.ledger.open": "Open",
    "tui.ledger.overdue_only": "Overdue",
    "tui.ledger.all_categories": "Any category",
    "tui.ledger.all_months": "Any month",
    "tui.ledger.all_households": "Any household",
    "tui.ledger.col.reported": "Reported",
    "tui.ledger.col.status": "Status",
    "tui.ledger.col.category": "Category",
    "tui.ledger.col.place": "Place",
    "tui.ledger.col.description": "Problem",
    "tui.ledger.empty": "No problems match",
    "tui.ledger.overdue": "{status}!!",
    "tui.ledger.count": "{shown} of {total} shown, {overdue} overdue",
    "tui.export.title": "Export the problem ledger",
    "tui.export.month": "Month",
    "tui.export.path": "Save to",
    "tui.export.path_hint": "ending in .xlsx (Excel/WPS) or .csv",
    "tui.export.done": "Exported {count} problems of {month}: {path}",
}
