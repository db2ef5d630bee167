"""Messages of a household's contact card and scanning its code: the ``tui.card.*``, ``tui.scan.*`` keys."""

PREFIXES = ("tui.card", "tui.scan")

ZH: dict[str, str] = {
    "tui.card.subtitle": "{room} 的门卡 · {code}",
    "tui.card.code": "住户码：{code}",
    "tui.card.hint": "左边是这户的住户码（扫码即可打开这户）；按 v 显示单元长名片码，手机扫一扫即可保存联系人；"
    "按 p 把全单元的卡片写成 A4 PDF。",
    "tui.card.vcard_hint": "用手机扫码保存单元长电话。esc 返回",
    "tui.scan.unknown": "扫到的住户码不属于本单元：{code}",
    "tui.scan.foreign": "这不是 fieldgrid 的住户码：{code}",
    "tui.scan.title": "扫码",
}

EN: dict[str, str] = {
    "tui.card.subtitle": "Door card of {room} · {code}",
    "tui.card.code": "Household code: {code}",
    "tui.card.hint": "On the left, this household's code (scanning it opens the household); v shows the leader's "
    "contact QR for a phone to save; p writes the whole unit's cards to an A4 PDF.",
    "tui.card.vcard_hint": "Scan with a phone to save the unit leader's number. esc goes back",
    "tui.scan.unknown": "The scanned code is not a household of this unit: {code}",
    "tui.scan.foreign": "This is not a fieldgrid household code: {code}",
    "tui.scan.title": "Scan",
}
