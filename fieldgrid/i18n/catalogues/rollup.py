"""Messages of a community station's roll-up to its street station (``fieldgrid station rollup``, minimised unless
``--with-roster``): the ``rollup.*`` keys."""

PREFIXES = ("rollup",)

ZH: dict[str, str] = {
    "rollup.help.with_roster": "连同花名册（住户姓名、电话、身份证号）一起上报——仅在街道确有需要时使用，会记入服"
    "务站日志",
    "rollup.minimised": "汇总只含问题台账和统计数字：没有住户姓名、电话、身份证号（姓名记为“住户”）。",
    "rollup.with_roster": "！！注意：这份汇总含有全部花名册——住户姓名、电话、身份证号。请只交给确有需要的街道工作"
    "人员，并妥善保管 U 盘。此次上报已记入服务站日志。",
}

EN: dict[str, str] = {
    "rollup.help.with_roster": "carry the roster too (residents' names, phones, ID numbers) — only when the "
    "street truly needs it; recorded in the station's log",
    "rollup.minimised": "The roll-up holds the ledger and the figures only: no resident's name, phone or ID "
    "number (names read 住户).",
    "rollup.with_roster": "!! WARNING: this roll-up holds the whole roster — residents' names, phones and ID "
    "numbers. Hand it only to street staff who truly need it, and keep the stick safe. This has been recorded in "
    "the station's log.",
}
