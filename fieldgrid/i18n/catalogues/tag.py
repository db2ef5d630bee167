"""Messages of the labels of the households' tags: the ``tag.*`` keys."""

PREFIXES = ("tag",)

ZH: dict[str, str] = {
    "tag.living_alone": "独居老人",
    "tag.empty_nest": "空巢老人",
    "tag.disabled": "残疾人",
    "tag.left_behind_child": "留守儿童",
    "tag.low_income": "低保户",
    "tag.pregnant": "孕产妇",
    "tag.key_attention": "重点关注",
}

EN: dict[str, str] = {
    "tag.living_alone": "Elderly living alone",
    "tag.empty_nest": "Empty-nest elderly",
    "tag.disabled": "Disabled",
    "tag.left_behind_child": "Left-behind child",
    "tag.low_income": "Low-income (dibao)",
    "tag.pregnant": "Pregnant / postpartum",
    "tag.key_attention": "Key attention",
}
