"""Messages of the household list and its columns: the ``tui.list.*``, ``tui.col.*`` keys."""

PREFIXES = ("tui.list", "tui.col")

ZH: dict[str, str] = {
    "tui.list.search_label": "搜索",
    "tui.list.search_placeholder": "房号、姓名、拼音或首字母，如 0601、张三、zs",
    "tui.list.tags_label": "标签",
    "tui.list.subtitle": "{grid} · 单元长 {leader}",
    "tui.list.empty": "没有符合条件的住户。按 a 新增，按 Esc 清除搜索。",
    "tui.list.count_all": "共 {total} 户",
    "tui.list.count_some": "显示 {shown} 户，共 {total} 户",
    "tui.list.count_tags": " · 标签：{tags}",
    "tui.list.vacant": "（空置）",
    "tui.col.room": "房号",
    "tui.col.head": "户主",
    "tui.col.members": "人数",
    "tui.col.tags": "标签",
    "tui.col.phone": "电话",
    "tui.col.last_visit": "走访",
}

EN: dict[str, str] = {
    "tui.list.search_label": "Search",
    "tui.list.search_placeholder": "room, name, pinyin or initials, e.g. 0601, 张三, zs",
    "tui.list.tags_label": "Tags",
    "tui.list.subtitle": "{grid} · unit leader {leader}",
    "tui.list.empty": "No households match. Press a to add one, Esc to clear the search.",
    "tui.list.count_all": "{total} {total:plural:household|households}",
    "tui.list.count_some": "Showing {shown} of {total} {total:plural:household|households}",
    "tui.list.count_tags": " · tags: {tags}",
    "tui.list.vacant": "(vacant)",
    "tui.col.room": "Room",
    "tui.col.head": "Head",
    "tui.col.members": "Pers.",
    "tui.col.tags": "Tags",
    "tui.col.phone": "Phone",
    "tui.col.last_visit": "Visit",
}
