"""Messages of ``fieldgrid profile``: the ``cli.profile.*`` keys."""

PREFIXES = ("cli.profile",)

ZH: dict[str, str] = {
    "cli.profile.none": "还没有设置单元长信息。用 fieldgrid profile set --name … --phone … --community … "
    "--building … --unit … 设置。",
    "cli.profile.created": "已保存单元长信息。",
    "cli.profile.saved": "已更新单元长信息。",
}

EN: dict[str, str] = {
    "cli.profile.none": "No leader profile yet. Set one with fieldgrid profile set --name … --phone … "
    "--community … --building … --unit ….",
    "cli.profile.created": "Leader profile saved.",
    "cli.profile.saved": "Leader profile updated.",
}
