"""Messages of a household's detail screen: the ``tui.detail.*`` keys."""

PREFIXES = ("tui.detail",)

ZH: dict[str, str] = {
    "tui.detail.subtitle": "{room} · {head}",
    "tui.detail.place_label": "楼栋单元",
    "tui.detail.floor": "楼层",
    "tui.detail.emergency": "紧急联系人",
    "tui.detail.none": "（无）",
    "tui.detail.members": "家庭成员（{count} 人）",
    "tui.detail.no_members": "未登记成员",
    "tui.detail.masked": "电话和身份证号已部分隐藏，按 r 显示完整号码。",
    "tui.detail.revealed": "正在显示完整号码，按 r 隐藏。注意保护居民隐私。",
    "tui.detail.confirm_delete": "确定删除 {room} 户（{head}）吗？删除后列表中不再显示此户。",
    "tui.detail.delete_yes": "删除",
    "tui.detail.deleted": "已删除 {room} 户",
    "tui.detail.problems": "未办结问题 {open}（共 {total} 件）",
    "tui.detail.no_open_problems": "没有未办结的问题",
    "tui.detail.visits": "走访记录 {count} 次",
    "tui.detail.no_visits": "还没有走访记录，按 v 记录一次走访",
    "tui.detail.no_visit_to_correct": "还没有可以更正的走访记录",
    "tui.detail.follow_up_on": "约 {date} 回访",
}

EN: dict[str, str] = {
    "tui.detail.subtitle": "{room} · {head}",
    "tui.detail.place_label": "Building",
    "tui.detail.floor": "Floor",
    "tui.detail.emergency": "Emergency",
    "tui.detail.none": "(none)",
    "tui.detail.members": "Members ({count})",
    "tui.detail.no_members": "No members recorded",
    "tui.detail.masked": "Phone and ID numbers are partly hidden; press r to show them in full.",
    "tui.detail.revealed": "Showing full numbers; press r to hide them. Mind the residents' privacy.",
    "tui.detail.confirm_delete": "Delete household {room} ({head})? It will no longer appear in the list.",
    "tui.detail.delete_yes": "Delete",
    "tui.detail.deleted": "Household {room} deleted",
    "tui.detail.problems": "Open problems {open} (of {total})",
    "tui.detail.no_open_problems": "No open problems",
    "tui.detail.visits": "Visits: {count}",
    "tui.detail.no_visits": "No visits yet: press v to record one",
    "tui.detail.no_visit_to_correct": "There is no visit to correct yet",
    "tui.detail.follow_up_on": "follow up on {date}",
}
