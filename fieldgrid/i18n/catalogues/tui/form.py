"""Messages of the household form: the ``tui.form.*`` keys."""

PREFIXES = ("tui.form",)

ZH: dict[str, str] = {
    "tui.form.add_title": "新增住户",
    "tui.form.edit_title": "编辑住户 {room}",
    "tui.form.members": "家庭成员",
    "tui.form.household": "联系方式与情况",
    "tui.form.member_n": "成员 {n}",
    "tui.form.add_member": "添加成员 (^n)",
    "tui.form.remove_member": "删除此成员 (^r)",
    "tui.form.save": "保存 (^s)",
    "tui.form.cancel": "取消 (Esc)",
    "tui.form.unknown": "未填",
    "tui.form.phones_hint": "可填多个号码，用空格或逗号分开",
    "tui.form.fix_errors": "有 {count} 处需要更正，已在对应位置标出。",
    "tui.form.saved": "已保存 {room} 户",
    "tui.form.not_saved": "未能保存",
    "tui.form.discard": "放弃尚未保存的修改吗？",
    "tui.form.discard_yes": "放弃修改",
    "tui.form.choose": "（不选）",
    "tui.form.date_placeholder": "年-月-日",
    "tui.form.month_placeholder": "年-月",
}

EN: dict[str, str] = {
    "tui.form.add_title": "New household",
    "tui.form.edit_title": "Edit household {room}",
    "tui.form.members": "Members",
    "tui.form.household": "Contact and circumstances",
    "tui.form.member_n": "Member {n}",
    "tui.form.add_member": "Add member (^n)",
    "tui.form.remove_member": "Remove member (^r)",
    "tui.form.save": "Save (^s)",
    "tui.form.cancel": "Cancel (Esc)",
    "tui.form.unknown": "Not given",
    "tui.form.phones_hint": "Several numbers allowed, separated by spaces or commas",
    "tui.form.fix_errors": "{count} thing(s) to correct, marked at their fields.",
    "tui.form.saved": "Household {room} saved",
    "tui.form.not_saved": "Not saved",
    "tui.form.discard": "Discard the changes you have not saved?",
    "tui.form.discard_yes": "Discard",
    "tui.form.choose": "(none)",
    "tui.form.date_placeholder": "YYYY-MM-DD",
    "tui.form.month_placeholder": "YYYY-MM",
}
