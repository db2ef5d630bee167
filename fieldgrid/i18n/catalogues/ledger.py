"""Messages of the problem ledger's texts and WeChat messages: the ``ledger.*`` keys."""

PREFIXES = ("ledger",)

ZH: dict[str, str] = {
    "ledger.text.detail": "{what}：{text}",
    "ledger.wechat.feedback": "【{grid}问题反馈】{place}反映的{category}问题（{description}）：{outcome}。"
    "感谢大家的理解和支持！{sign}",
    "ledger.wechat.notice": "【{grid}公告】关于{place}的{category}问题（{description}）：{outcome}{sign}",
    "ledger.wechat.sign": "\n——单元长 {name}，电话 {phone}",
    "ledger.text.escalated": "上报{to}：{reason}",
    "ledger.text.decision": "{outcome}：{text}",
    "ledger.text.feedback": "{how}告知{to}",
    "ledger.text.notice": "无法解决，已公告：{text}",
}

EN: dict[str, str] = {
    "ledger.text.detail": "{what}: {text}",
    "ledger.wechat.feedback": "[{grid} — feedback] The {category} problem at {place} ({description}): {outcome}. "
    "Thank you for your understanding!{sign}",
    "ledger.wechat.notice": "[{grid} — notice] About the {category} problem at {place} ({description}): "
    "{outcome}{sign}",
    "ledger.wechat.sign": "\n— Unit leader {name}, phone {phone}",
    "ledger.text.escalated": "Escalated to {to}: {reason}",
    "ledger.text.decision": "{outcome}: {text}",
    "ledger.text.feedback": "{how}, told {to}",
    "ledger.text.notice": "Cannot be solved, notice posted: {text}",
}
