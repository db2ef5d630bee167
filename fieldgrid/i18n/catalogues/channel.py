"""Messages of the labels of the channels a problem came by: the ``channel.*`` keys."""

PREFIXES = ("channel",)

ZH: dict[str, str] = {
    "channel.in_person": "当面",
    "channel.phone": "电话",
    "channel.wechat_group": "微信群",
    "channel.notice": "公告",
}

EN: dict[str, str] = {
    "channel.in_person": "In person",
    "channel.phone": "Phone",
    "channel.wechat_group": "WeChat group",
    "channel.notice": "Notice",
}
