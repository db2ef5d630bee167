"""Messages of contact cards: the ``cards.*`` keys."""

PREFIXES = ("cards",)

ZH: dict[str, str] = {
    "cards.role": "单元长",
    "cards.greeting": "您好，有事请找我，您留好",
    "cards.board_title": "{grid} 单元长公示牌",
    "cards.board_scan": "扫码保存单元长电话",
    "cards.error.no_font": "找不到能显示中文的字体。请安装 fonts-wqy-microhei 或 fonts-noto-cjk"
    "（sudo apt install fonts-wqy-microhei），或用 --font 指定字体文件",
    "cards.error.font_missing": "字体文件不存在：{path}",
    "cards.error.suffix": "输出文件须以 .pdf 或 .png 结尾：{value}",
    "cards.error.png_one": "PNG 只能放一张卡片；多张请输出 .pdf",
    "cards.error.no_profile": "还没有单元长信息：先用 fieldgrid profile set 设置",
    "cards.written": "已写出 {count} 张卡片：{path}",
}

EN: dict[str, str] = {
    "cards.role": "Unit leader",
    "cards.greeting": "Call me whenever you need",
    "cards.board_title": "{grid}: your unit leader",
    "cards.board_scan": "Scan to save the unit leader's phone",
    "cards.error.no_font": "No font that draws Chinese was found. Install fonts-wqy-microhei or fonts-noto-cjk "
    "(sudo apt install fonts-wqy-microhei), or name a font file with --font",
    "cards.error.font_missing": "Font file not found: {path}",
    "cards.error.suffix": "The output file must end in .pdf or .png: {value}",
    "cards.error.png_one": "A PNG holds one card; write a .pdf for several",
    "cards.error.no_profile": "No leader profile yet: set it with fieldgrid profile set",
    "cards.written": "{count} {count:plural:card|cards} written: {path}",
}
