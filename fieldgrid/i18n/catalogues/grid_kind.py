"""The kinds of micro-grid (``profile set --grid-kind``) and how each draws and addresses its places: the
``grid_kind.*`` keys."""

PREFIXES = ("grid_kind",)

ZH: dict[str, str] = {
    "grid_kind.stairwell": "楼栋单元",
    "grid_kind.village": "林盘院落",
    "grid_kind.shops": "个体工商户",
    "grid_kind.institution": "机关企事业单位",
}

EN: dict[str, str] = {
    "grid_kind.stairwell": "Stairwell",
    "grid_kind.village": "Village (林盘)",
    "grid_kind.shops": "Shops",
    "grid_kind.institution": "Institutions",
}
