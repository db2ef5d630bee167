"""Messages of the moves and deaths (``households move-out|deceased|move-in|move-person``) and of the question
about a possible duplicate: the ``cli.move.*`` and ``cli.namesake.*`` keys."""

PREFIXES = ("cli.move", "cli.namesake")

ZH: dict[str, str] = {
    "cli.move.out_done": "{room} 已迁出（{date}），房屋显示空置",
    "cli.move.problems_carry": "{count} 个未办结的问题保留，已注明住户迁出",
    "cli.move.problems_close": "{count} 个未办结的问题已附说明关闭",
    "cli.move.deceased_done": "已登记 {room} 的 {name} 去世",
    "cli.move.household_ended": "{room} 已无在住的人：这一户已注销为已故，房屋显示空置",
    "cli.move.no_flat": "没有房号 {room} 的记录：新房屋请用 households add",
    "cli.move.lived_in": "{room} 还有住户在住：请先 households move-out {room}",
    "cli.move.person_done": "{name} 已从 {source} 搬到 {target}",
    "cli.namesake.line": "注意：{room} 已有一位 {name}（{year} 年生）",
    "cli.namesake.ask": "是同一个人吗？仍要保存请输入 y：",
    "cli.namesake.needs_yes": "可能重复登记，未保存：确认不是同一个人后加 --yes 再运行",
    "cli.namesake.declined": "未保存",
    "cli.move.head_done": "{room} 的户主现为 {name}",
}

EN: dict[str, str] = {
    "cli.move.out_done": "{room} moved out ({date}); the flat shows vacant",
    "cli.move.problems_carry": "{count} open {count:plural:problem|problems} kept open, noted that the household "
    "moved out",
    "cli.move.problems_close": "{count} open {count:plural:problem|problems} closed with a note",
    "cli.move.deceased_done": "{name} of {room} recorded as deceased",
    "cli.move.household_ended": "Nobody lives in {room} now: the household is closed as deceased and the flat "
    "shows vacant",
    "cli.move.no_flat": "No flat {room} on the roster: use households add for a new one",
    "cli.move.lived_in": "Someone still lives in {room}: first households move-out {room}",
    "cli.move.person_done": "{name} moved from {source} to {target}",
    "cli.namesake.line": "Note: {room} already has a {name} (born {year})",
    "cli.namesake.ask": "Is that the same person? Type y to save anyway:",
    "cli.namesake.needs_yes": "Possibly entered twice, nothing saved: if it is not the same person, run again "
    "with --yes",
    "cli.namesake.declined": "Nothing saved",
    "cli.move.head_done": "{name} now heads {room}",
}
