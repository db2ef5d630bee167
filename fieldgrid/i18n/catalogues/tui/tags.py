"""Messages of the tag filter and the tags' short names: the ``tui.tags.*``, ``tui.tag_short.*`` keys."""

PREFIXES = ("tui.tags", "tui.tag_short")

ZH: dict[str, str] = {
    "tui.tags.prev": "前一个标签",
    "tui.tags.next": "后一个标签",
    "tui.tag_short.living_alone": "独居",
    "tui.tag_short.empty_nest": "空巢",
    "tui.tag_short.disabled": "残疾",
    "tui.tag_short.left_behind_child": "留守",
    "tui.tag_short.low_income": "低保",
    "tui.tag_short.pregnant": "孕产",
    "tui.tag_short.key_attention": "重点",
}

EN: dict[str, str] = {
    "tui.tags.prev": "Previous tag",
    "tui.tags.next": "Next tag",
    "tui.tag_short.living_alone": "Alone",
    "tui.tag_short.empty_nest": "Empty-nest",
    "tui.tag_short.disabled": "Disabled",
    "tui.tag_short.left_behind_child": "Left-behind",
    "tui.tag_short.low_income": "Dibao",
    "tui.tag_short.pregnant": "Pregnant",
    "tui.tag_short.key_attention": "Key",
}
