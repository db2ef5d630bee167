"""Messages of why a record from a bundle was refused: the ``reason.*`` keys (codes of
:mod:`fieldgrid.record.checks`)."""

PREFIXES = ("reason",)

ZH: dict[str, str] = {
    "reason.missing": "缺少此项",
    "reason.not_text": "应为文字",
    "reason.too_long": "文字过长",
    "reason.control_character": "含有控制字符",
    "reason.not_an_id": "编号格式不对",
    "reason.not_a_number": "应为数字",
    "reason.not_boolean": "应为是或否",
    "reason.not_a_time": "不是日期或时间",
    "reason.not_a_list": "应为列表",
    "reason.unknown_value": "不是已知的取值",
    "reason.not_an_object": "格式不对",
    "reason.not_a_stamp": "时间戳格式不对",
    "reason.future_stamp": "时间戳比本机时钟超前一天以上",
    "reason.foreign_stamp": "时间戳来自其他设备",
    "reason.too_deep": "嵌套过深",
    "reason.unknown_table": "未知的记录类型",
}

EN: dict[str, str] = {
    "reason.missing": "missing",
    "reason.not_text": "should be text",
    "reason.too_long": "text too long",
    "reason.control_character": "contains control characters",
    "reason.not_an_id": "not a well-formed id",
    "reason.not_a_number": "should be a number",
    "reason.not_boolean": "should be yes or no",
    "reason.not_a_time": "not a date or time",
    "reason.not_a_list": "should be a list",
    "reason.unknown_value": "not one of the known values",
    "reason.not_an_object": "malformed",
    "reason.not_a_stamp": "not a well-formed clock stamp",
    "reason.future_stamp": "clock stamp more than a day ahead of this machine's clock",
    "reason.foreign_stamp": "clock stamp of another device",
    "reason.too_deep": "nested too deep",
    "reason.unknown_table": "unknown kind of record",
}
