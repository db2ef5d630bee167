"""Messages of scenario packs in the TUI — the packs screen, the sync screen's lines about packs, a pack's extra
fields and checklist on the forms: the ``tui.scenarios.*`` keys."""

PREFIXES = ("tui.scenarios",)

ZH: dict[str, str] = {
    "tui.scenarios.title": "场景包",
    "tui.scenarios.help_title": "场景包",
    "tui.scenarios.help_intro": "本机已安装的场景包：巡查清单、走访类型、问题类别、标签和表单附加字段。"
                                "场景包随服务站的回执安装。",
    "tui.scenarios.key": "场景包",
    "tui.scenarios.cmd": "场景包",
    "tui.scenarios.cmd_help": "本机已安装的场景包（名称、版本、标题）",
    "tui.scenarios.col.name": "名称",
    "tui.scenarios.col.version": "版本",
    "tui.scenarios.col.title": "标题",
    "tui.scenarios.builtin": "（内置）",
    "tui.scenarios.version": "第{version}版",
    "tui.scenarios.contents": "清单{checklists}个 · 走访类型{kinds}个 · 类别{categories}个 · 标签{tags}个 · "
                              "附加字段{fields}个",
    "tui.scenarios.count": "已安装{count}个场景包（另有内置词表）",
    "tui.scenarios.how": "场景包随服务站的回执安装，也可用命令安装或移除：\n"
                         "  fieldgrid scenarios install 文件\n  fieldgrid scenarios remove 名称",
    "tui.scenarios.status": "场景包{count}个：{titles}（ctrl+o 查看）",
    "tui.scenarios.installed": "已安装场景包：{title}（第{version}版）",
    "tui.scenarios.refused": "未安装场景包 {name}：{reason}",
    "tui.scenarios.checklist": "巡查清单",
    "tui.scenarios.required_label": "{label} *",
    "tui.scenarios.yes": "是",
    "tui.scenarios.no": "否",
    "tui.scenarios.required": "请填写{field}",
    "tui.scenarios.value_text": "{field}过长或含控制字符",
    "tui.scenarios.value_number": "{field}应为数字",
    "tui.scenarios.value_date": "{field}应为日期，如 明天、+3、12-05",
    "tui.scenarios.value_yes_no": "{field}只能选是或否",
    "tui.scenarios.value_choice": "{field}只能从列出的选项中选",
}

EN: dict[str, str] = {
    "tui.scenarios.title": "Scenario packs",
    "tui.scenarios.help_title": "Scenario packs",
    "tui.scenarios.help_intro": "The scenario packs installed on this device: patrol checklists, visit kinds, "
                                "problem categories, tags and extra form fields. Packs come with the station's "
                                "returns.",
    "tui.scenarios.key": "Packs",
    "tui.scenarios.cmd": "Scenario packs",
    "tui.scenarios.cmd_help": "The scenario packs installed here (name, version, title)",
    "tui.scenarios.col.name": "Name",
    "tui.scenarios.col.version": "Version",
    "tui.scenarios.col.title": "Title",
    "tui.scenarios.builtin": "(built in)",
    "tui.scenarios.version": "v{version}",
    "tui.scenarios.contents": "{checklists} checklists · {kinds} visit kinds · {categories} categories · "
                              "{tags} tags · {fields} extra fields",
    "tui.scenarios.count": "{count} scenario packs installed (besides the built-in vocabulary)",
    "tui.scenarios.how": "Packs come with the station's returns, or are installed and removed with:\n"
                         "  fieldgrid scenarios install FILE\n  fieldgrid scenarios remove NAME",
    "tui.scenarios.status": "Scenario packs ({count}): {titles} (ctrl+o to see them)",
    "tui.scenarios.installed": "Scenario pack installed: {title} (v{version})",
    "tui.scenarios.refused": "Scenario pack {name} not installed: {reason}",
    "tui.scenarios.checklist": "Checklist",
    "tui.scenarios.required_label": "{label} *",
    "tui.scenarios.yes": "Yes",
    "tui.scenarios.no": "No",
    "tui.scenarios.required": "Fill in {field}",
    "tui.scenarios.value_text": "{field} is too long or holds control characters",
    "tui.scenarios.value_number": "{field} must be a number",
    "tui.scenarios.value_date": "{field} must be a date, like tomorrow, +3 or 12-05",
    "tui.scenarios.value_yes_no": "{field} is yes or no",
    "tui.scenarios.value_choice": "{field} must be one of the choices listed",
}
