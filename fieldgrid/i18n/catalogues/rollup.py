"""Messages of a community station's roll-up to its street station (``fieldgrid station rollup``, minimised unless
``--with-roster``): the ``rollup.*`` keys."""

PREFIXES = ("rollup",)

ZH: dict[str, str] = {
    "rollup.help.with_roster": "连同花名册（住户姓名、电话、身份证号）一起上报——仅在街道确有需要时使用，会记入服"
    "务站日志",
    "rollup.minimised": "汇总只含问题台账和统计数字：没有住户姓名、电话、身份证号（姓名记为“住户”）。",
    "rollup.with_roster": "！！注意：这份汇总含有全部花名册——住户姓名、电话、身份证号。请只交给确有需要的街道工作"
    "人员，并妥善保管 U 盘。此次上报已记入服务站日志。",
    "rollup.help.full": "把服务站的全部记录再报一次（街道的数据库丢失或重建时用）；平时只报街道尚未确认收到的变化",
    "rollup.since": "只含街道上次确认收到之后新增或改动的 {count} "
    "条记录；街道导入后，它的回执会让下一次汇总从这里接着报。",
    "rollup.everything": "含服务站的全部 {count} 条记录（街道还没有确认收到过汇总，或用了 "
    "--full）。以后的汇总只报街道尚未确认的变化。",
}

EN: dict[str, str] = {
    "rollup.help.with_roster": "carry the roster too (residents' names, phones, ID numbers) — only when the "
    "street truly needs it; recorded in the station's log",
    "rollup.minimised": "The roll-up holds the ledger and the figures only: no resident's name, phone or ID "
    "number (names read 住户).",
    "rollup.with_roster": "!! WARNING: this roll-up holds the whole roster — residents' names, phones and ID "
    "numbers. Hand it only to street staff who truly need it, and keep the stick safe. This has been recorded in "
    "the station's log.",
    "rollup.help.full": "send everything the station holds again (when the street lost or rebuilt its database); "
    "by default only what the street has not yet confirmed",
    "rollup.since": "Holds the {count} {count:plural:record|records} added or changed since the street last "
    "confirmed a roll-up; the street's return, once imported, makes the next roll-up go on from here.",
    "rollup.everything": "Holds all {count} {count:plural:record|records} the station holds (the street has "
    "confirmed no roll-up yet, or --full). Later roll-ups carry only what the street has not yet confirmed.",
}
