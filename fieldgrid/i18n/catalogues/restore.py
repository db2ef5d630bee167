"""Messages of ``fieldgrid station restore``: the unit's whole state written for the device that takes over (a lost
device, a forgotten PIN): the ``restore.*`` keys."""

PREFIXES = ("restore",)

ZH: dict[str, str] = {
    "restore.help.command": "为接替的设备写出本单元的全部数据（丢失设备、忘记 PIN 时）",
    "restore.help.description": "为新登记的设备（station enroll … --replaces "
    "旧设备）写出一个回传数据包，内含本单元在服务站的全部记录；新设备用 fieldgrid sync import 目录 "
    "导入后即可使用。旧设备尚未交到服务站的改动无法恢复。",
    "restore.help.device": "接替的设备编号（station devices 里可见）",
    "restore.help.out": "写入的目录（如 U 盘）",
    "restore.done": "已为 {leader}（{device}）写出本单元的 {records} 条记录：{path}。在新设备上运行 fieldgrid "
    "sync import 导入。",
}

EN: dict[str, str] = {
    "restore.help.command": "write the unit's whole state for the device that takes over (a lost device, a "
    "forgotten PIN)",
    "restore.help.description": "Write a return bundle for a newly enrolled device (station enroll … --replaces "
    "OLD) holding every record the station has of its unit; fieldgrid sync import DIR on the new device makes a "
    "working home of it. Changes the old device never brought to the station cannot be restored.",
    "restore.help.device": "the device that takes over (as station devices lists it)",
    "restore.help.out": "the folder to write to (a stick, say)",
    "restore.done": "{records} {records:plural:record|records} of the unit written for {leader} ({device}): "
    "{path}. Import them on the new device with fieldgrid sync import.",
}
