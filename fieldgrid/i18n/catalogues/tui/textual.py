"""Messages for Textual's own bindings that reach the key bar (a Select's menu, the palette, focus moves): the
``tui.textual.*`` keys, looked up by Textual's English description in ``fieldgrid.tui.common.bindings``."""

PREFIXES = ("tui.textual",)

ZH: dict[str, str] = {
    "tui.textual.dismiss_menu": "收起菜单",
    "tui.textual.exit_palette": "关闭命令面板",
    "tui.textual.show_menu": "展开菜单",
    "tui.textual.focus_next": "下一项",
    "tui.textual.focus_previous": "上一项",
    "tui.textual.quit": "退出",
    "tui.textual.submit": "确定",
    "tui.textual.press_button": "按下按钮",
    "tui.textual.toggle": "勾选或取消",
}

EN: dict[str, str] = {
    "tui.textual.dismiss_menu": "Close menu",
    "tui.textual.exit_palette": "Close the palette",
    "tui.textual.show_menu": "Open menu",
    "tui.textual.focus_next": "Next field",
    "tui.textual.focus_previous": "Previous field",
    "tui.textual.quit": "Quit",
    "tui.textual.submit": "Submit",
    "tui.textual.press_button": "Press button",
    "tui.textual.toggle": "Tick or untick",
}
