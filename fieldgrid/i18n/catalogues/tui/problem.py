"""Messages of the problem form: the ``tui.problem.*`` keys."""

PREFIXES = ("tui.problem",)

ZH: dict[str, str] = {
    "tui.problem.title": "登记问题",
    "tui.problem.category": "类别",
    "tui.problem.urgency": "紧急程度",
    "tui.problem.emergency": "紧急情况",
    "tui.problem.household": "住户",
    "tui.problem.place": "地点",
    "tui.problem.place_hint": "公共位置，如 楼道、3楼电梯口（选了住户可不填）",
    "tui.problem.description": "问题描述",
    "tui.problem.reporter": "反映人",
    "tui.problem.at": "发现时间",
    "tui.problem.saved": "已登记{category}问题",
    "tui.problem.subtitle": "{category} · {status}",
    "tui.problem.status": "状态",
    "tui.problem.due": "办理期限",
    "tui.problem.feedback_due": "问题已解决，请向居民反馈后再办结（按 f）",
    "tui.problem.notice_due": "社区答复无法解决：请向居民公告原因，再以“无法解决”办结（按 c）",
    "tui.problem.timeline": "处理经过",
    "tui.problem.copied": "已复制，可粘贴到单元微信群",
    "tui.problem.no_notice": "这个问题没有公告（只有无法解决的问题才有公告）",
    "tui.problem.notice_written": "公告已写入 {path}，可打印张贴",
    "tui.problem.room_on": "微信消息和公告将写明房号（不写反映人姓名）",
    "tui.problem.room_off": "微信消息和公告不写房号，只说“有住户反映”",
}

EN: dict[str, str] = {
    "tui.problem.title": "Report a problem",
    "tui.problem.category": "Category",
    "tui.problem.urgency": "Urgency",
    "tui.problem.emergency": "Emergency",
    "tui.problem.household": "Household",
    "tui.problem.place": "Place",
    "tui.problem.place_hint": "a shared place, e.g. stairwell, lift on floor 3 (not needed with a household)",
    "tui.problem.description": "Problem",
    "tui.problem.reporter": "Raised by",
    "tui.problem.at": "Found at",
    "tui.problem.saved": "{category} problem reported",
    "tui.problem.subtitle": "{category} · {status}",
    "tui.problem.status": "Status",
    "tui.problem.due": "Due",
    "tui.problem.feedback_due": "Solved: tell the residents before closing (press f)",
    "tui.problem.notice_due": "The community says it cannot be solved: post a notice telling the residents why, "
    "then close it as unsolvable (press c)",
    "tui.problem.timeline": "What happened",
    "tui.problem.copied": "Copied: paste it into the unit's WeChat group",
    "tui.problem.no_notice": "This problem has no notice (only unsolvable ones do)",
    "tui.problem.notice_written": "Notice written to {path}, ready to print",
    "tui.problem.room_on": "The WeChat message and the notice will name the room (never who reported)",
    "tui.problem.room_off": "The WeChat message and the notice name no room: “a resident reported”",
}
