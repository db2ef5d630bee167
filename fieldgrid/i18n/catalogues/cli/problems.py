"""Messages of ``fieldgrid problems``, the ledger and emergencies: the ``cli.problems.*``, ``cli.problem.*``,
``cli.ledger.*``, ``cli.emergency.*`` keys."""

PREFIXES = ("cli.problems", "cli.problem", "cli.ledger", "cli.emergency")

ZH: dict[str, str] = {
    "cli.emergency.call": "【紧急】{what}：请先拨打 {number}！",
    "cli.emergency.notify": "然后通知物业、通知社区。记录可以稍后补填。",
    "cli.problems.empty": "没有符合条件的问题。",
    "cli.problems.overdue_mark": "（逾期）",
    "cli.problem.status": "问题 {id}：{status}",
    "cli.ledger.exported": "已导出 {month} 的 {count} 个问题：{path}",
    "cli.problem.corrected": "已更正问题 {id}",
}

EN: dict[str, str] = {
    "cli.emergency.call": "[EMERGENCY] {what}: call {number} first!",
    "cli.emergency.notify": "Then notify the property company and the community. The record can be completed later.",
    "cli.problems.empty": "No problems match.",
    "cli.problems.overdue_mark": " (overdue)",
    "cli.problem.status": "Problem {id}: {status}",
    "cli.ledger.exported": "Exported {count} {count:plural:problem|problems} of {month}: {path}",
    "cli.problem.corrected": "Problem {id} corrected",
}
