"""Messages of the labels of urgency: the ``urgency.*`` keys."""

PREFIXES = ("urgency",)

ZH: dict[str, str] = {
    "urgency.normal": "一般",
    "urgency.urgent": "较急",
    "urgency.emergency": "紧急",
}

EN: dict[str, str] = {
    "urgency.normal": "Normal",
    "urgency.urgent": "Urgent",
    "urgency.emergency": "Emergency",
}
