"""Messages of the app as a whole: its title, notices, quitting, the yes/no dialogs, the command palette and the
list separator: the ``tui.app.*``, ``tui.list_sep.*``, ``tui.notice.*``, ``tui.quit.*``, ``tui.dialog.*``,
``tui.palette.*`` keys."""

PREFIXES = ("tui.app", "tui.list_sep", "tui.notice", "tui.quit", "tui.dialog", "tui.palette")

ZH: dict[str, str] = {
    "tui.app.title": "fieldgrid 单元长",
    "tui.list_sep": "、",
    "tui.dialog.yes": "确定",
    "tui.dialog.no": "取消",
    "tui.dialog.ok": "知道了",
    "tui.notice.title": "请注意",
    "tui.quit.unsaved": "有尚未保存的修改，仍要退出吗？",
    "tui.quit.yes": "退出",
    "tui.quit.how_title": "要退出吗？",
    "tui.quit.how": "按 q 退出；正在输入文字时按 Ctrl+Q。",
    "tui.palette.placeholder": "搜索命令…",
    "tui.palette.no_matches": "没有匹配的命令",
    "tui.palette.key": "按键 {shortcut}",
}

EN: dict[str, str] = {
    "tui.app.title": "fieldgrid unit leader",
    "tui.list_sep": ", ",
    "tui.dialog.yes": "Yes",
    "tui.dialog.no": "Cancel",
    "tui.dialog.ok": "OK",
    "tui.notice.title": "Please note",
    "tui.quit.unsaved": "There are unsaved changes. Quit anyway?",
    "tui.quit.yes": "Quit",
    "tui.quit.how_title": "Do you want to quit?",
    "tui.quit.how": "Press q to quit; while typing in a field, press Ctrl+Q.",
    "tui.palette.placeholder": "Search for commands…",
    "tui.palette.no_matches": "No matches found",
    "tui.palette.key": "key {shortcut}",
}
