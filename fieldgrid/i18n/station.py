"""Messages of the community service station: its database, devices, imports and reports."""

ZH: dict[str, str] = {
    "station.error.not_a_station": "{home} 不是服务站的数据目录。请先运行 fieldgrid --home {home} station init",
    "station.error.enrolled_other_key": "设备 {device} 已用另一把密钥登记；如需更换，请先注销该设备",
    "station.error.unknown_device": "没有登记过的设备：{device}",
}

EN: dict[str, str] = {
    "station.error.not_a_station": "{home} is not a service station's data folder. Run fieldgrid --home {home} "
    "station init first",
    "station.error.enrolled_other_key": "Device {device} is enrolled with another key; revoke it first to change it",
    "station.error.unknown_device": "No enrolled device: {device}",
}
