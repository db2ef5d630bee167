"""Messages of the labels of the relations to the head of a household: the ``relation.*`` keys."""

PREFIXES = ("relation",)

ZH: dict[str, str] = {
    "relation.self": "户主",
    "relation.spouse": "配偶",
    "relation.child": "子女",
    "relation.child_in_law": "儿媳/女婿",
    "relation.grandchild": "孙子女",
    "relation.parent": "父母",
    "relation.grandparent": "祖父母",
    "relation.sibling": "兄弟姐妹",
    "relation.tenant": "租客",
    "relation.other": "其他",
}

EN: dict[str, str] = {
    "relation.self": "Head",
    "relation.spouse": "Spouse",
    "relation.child": "Child",
    "relation.child_in_law": "Child-in-law",
    "relation.grandchild": "Grandchild",
    "relation.parent": "Parent",
    "relation.grandparent": "Grandparent",
    "relation.sibling": "Sibling",
    "relation.tenant": "Tenant",
    "relation.other": "Other",
}
