"""Messages of importing a roster: the ``tui.roster.*`` keys."""

PREFIXES = ("tui.roster",)

ZH: dict[str, str] = {
    "tui.roster.title": "导入花名册",
    "tui.roster.path": "文件",
    "tui.roster.path_hint": "花名册 .xlsx 或 .csv 的路径，回车预览；确认后 ctrl+s 写入",
    "tui.roster.summary": "读到 {people} 人：新建 {creates} 户，更新 {updates} 户，{unchanged} "
    "户无变化，{rejected} 行被拒",
    "tui.roster.create": "新建",
    "tui.roster.update": "更新",
    "tui.roster.row": "第 {row} 行",
    "tui.roster.preview_first": "请先输入文件路径并回车预览",
    "tui.roster.written": "已写入：新建 {creates} 户，更新 {updates} 户",
}

EN: dict[str, str] = {
    "tui.roster.title": "Import a roster",
    "tui.roster.path": "File",
    "tui.roster.path_hint": "path of the .xlsx or .csv roster; enter previews, ctrl+s writes",
    "tui.roster.summary": "{people} {people:plural:person|people} read: {creates} "
    "{creates:plural:household|households} to create, {updates} to update, {unchanged} unchanged, {rejected} "
    "{rejected:plural:row|rows} rejected",
    "tui.roster.create": "create",
    "tui.roster.update": "update",
    "tui.roster.row": "row {row}",
    "tui.roster.preview_first": "Type the file's path and press enter to preview first",
    "tui.roster.written": "Written: {creates} {creates:plural:household|households} created, {updates} updated",
}
