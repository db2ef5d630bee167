"""Messages of notices shown once (the database was moved aside): the ``notice.*`` keys."""

PREFIXES = ("notice",)

ZH: dict[str, str] = {
    "notice.db_moved_aside": "数据库文件无法读取（{reason}），已原样移到 {path} "
    "保存，并新建了空数据库。请勿删除该文件，可联系服务站协助恢复。",
    "notice.retention_applied": "{households} 户已迁出、已故或已注销超过 {days} 天，其 {persons} "
    "人的个人信息已删除，只保留统计数",
}

EN: dict[str, str] = {
    "notice.db_moved_aside": "The database could not be read ({reason}). It was moved, unchanged, to {path} and "
    "a new empty database was started. Keep that file; the service station can help recover it.",
    "notice.retention_applied": "{households} {households:plural:household|households} moved out, deceased or "
    "cancelled more than {days} {days:plural:day|days} ago: the personal data of their {persons} "
    "{persons:plural:person|persons} was erased; only counts are kept",
}
