"""Messages of a street station's first screen (the street at a glance, one line per community): the
``tui.street.*`` keys."""

PREFIXES = ("tui.street",)

ZH: dict[str, str] = {
    "tui.street.title": "街道工作概况",
    "tui.street.intro": "每个社区一行：单元数、户数、未办结和逾期的问题、上报到街道待答复的问题、本月走访次数和积"
    "分（社区各单元相加）。按回车打开社区，每个单元一行；再按回车打开单元，看它的问题和本月工作。住户姓名、电话和"
    "身份证号不上报街道。",
    "tui.street.totals": "社区 {communities} · 单元 {units} · 住户 {households} · 未办结 {open} · 逾期 {overdue} "
    "· 待街道答复 {escalated} · 冲突 {conflicts}",
    "tui.street.key_open_community": "打开社区",
    "tui.street.community_totals": "单元 {units} · 住户 {households} · 未办结 {open} · 逾期 {overdue} · "
    "待街道答复 {escalated} · 冲突 {conflicts}",
}

EN: dict[str, str] = {
    "tui.street.title": "The street at a glance",
    "tui.street.intro": "One line per community: units, households, open and overdue problems, problems "
    "escalated to the street awaiting its answer, this month's visits and points (its units added up).  Enter "
    "opens a community, one line per unit; Enter again opens a unit: its problems and this month's work.  "
    "Residents' names, phones and ID numbers are not rolled up to the street.",
    "tui.street.totals": "Communities {communities} · units {units} · households {households} · open {open} · "
    "overdue {overdue} · awaiting the street {escalated} · conflicts {conflicts}",
    "tui.street.key_open_community": "Open community",
    "tui.street.community_totals": "Units {units} · households {households} · open {open} · overdue {overdue} · "
    "awaiting the street {escalated} · conflicts {conflicts}",
}
