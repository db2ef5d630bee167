"""Messages of the fields that ask which flat (the visit and problem forms opened from the map) and of the date
fields that read 明天 or +3: the ``tui.room.*`` and ``tui.date.*`` keys."""

PREFIXES = ("tui.room", "tui.date")

ZH: dict[str, str] = {
    "tui.room.label": "房号",
    "tui.room.place_label": "房号/位置",
    "tui.room.keep": "回车即 {room} {head}，或输入别的房号",
    "tui.room.keep_place": "回车即 {room} {head}，或输入别的房号、公共位置（如 楼道）",
    "tui.room.found": "→ {room} {head}",
    "tui.room.unknown": "没有房号 {room}",
    "tui.room.vacant": "{room} 空置，无人可访",
    "tui.room.place": "→ 公共位置：{place}",
    "tui.date.hint": "可写 明天、下周一、+3、12-05 或 2026-12-05",
    "tui.date.means": "→ {date} {weekday}",
    "tui.date.unknown": "看不懂这个日期：可写 明天、下周一、+3、12-05",
    "tui.date.weekday_0": "周一",
    "tui.date.weekday_1": "周二",
    "tui.date.weekday_2": "周三",
    "tui.date.weekday_3": "周四",
    "tui.date.weekday_4": "周五",
    "tui.date.weekday_5": "周六",
    "tui.date.weekday_6": "周日",
}

EN: dict[str, str] = {
    "tui.room.label": "Flat",
    "tui.room.place_label": "Flat/place",
    "tui.room.keep": "Enter for {room} {head}, or type another flat",
    "tui.room.keep_place": "Enter for {room} {head}, or type another flat or a shared place",
    "tui.room.found": "→ {room} {head}",
    "tui.room.unknown": "No flat {room}",
    "tui.room.vacant": "{room} is vacant: nobody to visit",
    "tui.room.place": "→ shared place: {place}",
    "tui.date.hint": "tomorrow, next mon, +3, 12-05 or 2026-12-05",
    "tui.date.means": "→ {date} {weekday}",
    "tui.date.unknown": "not a date: try tomorrow, next mon, +3, 12-05",
    "tui.date.weekday_0": "Mon",
    "tui.date.weekday_1": "Tue",
    "tui.date.weekday_2": "Wed",
    "tui.date.weekday_3": "Thu",
    "tui.date.weekday_4": "Fri",
    "tui.date.weekday_5": "Sat",
    "tui.date.weekday_6": "Sun",
}
