"""Messages of the labels of escalation levels: the ``escalation.*`` keys."""

PREFIXES = ("escalation",)

ZH: dict[str, str] = {
    "escalation.property": "物业",
    "escalation.community": "社区",
    "escalation.street": "街道",
}

EN: dict[str, str] = {
    "escalation.property": "Property company",
    "escalation.community": "Community",
    "escalation.street": "Street office",
}
