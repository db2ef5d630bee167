"""Messages of ``fieldgrid households`` (show, list, edit, delete): the ``cli.show.*``, ``cli.list.*``,
``cli.edit.*``, ``cli.delete.*`` keys."""

PREFIXES = ("cli.show", "cli.list", "cli.edit", "cli.delete")

ZH: dict[str, str] = {
    "cli.list.empty": "还没有登记住户。用 fieldgrid households add --room 0601 --head 张三 添加。",
    "cli.list.total": "共 {households} 户，{people} 人",
    "cli.show.floor": "{floor} 层",
    "cli.show.members": "成员（{count} 人）",
    "cli.show.masked_hint": "电话和身份证号已打码；加 --reveal 显示完整号码。",
    "cli.edit.done": "已修改 {room}（{id}）",
    "cli.delete.done": "已删除 {room} {head}（{id}）",
    "cli.show.before": "—— 以前的住户 ——",
}

EN: dict[str, str] = {
    "cli.list.empty": "No households yet. Add one with fieldgrid households add --room 0601 --head 张三.",
    "cli.list.total": "{households} {households:plural:household|households}, {people} {people:plural:person|people}",
    "cli.show.floor": "floor {floor}",
    "cli.show.members": "Members ({count})",
    "cli.show.masked_hint": "Phone and ID numbers are masked; add --reveal to show them in full.",
    "cli.edit.done": "Changed {room} ({id})",
    "cli.delete.done": "Deleted {room} {head} ({id})",
    "cli.show.before": "—— earlier household ——",
}
