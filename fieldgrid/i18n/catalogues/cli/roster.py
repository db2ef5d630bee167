"""Messages of ``fieldgrid roster``: the ``cli.roster.*`` keys."""

PREFIXES = ("cli.roster",)

ZH: dict[str, str] = {
    "cli.roster.create": "新建  {room}  {head}（{people} 人）",
    "cli.roster.update": "更新  {room}  {head}（{people} 人）",
    "cli.roster.col.row": "行",
    "cli.roster.col.field": "栏目",
    "cli.roster.col.reason": "原因",
    "cli.roster.dry_run": "预览：读到 {people} 人；将新建 {creates} 户、更新 {updates} 户，{unchanged} "
    "户无变化，{rejected} 行被拒。确认无误后加 --apply 写入",
    "cli.roster.applied": "已写入：读到 {people} 人；新建 {creates} 户、更新 {updates} 户，{unchanged} "
    "户无变化，{rejected} 行被拒（未写入）",
    "cli.roster.sheet": "花名册",
    "cli.roster.exported": "已导出 {count} 户：{path}",
    "cli.roster.masked": "电话和身份证号已打码；需要完整号码时加 --reveal",
    "cli.roster.namesake": "请核实：表中的 {name}（{year} 年生）与 {room} 的 {other} 同名同出生年份，是否同一人？",
}

EN: dict[str, str] = {
    "cli.roster.create": "create  {room}  {head} ({people} {people:plural:person|people})",
    "cli.roster.update": "update  {room}  {head} ({people} {people:plural:person|people})",
    "cli.roster.col.row": "Row",
    "cli.roster.col.field": "Field",
    "cli.roster.col.reason": "Reason",
    "cli.roster.dry_run": "Preview: {people} {people:plural:person|people} read; would create {creates} and "
    "update {updates} {updates:plural:household|households}, {unchanged} unchanged, {rejected} "
    "{rejected:plural:row|rows} rejected. Add --apply to write",
    "cli.roster.applied": "Written: {people} {people:plural:person|people} read; {creates} "
    "{creates:plural:household|households} created, {updates} updated, {unchanged} unchanged, {rejected} "
    "{rejected:plural:row|rows} rejected (not written)",
    "cli.roster.sheet": "Roster",
    "cli.roster.exported": "Exported {count} {count:plural:household|households}: {path}",
    "cli.roster.masked": "Phones and ID numbers are masked; add --reveal for the full numbers",
    "cli.roster.namesake": "Check: {name} (born {year}) in the sheet has the name and birth year of {other} of "
    "{room}: the same person?",
}
