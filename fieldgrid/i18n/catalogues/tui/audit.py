"""Messages of the disclosure-log screen: the ``tui.audit.*`` keys."""

PREFIXES = ("tui.audit",)

ZH: dict[str, str] = {
    "tui.audit.title": "信息披露记录",
}

EN: dict[str, str] = {
    "tui.audit.title": "Disclosure log",
}
