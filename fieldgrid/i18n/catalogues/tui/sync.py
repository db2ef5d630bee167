"""Messages of the sync screen: the ``tui.sync.*`` keys."""

PREFIXES = ("tui.sync",)

ZH: dict[str, str] = {
    "tui.sync.title": "与服务站同步",
    "tui.sync.conflicts": "合并时发现 {count} 处同时修改（已按时间先后保留较新的，服务站可核对）",
    "tui.sync.folder": "U 盘目录",
    "tui.sync.folder_hint": "数据包写到这里（ctrl+e）",
    "tui.sync.file": "回传文件",
    "tui.sync.file_hint": "服务站回传的 .fgbundle 文件（ctrl+o 导入）",
    "tui.sync.need_folder": "请先填写 U 盘目录",
    "tui.sync.need_file": "请先填写回传文件",
}

EN: dict[str, str] = {
    "tui.sync.title": "Sync with the station",
    "tui.sync.conflicts": "{count} concurrent edits found when merging (the later one kept; the station can check)",
    "tui.sync.folder": "Stick folder",
    "tui.sync.folder_hint": "the bundle is written here (ctrl+e)",
    "tui.sync.file": "Return file",
    "tui.sync.file_hint": "the station's .fgbundle return file (ctrl+o imports it)",
    "tui.sync.need_folder": "Fill in the stick folder first",
    "tui.sync.need_file": "Fill in the return file first",
}
