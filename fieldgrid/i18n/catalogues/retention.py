"""Messages of retention (households moved out, deceased or cancelled, kept for a period, then only counted), on
the device and at the station: the ``retention.*`` keys."""

PREFIXES = ("retention",)

ZH: dict[str, str] = {
    "retention.days": "保留期：已迁出、已故、已注销或已删除的住户，其信息保留 {days} 天",
    "retention.days_set": "保留期已设为 {days} 天",
    "retention.counts": "已删除并只保留统计数：{households} 户、{persons} 人、{visits} 次走访、{problems} 个问题",
    "retention.nothing": "没有超过保留期的住户",
    "retention.would": "将删除 {households} 户（{rooms}）共 {persons} 人的个人信息，{visits} 次走访、{problems} "
    "个问题去掉个人信息（未写入，去掉 --dry-run 执行）",
    "retention.done": "已删除 {households} 户（{rooms}）共 {persons} 人的个人信息，{visits} 次走访、{problems} "
    "个问题已去掉个人信息",
}

EN: dict[str, str] = {
    "retention.days": "Retention: households moved out, deceased, cancelled or deleted are kept for {days} "
    "{days:plural:day|days}",
    "retention.days_set": "Retention set to {days} {days:plural:day|days}",
    "retention.counts": "Erased, kept only as counts: {households} {households:plural:household|households}, "
    "{persons} {persons:plural:person|persons}, {visits} {visits:plural:visit|visits}, {problems} "
    "{problems:plural:problem|problems}",
    "retention.nothing": "No household is past its retention",
    "retention.would": "Would erase the personal data of {households} {households:plural:household|households} "
    "({rooms}), {persons} {persons:plural:person|persons}, and take it out of {visits} "
    "{visits:plural:visit|visits} and {problems} {problems:plural:problem|problems} (nothing written; run "
    "without --dry-run to do it)",
    "retention.done": "Erased the personal data of {households} {households:plural:household|households} "
    "({rooms}), {persons} {persons:plural:person|persons}, and took it out of {visits} "
    "{visits:plural:visit|visits} and {problems} {problems:plural:problem|problems}",
}
