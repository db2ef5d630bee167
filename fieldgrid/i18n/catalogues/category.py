"""Messages of the labels of the problem categories: the ``category.*`` keys."""

PREFIXES = ("category",)

ZH: dict[str, str] = {
    "category.facility_repair": "设施维修",
    "category.sanitation": "环境卫生",
    "category.noise": "噪音扰民",
    "category.safety_hazard": "安全隐患",
    "category.dispute": "矛盾纠纷",
    "category.property_service": "物业服务",
    "category.livelihood": "民生服务/代办",
    "category.policy_inquiry": "政策咨询",
    "category.other": "其他",
}

EN: dict[str, str] = {
    "category.facility_repair": "Facility repair",
    "category.sanitation": "Sanitation",
    "category.noise": "Noise",
    "category.safety_hazard": "Safety hazard",
    "category.dispute": "Dispute",
    "category.property_service": "Property service",
    "category.livelihood": "Livelihood / errand",
    "category.policy_inquiry": "Policy question",
    "category.other": "Other",
}
