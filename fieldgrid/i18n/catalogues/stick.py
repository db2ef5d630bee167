"""Messages of the USB stick, both ways in one command (``sync stick`` on a device, ``station stick`` at the
station): the ``stick.*`` keys."""

PREFIXES = ("stick",)

ZH: dict[str, str] = {
    "stick.help.sync": "一条命令用 U 盘同步：导入 U 盘上发给本机的回传，再把数据包写到 U 盘的 fieldgrid 文件夹",
    "stick.help.sync_dir": "U 盘的目录；不写则自动查找插着的 U 盘（或上次用的）",
    "stick.help.station": "一条命令处理一个 U 盘：导入其中所有设备的数据包，把各单元长的回传写回同一个 U 盘，"
    "已导入的移入 fieldgrid/archive",
    "stick.help.station_dir": "U 盘的目录（其中的 fieldgrid 文件夹）",
    "stick.error.not_folder": "{path} 不是文件夹：请写 U 盘的目录",
    "stick.error.none_found": "没有找到 U 盘：请插上 U 盘，或写明目录：fieldgrid sync stick 目录",
    "stick.error.several": "找到不止一个 U 盘，请写明用哪一个：fieldgrid sync stick 目录\n{candidates}",
    "stick.error.no_choice": "没有选好 U 盘（输入的是“{answer}”），什么也没有做",
    "stick.ask.several": "找到不止一个 U 盘：",
    "stick.ask.which": "用哪一个？请输入编号（1–{count}）：",
    "stick.device.detected": "U 盘：{path}",
    "stick.device.last": "U 盘：{path}（上次用的）",
    "stick.device.refused": "{file}：拒收：{reason}",
    "stick.device.decision": "  服务站对问题 {code} 的决定：{outcome}——{text}",
    "stick.device.notice": "  服务站的通知（{audience}）：{text}",
    "stick.device.no_returns": "{path} 里没有发给本机的回传",
    "stick.station.no_folder": "{path} 上没有 fieldgrid 文件夹：没有要导入的，什么也没有做",
    "stick.station.no_bundles": "{path} 里没有设备的数据包",
    "stick.station.refused": "拒收 {file}（留在 U 盘上）：{reason}",
    "stick.station.returned": "回传给 {leader}：{records} 条记录，{notices} 条通知 → {path}",
    "stick.station.archived": "已导入的 {count} 个文件已移入 {path}",
    "stick.station.not_archived": "{file} 没能移入归档文件夹：{reason}",
    "stick.station.archived_returns": "{count} 个已被新回传替换的旧回传已移入 {path}",
}

EN: dict[str, str] = {
    "stick.help.sync": "sync by USB stick in one command: import the station's returns on the stick addressed to "
    "this device, then write this device's bundle into the stick's fieldgrid folder",
    "stick.help.sync_dir": "the stick's folder; without it, the stick plugged in (or the one used last) is found",
    "stick.help.station": "handle a stick in one command: import every device bundle on it, write each leader's "
    "return back onto the same stick, and move what was imported into fieldgrid/archive",
    "stick.help.station_dir": "the stick's folder (with its fieldgrid folder)",
    "stick.error.not_folder": "{path} is not a folder: give the stick's folder",
    "stick.error.none_found": "No USB stick found: plug one in, or name its folder: fieldgrid sync stick DIR",
    "stick.error.several": "More than one USB stick found; name the one to use: fieldgrid sync stick "
    "DIR\n{candidates}",
    "stick.error.no_choice": 'No stick chosen (the answer was "{answer}"); nothing was done',
    "stick.ask.several": "More than one USB stick found:",
    "stick.ask.which": "Which one? Type its number (1–{count}): ",
    "stick.device.detected": "Stick: {path}",
    "stick.device.last": "Stick: {path} (the one used last)",
    "stick.device.refused": "{file}: refused: {reason}",
    "stick.device.decision": "  The station's decision on problem {code}: {outcome} — {text}",
    "stick.device.notice": "  Notice from the station ({audience}): {text}",
    "stick.device.no_returns": "No return for this device in {path}",
    "stick.station.no_folder": "{path} has no fieldgrid folder: nothing to import, nothing done",
    "stick.station.no_bundles": "No device bundles in {path}",
    "stick.station.refused": "Refused {file} (left on the stick): {reason}",
    "stick.station.returned": "Return for {leader}: {records} {records:plural:record|records}, {notices} "
    "{notices:plural:notice|notices} → {path}",
    "stick.station.archived": "{count} imported {count:plural:file|files} moved into {path}",
    "stick.station.not_archived": "{file} could not be moved into the archive folder: {reason}",
    "stick.station.archived_returns": "{count} earlier {count:plural:return|returns}, replaced by fresh ones, "
    "moved into {path}",
}
