"""A station's level in the grid (``station init --level community|street``) and what a street station refuses:
the ``level.*`` keys."""

PREFIXES = ("level",)

ZH: dict[str, str] = {
    "level.help": "服务站层级：community（社区，默认；登记单元长的设备）或 "
    "street（街道；登记各社区服务站，接收汇总）",
    "level.error.street_community": "街道服务站不属于某个社区：请去掉 --community / --community-code，只写 "
    "--street。",
    "level.error.device_at_street": "这是街道服务站：它只登记社区服务站（station identity "
    "的文件），不登记单元长的设备（{leader}）。请到社区服务站登记。",
    "level.error.other_street": "这个社区服务站属于 {street}，本站是 {mine}。确属本街道请加 --other-community。",
    "level.community": "社区",
    "level.street": "街道",
    "level.error.unknown": "没有这个层级：{value}（可写 社区 / community 或 街道 / street）",
}

EN: dict[str, str] = {
    "level.help": "the station's level: community (the default; enrolls the leaders' devices) or street (enrolls "
    "the community stations and takes their roll-ups)",
    "level.error.street_community": "A street station belongs to no one community: leave out --community / "
    "--community-code and give --street.",
    "level.error.device_at_street": "This is a street station: it enrolls community stations (their station "
    "identity files), not a leader's device ({leader}). Enroll it at the community's station.",
    "level.error.other_street": "That community station belongs to {street}; this station is {mine}. If it "
    "really is this street's, add --other-community.",
    "level.community": "community",
    "level.street": "street",
    "level.error.unknown": "No such level: {value} (community / 社区 or street / 街道)",
}
