"""Messages of the monthly report: the ``report.*`` keys."""

PREFIXES = ("report",)

ZH: dict[str, str] = {
    "report.sheet.ledger": "问题台账汇总",
    "report.sheet.common": "共性问题分析",
    "report.sheet.tallies": "单元长工作统计",
    "report.total": "合计",
    "report.col.grid": "单元",
    "report.col.category": "类别",
    "report.col.leader": "单元长",
    "report.col.households": "户数",
    "report.col.visits": "走访",
    "report.col.errands": "代办",
    "report.col.mediations": "调解",
    "report.col.hazard_checks": "隐患排查",
    "report.col.closed_with_feedback": "办结并反馈",
    "report.col.unsolvable_with_notice": "无法解决已公告",
    "report.col.escalated": "上报",
    "report.col.points": "积分",
}

EN: dict[str, str] = {
    "report.sheet.ledger": "Ledger summary",
    "report.sheet.common": "Common problems",
    "report.sheet.tallies": "Leaders' tallies",
    "report.total": "Total",
    "report.col.grid": "Unit",
    "report.col.category": "Category",
    "report.col.leader": "Unit leader",
    "report.col.households": "Households",
    "report.col.visits": "Visits",
    "report.col.errands": "Errands",
    "report.col.mediations": "Mediations",
    "report.col.hazard_checks": "Hazard checks",
    "report.col.closed_with_feedback": "Closed with feedback",
    "report.col.unsolvable_with_notice": "Unsolvable, notice posted",
    "report.col.escalated": "Escalated",
    "report.col.points": "Points",
}
