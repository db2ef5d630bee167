"""Messages of the sync screen: the ``tui.sync.*`` keys."""

PREFIXES = ("tui.sync",)

ZH: dict[str, str] = {
    "tui.sync.title": "与服务站同步",
    "tui.sync.conflicts": "合并时发现 {count} 处同时修改（已按时间先后保留较新的，服务站可核对）",
    "tui.sync.folder": "U 盘",
    "tui.sync.folder_hint": "ctrl+s 或回车：导入 U 盘上发给本机的回传，再把数据包写到 U 盘的 fieldgrid 文件夹",
    "tui.sync.several": "找到不止一个 U 盘，请在上面填写用哪一个：\n{candidates}",
    "tui.sync.none_found": "没有找到插着的 U 盘：插上后按 ctrl+s，或在上面填写目录",
    "tui.sync.no_returns": "U 盘上没有发给本机的回传",
}

EN: dict[str, str] = {
    "tui.sync.title": "Sync with the station",
    "tui.sync.conflicts": "{count} concurrent {count:plural:edit|edits} found when merging (the later one kept; "
    "the station can check)",
    "tui.sync.folder": "USB stick",
    "tui.sync.folder_hint": "ctrl+s or enter: import the station's returns on the stick for this device, then write "
    "this device's bundle into the stick's fieldgrid folder",
    "tui.sync.several": "More than one USB stick found; type the one to use above:\n{candidates}",
    "tui.sync.none_found": "No USB stick plugged in: plug it in and press ctrl+s, or type its folder above",
    "tui.sync.no_returns": "No return for this device on the stick",
}
