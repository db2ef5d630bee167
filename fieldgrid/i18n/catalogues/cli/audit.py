"""Messages of ``fieldgrid audit`` and ``fieldgrid retention``: the ``cli.audit.*`` and ``cli.retention.*`` keys."""

PREFIXES = ("cli.audit", "cli.retention")

ZH: dict[str, str] = {
    "cli.audit.help": "信息披露记录：每次显示完整信息、导出、导入、打印和到期删除",
    "cli.audit.help_list": "列出信息披露记录（最新的在前）",
    "cli.audit.help_month": "只看这个月（YYYY-MM）",
    "cli.audit.total": "共 {count} 条，涉及 {persons} 人次",
    "cli.retention.help": "保留期：已迁出、已故、已注销的住户过期后只保留统计数",
    "cli.retention.help_days": "设置保留天数（默认 90）",
    "cli.retention.help_show": "显示保留期和已删除的统计数",
    "cli.retention.help_apply": "现在删除超过保留期的住户信息（打开数据时也会自动执行）",
    "cli.retention.help_dry_run": "只显示将删除什么，不写入",
    "cli.audit.help_station": "导出某月的个人信息处理记录：各单元长设备记下的信息披露，以及服务站自己的处理日志",
    "cli.audit.help_out": "输出文件，以 .xlsx 或 .csv 结尾（.csv 只含信息披露记录）",
    "cli.audit.station_log_sheet": "服务站处理日志 {month}",
    "cli.audit.station_done": "{month} 的处理记录：{count} 条信息披露，涉及 {persons} 人次",
    "cli.retention.help_station": "服务站的保留期：查看或设置天数（默认 90），--apply 现在执行",
    "cli.retention.help_apply_station": "现在删除超过保留期的住户信息",
    "cli.retention.dry_run_needs_apply": "--dry-run 要和 --apply 一起用",
}

EN: dict[str, str] = {
    "cli.audit.help": "the disclosure log: every reveal, export, import, print and erasure",
    "cli.audit.help_list": "list the disclosure log (newest first)",
    "cli.audit.help_month": "only this month (YYYY-MM)",
    "cli.audit.total": "{count} {count:plural:entry|entries}, {persons} {persons:plural:person|persons} concerned",
    "cli.retention.help": "retention: households moved out, deceased or cancelled are kept only as counts after it",
    "cli.retention.help_days": "set the days to keep them (90 by default)",
    "cli.retention.help_show": "show the retention and the counts of what was erased",
    "cli.retention.help_apply": "erase now what is past retention (also done whenever the data is opened)",
    "cli.retention.help_dry_run": "only say what would be erased; write nothing",
    "cli.audit.help_station": "write a month's processing record: every disclosure the leaders' devices logged, and"
    " the station's own log",
    "cli.audit.help_out": "output file ending in .xlsx or .csv (.csv holds the disclosures only)",
    "cli.audit.station_log_sheet": "Station log {month}",
    "cli.audit.station_done": "Processing record of {month}: {count} {count:plural:disclosure|disclosures}, "
    "{persons} {persons:plural:person|persons} concerned",
    "cli.retention.help_station": "the station's retention: show or set the days (90 by default); --apply erases now",
    "cli.retention.help_apply_station": "erase now what is past retention",
    "cli.retention.dry_run_needs_apply": "--dry-run goes with --apply",
}
