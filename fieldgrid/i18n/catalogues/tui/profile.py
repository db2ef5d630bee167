"""Messages of the leader's profile form: the ``tui.profile.*`` keys."""

PREFIXES = ("tui.profile",)

ZH: dict[str, str] = {
    "tui.profile.title_first": "首次使用：填写单元长信息",
    "tui.profile.title": "单元长信息",
    "tui.profile.welcome": "欢迎使用 fieldgrid！请先填写您的姓名、电话和所负责的单元，填好后按 Ctrl+S 保存。",
    "tui.profile.name": "单元长姓名",
    "tui.profile.phone": "手机号码",
    "tui.profile.phone_hint": "留给居民的联系电话",
    "tui.profile.street": "街道",
    "tui.profile.community": "社区",
    "tui.profile.compound": "小区/院落",
    "tui.profile.building": "楼栋",
    "tui.profile.unit": "单元",
    "tui.profile.community_code": "社区区划代码",
    "tui.profile.community_code_hint": "选填：12 位统计用区划代码，如 510129001013",
    "tui.profile.extra_tags": "自定义标签",
    "tui.profile.extra_tags_hint": "选填：除常用标签外您需要的标签，用逗号分开",
    "tui.profile.saved": "单元长信息已保存",
    "tui.profile.property_phone": "物业电话",
    "tui.profile.community_phone": "社区电话",
    "tui.profile.duty_phone_hint": "值班电话，紧急时显示；可不填",
}

EN: dict[str, str] = {
    "tui.profile.title_first": "First run: the unit leader's details",
    "tui.profile.title": "Unit leader's details",
    "tui.profile.welcome": "Welcome to fieldgrid! Please enter your name, phone and the unit you look after, "
    "then press Ctrl+S to save.",
    "tui.profile.name": "Your name",
    "tui.profile.phone": "Mobile phone",
    "tui.profile.phone_hint": "The number residents can call you on",
    "tui.profile.street": "Street",
    "tui.profile.community": "Community",
    "tui.profile.compound": "Compound",
    "tui.profile.building": "Building",
    "tui.profile.unit": "Unit",
    "tui.profile.community_code": "Area code",
    "tui.profile.community_code_hint": "Optional: the community's 12-digit statistical code, e.g. 510129001013",
    "tui.profile.extra_tags": "Own tags",
    "tui.profile.extra_tags_hint": "Optional: tags you need beyond the usual ones, separated by commas",
    "tui.profile.saved": "Unit leader's details saved",
    "tui.profile.property_phone": "Property phone",
    "tui.profile.community_phone": "Community phone",
    "tui.profile.duty_phone_hint": "Duty phone, shown in an emergency; optional",
}
