"""联动巡查 at the station: the community's joint patrols with the property company and others (``fieldgrid
station patrol``), and their sheet in the monthly report: the ``patrol.*`` keys."""

PREFIXES = ("patrol",)

ZH: dict[str, str] = {
    "patrol.help.command": "联动巡查：社区会同物业、业主代表等的月度巡查",
    "patrol.help.add": "记一次联动巡查；每个发现都成为所在单元的问题，回传给单元长跟进",
    "patrol.help.list": "列出联动巡查",
    "patrol.help.date": "巡查日期，如 2026-11-20",
    "patrol.help.with": "一同巡查的单位或人员，如 物业,业主代表（可重复，或用逗号分隔）",
    "patrol.help.place": "巡查的范围，如 橙郡一期 6栋",
    "patrol.help.finding": "一个发现：单元:类别:情况，如 6栋3单元:安全隐患:一楼楼道堆放纸箱（类别可省略；可重复）",
    "patrol.added": "已记 {date} 在 {place} 的联动巡查：{count} 个发现已成为各单元的问题，将回传给单元长",
    "patrol.none": "还没有联动巡查记录",
    "patrol.col.date": "日期",
    "patrol.col.with": "一同巡查",
    "patrol.col.place": "范围",
    "patrol.col.problems": "发现的问题",
    "patrol.col.findings": "发现数",
    "patrol.log.added": "联动巡查 {date}（{place}）：{findings} 个发现",
    "patrol.sheet": "联动巡查",
    "patrol.error.finding": "发现要写成 单元:类别:情况 或 单元:情况：{value}",
    "patrol.error.date": "日期要写成 YYYY-MM-DD：{value}",
    "patrol.error.future": "巡查日期不能是将来：{value}",
    "patrol.error.partners": "请用 --with 写明一同巡查的单位或人员",
    "patrol.error.place": "请用 --place 写明巡查的范围",
    "patrol.error.ambiguous_unit": "“{unit}”对应不止一个单元：{candidates}。请写完整些。",
}

EN: dict[str, str] = {
    "patrol.help.command": "joint patrols: the community's monthly patrol with the property company and others",
    "patrol.help.add": "record a joint patrol; each finding becomes a problem of its unit, sent to its leader",
    "patrol.help.list": "list the joint patrols",
    "patrol.help.date": "the patrol's date, e.g. 2026-11-20",
    "patrol.help.with": "who patrolled with the community, e.g. 物业,业主代表 (repeatable or comma-separated)",
    "patrol.help.place": "where, e.g. 橙郡一期 6栋",
    "patrol.help.finding": "a finding: UNIT:CATEGORY:TEXT (the category may be left out; repeatable)",
    "patrol.added": "Joint patrol of {date} at {place} recorded: {count} {count:plural:finding|findings} "
    "{count:plural:is|are} now problems of their units",
    "patrol.none": "No joint patrol recorded yet",
    "patrol.col.date": "Date",
    "patrol.col.with": "With",
    "patrol.col.place": "Where",
    "patrol.col.problems": "Problems found",
    "patrol.col.findings": "Findings",
    "patrol.log.added": "Joint patrol {date} ({place}): {findings} {findings:plural:finding|findings}",
    "patrol.sheet": "Joint patrols",
    "patrol.error.finding": "A finding is UNIT:CATEGORY:TEXT or UNIT:TEXT: {value}",
    "patrol.error.date": "The date is YYYY-MM-DD: {value}",
    "patrol.error.future": "A patrol's date cannot be in the future: {value}",
    "patrol.error.partners": "Say with --with who patrolled with the community",
    "patrol.error.place": "Say with --place where the patrol went",
    "patrol.error.ambiguous_unit": "{unit} matches more than one unit: {candidates}. Give more of it.",
}
