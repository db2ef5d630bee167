"""Messages of moving about a table: the ``tui.table.*`` keys."""

PREFIXES = ("tui.table",)

ZH: dict[str, str] = {
    "tui.table.up": "上一行",
    "tui.table.down": "下一行",
    "tui.table.page_up": "上一页",
    "tui.table.page_down": "下一页",
    "tui.table.first": "第一行",
    "tui.table.last": "最后一行",
    "tui.table.select": "打开所选",
}

EN: dict[str, str] = {
    "tui.table.up": "Previous row",
    "tui.table.down": "Next row",
    "tui.table.page_up": "Previous page",
    "tui.table.page_down": "Next page",
    "tui.table.first": "First row",
    "tui.table.last": "Last row",
    "tui.table.select": "Open the row",
}
