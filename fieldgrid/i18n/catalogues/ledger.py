"""Messages of the problem ledger's texts and WeChat messages: the ``ledger.*`` keys."""

PREFIXES = ("ledger",)

ZH: dict[str, str] = {
    "ledger.text.detail": "{what}：{text}",
    "ledger.wechat.feedback": "【{grid}问题反馈】关于{about}的{category}问题（{description}）：{outcome}。"
    "感谢大家的理解和支持！{sign}",
    "ledger.wechat.notice": "【{grid}公告】关于{about}的{category}问题（{description}）：{outcome}{sign}",
    "ledger.wechat.sign": "\n——单元长 {name}，电话 {phone}",
    "ledger.text.escalated": "上报{to}：{reason}",
    "ledger.text.decision": "{outcome}：{text}",
    "ledger.text.feedback": "{how}告知{to}",
    "ledger.text.notice": "无法解决，已公告：{text}",
    "ledger.text.resident": "住户",
    "ledger.wechat.resident": "有住户反映",
    "ledger.wechat.room": "{room}住户反映",
    "ledger.wechat.place": "{place}",
    "ledger.text.corrected": "更正（{reason}）：{changes}",
    "ledger.text.changed": "{field}改为{value}",
    "ledger.text.sep": "；",
    "ledger.text.step_call": "已拨打 {number}",
    "ledger.text.step_property": "已通知物业",
    "ledger.text.step_community": "已通知社区",
}

EN: dict[str, str] = {
    "ledger.text.detail": "{what}: {text}",
    "ledger.wechat.feedback": "[{grid} — feedback] About the {category} problem {about} ({description}): "
    "{outcome}. Thank you for your understanding!{sign}",
    "ledger.wechat.notice": "[{grid} — notice] About the {category} problem {about} ({description}): "
    "{outcome}{sign}",
    "ledger.wechat.sign": "\n— Unit leader {name}, phone {phone}",
    "ledger.text.escalated": "Escalated to {to}: {reason}",
    "ledger.text.decision": "{outcome}: {text}",
    "ledger.text.feedback": "{how}, told {to}",
    "ledger.text.notice": "Cannot be solved, notice posted: {text}",
    "ledger.text.resident": "a resident",
    "ledger.wechat.resident": "a resident reported",
    "ledger.wechat.room": "the resident of {room} reported",
    "ledger.wechat.place": "at {place}",
    "ledger.text.corrected": "Corrected ({reason}): {changes}",
    "ledger.text.changed": "{field} → {value}",
    "ledger.text.sep": "; ",
    "ledger.text.step_call": "called {number}",
    "ledger.text.step_property": "property company notified",
    "ledger.text.step_community": "community notified",
}
