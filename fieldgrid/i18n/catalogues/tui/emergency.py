"""Messages of the emergency screen: the ``tui.emergency.*`` keys."""

PREFIXES = ("tui.emergency",)

ZH: dict[str, str] = {
    "tui.emergency.which": "什么紧急情况？按数字选择：",
    "tui.emergency.key_fire": "火灾",
    "tui.emergency.key_gas": "燃气泄漏",
    "tui.emergency.key_medical": "急病或受伤",
    "tui.emergency.key_violence": "暴力或治安事件",
    "tui.emergency.call": "{what}：先打电话！",
    "tui.emergency.step_call": "拨打 {number}",
    "tui.emergency.step_property": "通知物业",
    "tui.emergency.step_community": "通知社区",
    "tui.emergency.then_record": "处置后按 enter 补填问题记录，esc 关闭",
    "tui.emergency.then_back": "按 enter 或 esc 回到问题登记",
}

EN: dict[str, str] = {
    "tui.emergency.which": "Which emergency? Press its number:",
    "tui.emergency.key_fire": "fire",
    "tui.emergency.key_gas": "gas leak",
    "tui.emergency.key_medical": "illness or injury",
    "tui.emergency.key_violence": "violence or crime",
    "tui.emergency.call": "{what}: call first!",
    "tui.emergency.step_call": "call {number}",
    "tui.emergency.step_property": "notify the property company",
    "tui.emergency.step_community": "notify the community",
    "tui.emergency.then_record": "Afterwards press enter to fill in the record; esc closes",
    "tui.emergency.then_back": "Press enter or esc to go back to the report",
}
