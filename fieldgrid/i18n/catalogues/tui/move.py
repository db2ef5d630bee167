"""The forms of moves and deaths and the question about a possible duplicate: the ``tui.move.*`` keys."""

PREFIXES = ("tui.move",)

ZH: dict[str, str] = {
    "tui.move.out_title": "整户迁出：{room} {head}",
    "tui.move.deceased_title": "登记去世：{room}",
    "tui.move.in_title": "迁入新住户：{room}",
    "tui.move.date": "迁出日期",
    "tui.move.to": "迁往",
    "tui.move.problems": "未办结的问题",
    "tui.move.problems_carry": "保留，注明住户已迁出",
    "tui.move.problems_close": "附说明关闭",
    "tui.move.note": "说明",
    "tui.move.note_hint": "写在这一户的问题上（可不填）",
    "tui.move.person": "去世的成员",
    "tui.move.death_date": "去世日期",
    "tui.move.pick_person": "请选择去世的成员",
    "tui.move.out_done": "{room} 已迁出，房屋显示空置",
    "tui.move.problems_carry_done": "{count} 个问题保留",
    "tui.move.problems_close_done": "{count} 个问题已关闭",
    "tui.move.deceased_done": "已登记 {room} 的 {name} 去世",
    "tui.move.namesake": "{room} 已有一位 {name}（{year} 年生）",
    "tui.move.namesake_ask": "是同一个人吗？不是的话可以继续保存。",
    "tui.move.namesake_yes": "不是同一人，保存",
}

EN: dict[str, str] = {
    "tui.move.out_title": "Move out: {room} {head}",
    "tui.move.deceased_title": "Record a death: {room}",
    "tui.move.in_title": "A new household moves into {room}",
    "tui.move.date": "Moved out on",
    "tui.move.to": "Moved to",
    "tui.move.problems": "Open problems",
    "tui.move.problems_carry": "Keep open, noted",
    "tui.move.problems_close": "Close with a note",
    "tui.move.note": "Note",
    "tui.move.note_hint": "written on its problems (optional)",
    "tui.move.person": "Who died",
    "tui.move.death_date": "Died on",
    "tui.move.pick_person": "Choose who died",
    "tui.move.out_done": "{room} moved out; the flat shows vacant",
    "tui.move.problems_carry_done": "{count} {count:plural:problem|problems} kept open",
    "tui.move.problems_close_done": "{count} {count:plural:problem|problems} closed",
    "tui.move.deceased_done": "{name} of {room} recorded as deceased",
    "tui.move.namesake": "{room} already has a {name} (born {year})",
    "tui.move.namesake_ask": "Is that the same person? If not, save anyway.",
    "tui.move.namesake_yes": "Not the same, save",
}
