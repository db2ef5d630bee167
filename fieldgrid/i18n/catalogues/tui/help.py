"""Messages of the help screens: the ``tui.help.*`` keys."""

PREFIXES = ("tui.help",)

ZH: dict[str, str] = {
    "tui.help.title": "帮助",
    "tui.help.key": "按键",
    "tui.help.action": "作用",
    "tui.help.list_title": "帮助：住户列表",
    "tui.help.list_intro": "输入房号、姓名、拼音全拼或首字母即可查找，例如 0601、张三、zhangsan、zs。"
    "标签可多选，只显示同时具有所选标签的住户。",
    "tui.help.detail_title": "帮助：住户详情",
    "tui.help.detail_intro": "电话和身份证号默认部分隐藏，需要时按 r 显示。",
    "tui.help.form_title": "帮助：填写住户",
    "tui.help.form_intro": "Tab 键跳到下一项。有错误的项会标红并在下方说明原因，已填内容不会丢失。",
    "tui.help.profile_title": "帮助：单元长信息",
    "tui.help.profile_intro": "社区、楼栋和单元必填；新增住户时默认使用这里的楼栋和单元。",
    "tui.help.map_title": "楼栋图",
    "tui.help.map_intro": "每一格是一户：门牌号、户主姓氏和标记。方向键移动，enter 打开住户。",
    "tui.help.visit_title": "记录走访",
    "tui.help.patrol_title": "巡查",
    "tui.help.patrol_intro": "逐项检查；有问题就写下发现的情况，ctrl+r 把它登记为问题，ctrl+s 保存。",
    "tui.help.problem_title": "登记问题",
    "tui.help.event_title": "问题处理",
    "tui.help.export_title": "导出台账",
    "tui.help.emergency_title": "紧急情况",
    "tui.help.field_form_intro": "填写后按 ctrl+s 保存；有错误会显示在对应的栏目下。",
    "tui.help.ledger_title": "问题台账",
    "tui.help.ledger_intro": "按状态、类别、月份、住户筛选（f 跳到筛选栏），enter 查看处理经过。",
    "tui.help.problem_detail_title": "问题详情",
    "tui.help.problem_detail_intro": "每一步处理都会记入经过；问题解决后必须先反馈居民才能办结。",
    "tui.help.card_title": "联系卡",
    "tui.help.card_intro": "门卡上的住户码不含任何个人信息；扫码枪扫到它，在任何页面都会打开这户。",
    "tui.help.roster_title": "导入花名册",
    "tui.help.roster_intro": "先预览：列出将新建、更新的住户和每一个被拒的行及原因；ctrl+s 一次写入所有有效的住户。",
    "tui.help.sync_title": "同步",
    "tui.help.sync_intro": "改动要等服务站确认后才算上传；导出后仍可修改，新的改动下次再带走。",
    "tui.help.audit_title": "信息披露记录",
    "tui.help.audit_intro": "每次显示完整电话和身份证号、导出、导入花名册、打印联系卡，以及到期删除住户信息，都记在这"
    "里（时间、内容、涉及人数），并随数据包交给服务站。记录只增不改。",
    "tui.help.move_out_title": "帮助：整户迁出",
    "tui.help.move_out_intro": "整户迁出后这一户留作记录，房屋在楼栋图上显示空置，可按 a "
    "迁入新住户。未办结的问题默认保留并注明住户已迁出；也可选择附说明关闭。",
    "tui.help.deceased_title": "帮助：登记去世",
    "tui.help.deceased_intro": "去世的成员留在这一户的记录里，不再计入在住人数；最后一位在住的人去世后，这一户注"
    "销为已故，房屋显示空置。",
    "tui.help.due_title": "今日待办",
    "tui.help.due_intro": "今天到期和已逾期的回访、走访和问题，最急的在前；红色是已逾期，黄色是一天内到期，第一列"
    "也用文字写明。enter 打开这一户或这个问题。走访频次用 fieldgrid profile cadence 修改。",
    "tui.help.visit_correction_title": "更正走访记录",
    "tui.help.visit_correction_intro": "选择要更正的走访记录并写明原因。作废的记录仍保留在走访历史中（划线显示）"
    "，不再计入任何统计；移到另一户后，记录和统计都算在那一户。",
    "tui.help.problem_correction_title": "更正问题",
    "tui.help.problem_correction_intro": "改正类别、紧急程度、地点或描述，并写明原因。原登记内容保留，更正记入处"
    "理过程。",
    "tui.help.patrol_correction_title": "更正巡查记录",
    "tui.help.patrol_correction_intro": "改正巡查时间、备注和每一项的发现（空着表示正常），或作废这次巡查，并写明"
    "原因。",
    "tui.help.patrol_list_title": "巡查记录",
    "tui.help.patrol_list_intro": "全部巡查记录，最新的在前；已作废的划线显示。",
}

EN: dict[str, str] = {
    "tui.help.title": "Help",
    "tui.help.key": "Key",
    "tui.help.action": "What it does",
    "tui.help.list_title": "Help: households",
    "tui.help.list_intro": "Type a room, a name, its pinyin or initials to search, e.g. 0601, 张三, zhangsan, zs. "
    "Several tags can be picked; only households having all of them are shown.",
    "tui.help.detail_title": "Help: household",
    "tui.help.detail_intro": "Phone and ID numbers are partly hidden; press r when you need them in full.",
    "tui.help.form_title": "Help: household form",
    "tui.help.form_intro": "Tab moves to the next field. A field with a problem is marked in red with the reason "
    "below it; nothing you typed is lost.",
    "tui.help.profile_title": "Help: unit leader's details",
    "tui.help.profile_intro": "Community, building and unit are required; new households default to this "
    "building and unit.",
    "tui.help.map_title": "Stairwell map",
    "tui.help.map_intro": "Each cell is a flat: door number, the head's surname and marks. Arrows move, enter opens.",
    "tui.help.visit_title": "Record a visit",
    "tui.help.patrol_title": "Patrol",
    "tui.help.patrol_intro": "Go item by item; where something is wrong type what you found, ctrl+r reports it as "
    "a problem, ctrl+s saves.",
    "tui.help.problem_title": "Report a problem",
    "tui.help.event_title": "Problem step",
    "tui.help.export_title": "Export the ledger",
    "tui.help.emergency_title": "Emergency",
    "tui.help.field_form_intro": "Fill in and press ctrl+s to save; errors are shown under their fields.",
    "tui.help.ledger_title": "Problem ledger",
    "tui.help.ledger_intro": "Filter by status, category, month and household (f jumps to the filters); enter shows "
    "what happened.",
    "tui.help.problem_detail_title": "Problem",
    "tui.help.problem_detail_intro": "Every step is kept in the record; a solved problem is closed only after the "
    "residents were told.",
    "tui.help.card_title": "Contact card",
    "tui.help.card_intro": "The household code on a door card holds no personal data; a barcode scanner reading it "
    "opens the household from any screen.",
    "tui.help.roster_title": "Import a roster",
    "tui.help.roster_intro": "Preview first: the households to create or update and every rejected row with its "
    "reason; ctrl+s writes all valid households at once.",
    "tui.help.sync_title": "Sync",
    "tui.help.sync_intro": "A change counts as sent once the station acknowledges it; records stay editable after "
    "an export and later changes go with the next bundle.",
    "tui.help.audit_title": "Disclosure log",
    "tui.help.audit_intro": "Every time phones and ID numbers are shown in full, a file is exported, a roster"
    " imported, cards printed, or a household's data erased at the end of retention, it is recorded here (when,"
    " what, how many persons) and goes to the station with the next bundle. Entries are only ever added.",
    "tui.help.move_out_title": "Help: a household moves out",
    "tui.help.move_out_intro": "Once moved out the household is kept on record and the flat shows vacant on the "
    "map; press a there for a new household. Its open problems are kept open and noted by default, or closed "
    "with a note.",
    "tui.help.deceased_title": "Help: record a death",
    "tui.help.deceased_intro": "A member who died stays in the household's record, out of the count of living "
    "persons; when the last person living there dies the household is closed as deceased and the flat shows "
    "vacant.",
    "tui.help.due_title": "Due today",
    "tui.help.due_intro": "Follow-ups, visits and problems due today or overdue, the most urgent first; red is "
    "overdue, yellow due within a day, and the first column says so in words. enter opens the household or "
    "problem. Change the care cadences with fieldgrid profile cadence.",
    "tui.help.visit_correction_title": "Correct a visit",
    "tui.help.visit_correction_intro": "Choose the visit and say why. A voided visit stays in the history, "
    "struck through, and leaves every tally; a moved one counts for the household it is moved to.",
    "tui.help.problem_correction_title": "Correct a problem",
    "tui.help.problem_correction_intro": "Correct the category, urgency, place or description, and say why. The "
    "report stays as it was written; the correction joins the timeline.",
    "tui.help.patrol_correction_title": "Correct a patrol",
    "tui.help.patrol_correction_intro": "Correct the patrol's time, notes and each item's finding (empty: it was "
    "fine), or void it, and say why.",
    "tui.help.patrol_list_title": "Patrols",
    "tui.help.patrol_list_intro": "Every patrol, newest first; voided ones are struck through.",
}
