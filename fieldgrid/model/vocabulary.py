"""The fixed vocabularies of a roster: household tags, residency, relation to the head, sex.

Values are stored as the codes below; their Chinese and English labels live in the translation
catalogue (``tag.<code>``, ``residency.<code>``, ``relation.<code>``, ``sex.<code>``).  A leader may
extend the tag vocabulary with tags of their own, stored as the text they typed.
"""

from __future__ import annotations

TAGS: tuple[str, ...] = (
    "living_alone",  # 独居老人
    "empty_nest",  # 空巢老人
    "disabled",  # 残疾人
    "left_behind_child",  # 留守儿童
    "low_income",  # 低保户
    "pregnant",  # 孕产妇
    "key_attention",  # 重点关注
)

# Households with these tags need a visit within days, not weeks: marked on the stairwell map.
SPECIAL_ATTENTION_TAGS: frozenset[str] = frozenset({"living_alone", "disabled", "left_behind_child", "key_attention"})

RESIDENCY: tuple[str, ...] = ("resident", "renting", "vacant", "moved_out", "deceased", "cancelled")
# 常住 / 租住 / 空置 / 已迁出 / 已故 / 已注销
# A household marked so is no longer served: its history is kept for the retention period, then only counted.
ENDED_RESIDENCY: frozenset[str] = frozenset({"moved_out", "deceased", "cancelled"})
# A person's own ending, inside a household that goes on (``Member.residency``; ``None`` while they live there).
MEMBER_ENDINGS: tuple[str, ...] = ("moved_out", "deceased")

RELATIONS: tuple[str, ...] = (
    "self",  # 本人(户主)
    "spouse",
    "child",
    "child_in_law",
    "grandchild",
    "parent",
    "grandparent",
    "sibling",
    "tenant",
    "other",
)

SEXES: tuple[str, ...] = ("M", "F")
