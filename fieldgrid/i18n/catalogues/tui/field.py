"""Messages of a household's fields and its members' fields: the ``tui.field.*`` and
``tui.member.*`` keys."""

PREFIXES = ("tui.field", "tui.member")

ZH: dict[str, str] = {
    "tui.field.room": "房号",
    "tui.field.residency": "居住情况",
    "tui.field.building": "楼栋",
    "tui.field.unit": "单元",
    "tui.field.phones": "户电话",
    "tui.field.emergency_name": "紧急联系人",
    "tui.field.emergency_phone": "联系人电话",
    "tui.field.tags": "标签",
    "tui.field.notes": "备注",
    "tui.member.name": "姓名",
    "tui.member.relation": "与户主关系",
    "tui.member.sex": "性别",
    "tui.member.birth_year": "出生年",
    "tui.member.phone": "电话",
    "tui.member.id_number": "身份证号",
}

EN: dict[str, str] = {
    "tui.field.room": "Room",
    "tui.field.residency": "Residency",
    "tui.field.building": "Building",
    "tui.field.unit": "Unit",
    "tui.field.phones": "Phones",
    "tui.field.emergency_name": "Emergency",
    "tui.field.emergency_phone": "Their phone",
    "tui.field.tags": "Tags",
    "tui.field.notes": "Notes",
    "tui.member.name": "Name",
    "tui.member.relation": "Relation",
    "tui.member.sex": "Sex",
    "tui.member.birth_year": "Born",
    "tui.member.phone": "Phone",
    "tui.member.id_number": "ID number",
}
