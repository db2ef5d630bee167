"""Messages of the labels of the kinds of visit: the ``visit_kind.*`` keys."""

PREFIXES = ("visit_kind",)

ZH: dict[str, str] = {
    "visit_kind.routine": "走访",
    "visit_kind.follow_up": "回访",
    "visit_kind.errand": "代办",
    "visit_kind.mediation": "调解",
    "visit_kind.hazard_check": "隐患排查",
    "visit_kind.policy": "政策宣传",
    "visit_kind.contact": "电话/微信联系",
}

EN: dict[str, str] = {
    "visit_kind.routine": "Routine visit",
    "visit_kind.follow_up": "Follow-up",
    "visit_kind.errand": "Errand done",
    "visit_kind.mediation": "Mediation",
    "visit_kind.hazard_check": "Hazard check",
    "visit_kind.policy": "Policy explained",
    "visit_kind.contact": "Phone/WeChat check-in",
}
