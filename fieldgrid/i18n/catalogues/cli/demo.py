"""Messages of ``fieldgrid demo``: the ``cli.demo.*`` keys."""

PREFIXES = ("cli.demo",)

ZH: dict[str, str] = {
    "cli.demo.created": "已建立演示单元（{count} 户）：{home}",
    "cli.demo.kept": "沿用已有的演示单元：{home}（加 --reset 可重新建立）",
    "cli.demo.real_data": "{home} 中已有真实数据，不能写入演示数据。"
    "请用 --home 指定一个空目录，或不带 --home 使用演示目录。",
    "cli.demo.station": "演示服务站：{station}（已与本设备互相登记）。试试：\n"
    "  fieldgrid --home {home} sync export --out U盘目录\n"
    "  fieldgrid --home {station} station import U盘目录",
    "cli.demo.station_kept": "{station} 是一个真实的服务站，演示没有改动它",
    "cli.demo.pin": "演示单元的数据用 PIN {pin} 加密：打开时输入 {pin}（命令行里可设 FIELDGRID_PIN={pin}）。",
    "cli.demo.other_pin": "{home} 中的数据用另一个 PIN 加密，不是演示单元；演示没有改动它。"
    "请用 --home 指定一个空目录，或不带 --home 使用演示目录。",
}

EN: dict[str, str] = {
    "cli.demo.created": "Demo unit created ({count} {count:plural:household|households}): {home}",
    "cli.demo.kept": "Keeping the existing demo unit: {home} (add --reset to create it afresh)",
    "cli.demo.real_data": "{home} already holds real data; demo data will not be written there. Give an empty "
    "folder with --home, or leave out --home to use the demo folder.",
    "cli.demo.station": "Demo station: {station} (enrolled with this device both ways). Try:\n"
    "  fieldgrid --home {home} sync export --out STICK\n"
    "  fieldgrid --home {station} station import STICK",
    "cli.demo.station_kept": "{station} is a real station; the demo left it alone",
    "cli.demo.pin": "The demo unit's data is encrypted with the PIN {pin}: type {pin} when asked (on the command "
    "line, FIELDGRID_PIN={pin} works too).",
    "cli.demo.other_pin": "The data in {home} is encrypted with another PIN: it is not the demo unit, and the demo "
    "left it alone. Give an empty folder with --home, or leave out --home to use the demo folder.",
}
