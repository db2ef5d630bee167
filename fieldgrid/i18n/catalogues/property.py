"""Messages of the property companies the station records per compound (``fieldgrid station property``): the
``property.*`` keys."""

PREFIXES = ("property",)

ZH: dict[str, str] = {
    "property.help.command": "各小区的物业公司：月度报表的“联动处理”表按物业公司列出未办结的问题",
    "property.help.set": "登记管理某个小区的物业公司（重复登记则更新）",
    "property.help.list": "列出各小区和登记的物业公司",
    "property.help.compound": "小区名称，如 橙郡一期（须是本站单元所在的小区）",
    "property.help.company": "物业公司名称",
    "property.help.phone": "物业服务电话（可选）",
    "property.set.done": "已登记：{compound} 的物业公司为 {company}",
    "property.none": "本站还没有任何小区（先登记单元长的设备）",
    "property.unset": "（未登记）",
    "property.col.compound": "小区",
    "property.col.company": "物业公司",
    "property.col.phone": "电话",
    "property.error.unknown_compound": "本站的单元中没有小区“{compound}”。已有的小区：{known}",
    "property.error.no_company": "请写上物业公司的名称（--company）",
    "property.log.set": "登记物业公司：{compound} → {company}",
}

EN: dict[str, str] = {
    "property.help.command": "the property company of each compound: the monthly report's joint-handling sheet "
    "lists open problems by company",
    "property.help.set": "record the company that manages a compound (again: updated)",
    "property.help.list": "list the compounds and their recorded companies",
    "property.help.compound": "the compound, e.g. 橙郡一期 (one of this station's units' compounds)",
    "property.help.company": "the company's name",
    "property.help.phone": "the company's service phone (optional)",
    "property.set.done": "Recorded: {compound} is managed by {company}",
    "property.none": "No compounds at this station yet (enroll the leaders' devices first)",
    "property.unset": "(not recorded)",
    "property.col.compound": "Compound",
    "property.col.company": "Property company",
    "property.col.phone": "Phone",
    "property.error.unknown_compound": "None of this station's units is in a compound called \"{compound}\". Its "
    "compounds: {known}",
    "property.error.no_company": "Give the company's name (--company)",
    "property.log.set": "Property company recorded: {compound} → {company}",
}
