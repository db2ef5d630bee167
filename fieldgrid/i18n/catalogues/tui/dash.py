"""Messages of the dashboard beside the stairwell map: the ``tui.dash.*`` keys."""

PREFIXES = ("tui.dash",)

ZH: dict[str, str] = {
    "tui.dash.title": "工作概况",
    "tui.dash.households": "{households} 户 · {people} 人",
    "tui.dash.not_visited": "{days}天未走访（户）",
    "tui.dash.attention_not_visited": "重点关注户7天未走访",
    "tui.dash.follow_ups": "到期待回访",
    "tui.dash.open": "未办结问题",
    "tui.dash.overdue": "  逾期",
    "tui.dash.feedback": "  待反馈或公告",
    "tui.dash.escalated": "  已上报待答复",
    "tui.dash.month_title": "本月",
    "tui.dash.month_visits": "走访 {visits} · 代办 {errands} · 调解 {mediations} · 隐患排查 {hazards}",
    "tui.dash.month_problems": "现场解决 {handled} · 上报 {escalated} · 反馈后办结 {closed}",
    "tui.dash.sync": "待上传服务站 {count} 条",
    "tui.dash.notice": "通知 {count} 条，请转告住户：",
    "tui.dash.untold": "通知到后还没走访的：{count} 户",
    "tui.dash.leader_notice": "服务站给单元长的通知（{count} 条，仅供单元长）：",
    "tui.dash.due_today": "今日待办",
    "tui.dash.emergencies": "‼紧急问题 {n} 件未办结",
}

EN: dict[str, str] = {
    "tui.dash.title": "Today",
    "tui.dash.households": "{households} {households:plural:household|households} · {people} "
    "{people:plural:person|people}",
    "tui.dash.not_visited": "Not visited in {days} {days:plural:day|days}",
    "tui.dash.attention_not_visited": "Special attention, 7+ days",
    "tui.dash.follow_ups": "Follow-ups due",
    "tui.dash.open": "Open problems",
    "tui.dash.overdue": "  overdue",
    "tui.dash.feedback": "  feedback or notice due",
    "tui.dash.escalated": "  escalated, no answer yet",
    "tui.dash.month_title": "This month",
    "tui.dash.month_visits": "visits {visits} · errands {errands} · mediated {mediations} · hazards {hazards}",
    "tui.dash.month_problems": "solved on site {handled} · escalated {escalated} · closed {closed}",
    "tui.dash.sync": "{count} {count:plural:change waits|changes wait} for the station",
    "tui.dash.notice": "Notices ({count}), pass on:",
    "tui.dash.untold": "Not visited since it came: {count} {count:plural:household|households}",
    "tui.dash.leader_notice": "Notices for the leader ({count}, leaders only):",
    "tui.dash.due_today": "Due today",
    "tui.dash.emergencies": "‼{n} open EMERGENCY",
}
