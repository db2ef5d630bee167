"""激励 at the station: the leaders' points, their redemption (微光粒积分兑换) and balances (``fieldgrid station
points``): the ``points.*`` keys."""

PREFIXES = ("points",)

ZH: dict[str, str] = {
    "points.help.command": "各单元长的积分：本月、累计、已兑换和余额（按 points.json 的规则）",
    "points.help.month": "统计到哪个月，如 2026-11（默认本月）",
    "points.help.redeem": "记一次积分兑换（微光粒积分兑换），不能超过余额",
    "points.help.leader": "单元长：姓名、单元（如 6栋3单元）或设备编号",
    "points.help.points": "兑换的积分数",
    "points.help.for": "兑换了什么，如 洗衣液一瓶",
    "points.col.leader": "单元长",
    "points.col.unit": "单元",
    "points.col.month": "{month} 积分",
    "points.col.earned": "累计积分",
    "points.col.redeemed": "已兑换",
    "points.col.balance": "余额",
    "points.redeemed": "已记 {leader} 兑换 {points} 分（{reason}），余额 {balance} 分",
    "points.log.redeem": "积分兑换 {points} 分：{reason}",
    "points.error.unknown_leader": "服务站没有这位单元长：{leader}（用 fieldgrid station devices 查看）",
    "points.error.ambiguous_leader": "“{leader}”不止一位单元长：{candidates}。请写单元或设备编号。",
    "points.error.amount": "兑换的积分必须是大于 0 的数：{points}",
    "points.error.reason": "请用 --for 写明兑换了什么",
    "points.error.too_many": "{leader} 的余额只有 {balance} 分，不能兑换 {points} 分",
}

EN: dict[str, str] = {
    "points.help.command": "each leader's points: this month, to date, redeemed and the balance (by points.json)",
    "points.help.month": "up to which month, e.g. 2026-11 (default: this month)",
    "points.help.redeem": "record points exchanged at the station (never more than the balance)",
    "points.help.leader": "the leader: name, unit (e.g. 6栋3单元) or device id",
    "points.help.points": "how many points",
    "points.help.for": "what they were exchanged for",
    "points.col.leader": "Leader",
    "points.col.unit": "Unit",
    "points.col.month": "{month} points",
    "points.col.earned": "Earned to date",
    "points.col.redeemed": "Redeemed",
    "points.col.balance": "Balance",
    "points.redeemed": "{leader} redeemed {points} {points:plural:point|points} ({reason}); balance {balance}",
    "points.log.redeem": "Points redeemed: {points} for {reason}",
    "points.error.unknown_leader": "The station has no such leader: {leader} (see fieldgrid station devices)",
    "points.error.ambiguous_leader": "More than one leader is called {leader}: {candidates}. Give the unit or "
    "device.",
    "points.error.amount": "Points redeemed must be a number above 0: {points}",
    "points.error.reason": "Say with --for what the points were exchanged for",
    "points.error.too_many": "{leader} has only {balance} {balance:plural:point|points}; {points} cannot be redeemed",
}
