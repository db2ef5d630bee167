"""Messages of the labels of the kinds of emergency: the ``emergency.*`` keys."""

PREFIXES = ("emergency",)

ZH: dict[str, str] = {
    "emergency.fire": "火灾",
    "emergency.gas": "燃气泄漏",
    "emergency.medical": "急病或受伤",
    "emergency.violence": "暴力或治安事件",
}

EN: dict[str, str] = {
    "emergency.fire": "Fire",
    "emergency.gas": "Gas leak",
    "emergency.medical": "Illness or injury",
    "emergency.violence": "Violence or crime",
}
