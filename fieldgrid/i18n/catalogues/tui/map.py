"""Messages of the stairwell map: the ``tui.map.*`` keys."""

PREFIXES = ("tui.map",)

ZH: dict[str, str] = {
    "tui.map.subtitle": "{grid} · 单元长 {leader}",
    "tui.map.door": "{n}号",
    "tui.map.floor": "{floor}楼",
    "tui.map.no_floor": "其他",
    "tui.map.vacant": "空置",
    "tui.map.legend": "✓{days}天内走访 ·未走访 ○应走访 ✗走访逾期 ★重点关注 !问题 !^快到期 !!逾期 ‼紧急",
    "tui.map.up": "上一层",
    "tui.map.down": "下一层",
    "tui.map.left": "左一户",
    "tui.map.right": "右一户",
    "tui.map.pick_lived_in": "请先选中一户有人住的房屋",
    "tui.map.empty_hint": "还没有住户。\n\n按 i 导入花名册（Excel 表格），\n或按 h 打开花名册、再按 a 逐户添加。",
    "tui.map.no_notices": "服务站还没有发来通知。",
    "tui.map.group": "{group}组",
}

EN: dict[str, str] = {
    "tui.map.subtitle": "{grid} · leader {leader}",
    "tui.map.door": "No.{n}",
    "tui.map.floor": "F{floor}",
    "tui.map.no_floor": "other",
    "tui.map.vacant": "empty",
    "tui.map.legend": "✓visited {days}d ·not ○due ✗late ★special !problem !^≤1 day !!overdue ‼emergency",
    "tui.map.up": "floor up",
    "tui.map.down": "floor down",
    "tui.map.left": "flat left",
    "tui.map.right": "flat right",
    "tui.map.pick_lived_in": "Choose a flat someone lives in first",
    "tui.map.empty_hint": "No households yet.\n\nPress i to import a roster,\nor h (the roster), then a to add one.",
    "tui.map.no_notices": "No notices from the station yet.",
    "tui.map.group": "G{group}",
}
