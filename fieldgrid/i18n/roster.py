"""Messages of the roster import and export (花名册导入导出)."""

ZH: dict[str, str] = {
    "error.roster.no_header": "找不到表头：前十行里没有一行含两个以上认得的列名（如 姓名、房号）。"
    "可用 --map 列名=字段 指定",
    "error.roster.birth": "出生年月看不懂：{value}",
    "error.roster.id_as_number": "身份证号被存成了数字（{value}），末几位可能已丢失："
    "请把该列设为文本后重新导出，不做猜测",
    "error.roster.phone_as_number": "电话被存成了数字（{value}），开头的 0 可能已丢失：请把该列设为文本后重新导出",
    "error.roster.no_room": "没有房号",
    "error.roster.encoding": "文件编码认不出来（应为 UTF-8 或 GBK）",
    "error.roster.suffix": "只能导入 .xlsx 或 .csv 文件：{value}",
    "error.roster.missing": "找不到文件：{path}",
    "error.roster.too_large": "文件太大：{path}",
    "error.roster.not_xlsx": "{path} 不是有效的 Excel（.xlsx）文件",
    "cli.field.birth": "出生年月",
    "cli.field.household_phones": "户电话",
    "cli.field.file": "文件",
    "cli.help.roster_import": "从社区花名册（Excel 或 CSV）导入住户，默认只预览",
    "cli.help.roster_import_description": "从社区花名册导入住户。默认只报告将新建、更新哪些住户和每一行被拒的原因；"
    "加 --apply 才写入（所有有效的行一次写入）。再次导入同一文件不会有改动。",
    "cli.help.roster_file": "花名册文件（.xlsx，或 UTF-8/GBK 编码的 .csv）",
    "cli.help.roster_apply": "写入（默认只预览）",
    "cli.help.roster_map": "指定列：列名=字段，如 家庭住址=room（字段：name、relation、sex、birth、id_number、phone、"
    "building、unit、floor、room、residency、tags、emergency、household_phones、notes）",
    "cli.help.roster_export": "把住户导出为花名册（.xlsx 或 .csv），表头与导入一致",
    "cli.help.roster_out": "输出文件，以 .xlsx 或 .csv 结尾",
    "cli.error.roster_map": "--map 的格式是 列名=字段：{value}（字段：{fields}）",
    "cli.roster.create": "新建  {room}  {head}（{people} 人）",
    "cli.roster.update": "更新  {room}  {head}（{people} 人）",
    "cli.roster.col.row": "行",
    "cli.roster.col.field": "栏目",
    "cli.roster.col.reason": "原因",
    "cli.roster.dry_run": "预览：读到 {people} 人；将新建 {creates} 户、更新 {updates} 户，{unchanged} 户无变化，"
    "{rejected} 行被拒。确认无误后加 --apply 写入",
    "cli.roster.applied": "已写入：读到 {people} 人；新建 {creates} 户、更新 {updates} 户，{unchanged} 户无变化，"
    "{rejected} 行被拒（未写入）",
    "cli.roster.sheet": "花名册",
    "cli.roster.exported": "已导出 {count} 户：{path}",
}

EN: dict[str, str] = {
    "error.roster.no_header": "No header row: none of the first ten rows names two known columns (e.g. 姓名, 房号). "
    "Use --map COLUMN=FIELD",
    "error.roster.birth": "Birth date not understood: {value}",
    "error.roster.id_as_number": "The ID number was stored as a number ({value}); its last digits may be lost. Set "
    "the column to text and export again; fieldgrid does not guess",
    "error.roster.phone_as_number": "The phone was stored as a number ({value}); a leading 0 may be lost. Set the "
    "column to text and export again",
    "error.roster.no_room": "No room number",
    "error.roster.encoding": "The file's encoding is not recognised (UTF-8 or GBK expected)",
    "error.roster.suffix": "Only .xlsx or .csv files can be imported: {value}",
    "error.roster.missing": "File not found: {path}",
    "error.roster.too_large": "The file is too large: {path}",
    "error.roster.not_xlsx": "{path} is not a valid Excel (.xlsx) file",
    "cli.field.birth": "Birth date",
    "cli.field.household_phones": "Household phone",
    "cli.field.file": "File",
    "cli.help.roster_import": "import households from the community's roster (Excel or CSV); a preview by default",
    "cli.help.roster_import_description": "Import households from the community's roster. By default only reports "
    "what would be created or updated and why each rejected row was rejected; --apply writes (all valid rows in one "
    "write). Importing the same file again changes nothing.",
    "cli.help.roster_file": "roster file (.xlsx, or .csv in UTF-8 or GBK)",
    "cli.help.roster_apply": "write (a preview otherwise)",
    "cli.help.roster_map": "name a column: COLUMN=FIELD, e.g. Address=room (fields: name, relation, sex, birth, "
    "id_number, phone, building, unit, floor, room, residency, tags, emergency, household_phones, notes)",
    "cli.help.roster_export": "export the households as a roster (.xlsx or .csv) with the headers the import reads",
    "cli.help.roster_out": "output file ending in .xlsx or .csv",
    "cli.error.roster_map": "--map takes COLUMN=FIELD: {value} (fields: {fields})",
    "cli.roster.create": "create  {room}  {head} ({people} people)",
    "cli.roster.update": "update  {room}  {head} ({people} people)",
    "cli.roster.col.row": "Row",
    "cli.roster.col.field": "Field",
    "cli.roster.col.reason": "Reason",
    "cli.roster.dry_run": "Preview: {people} people read; would create {creates} and update {updates} households, "
    "{unchanged} unchanged, {rejected} rows rejected. Add --apply to write",
    "cli.roster.applied": "Written: {people} people read; {creates} households created, {updates} updated, "
    "{unchanged} unchanged, {rejected} rows rejected (not written)",
    "cli.roster.sheet": "Roster",
    "cli.roster.exported": "Exported {count} households: {path}",
}
