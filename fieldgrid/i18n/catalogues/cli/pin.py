"""Messages of the PIN on the command line (prompts, set-pin, change-pin): the ``cli.pin.*`` keys."""

PREFIXES = ("cli.pin",)

ZH: dict[str, str] = {
    "cli.pin.prompt": "PIN：",
    "cli.pin.new_prompt": "新 PIN（至少 6 位数字，或至少 8 个字符的密码短语）：",
    "cli.pin.again_prompt": "再输一次新 PIN：",
    "cli.pin.on_argv": "不能在命令行参数里给出 PIN（{option}）：本机的其他用户能从进程列表看到参数，"
    "shell 也会把它记进历史。请在提示时输入，或用环境变量 FIELDGRID_PIN（新 PIN 用 FIELDGRID_NEW_PIN）。",
    "cli.pin.no_terminal": "需要 PIN，但没有终端可以提示输入。请在终端里运行，或设置环境变量 {env}。",
    "cli.pin.env_without_pin": "设置了 {env}，但 {home} 中的数据没有 PIN（未加密）；什么也没做。"
    "请去掉 {env}，或先用 fieldgrid profile set-pin 设置 PIN。",
    "cli.pin.waiting": "PIN 输错次数过多：等待 {seconds} 秒后才能再试…",
    "cli.pin.already": "{home} 已经设置了 PIN；要更换请用 fieldgrid profile change-pin。",
    "cli.pin.none": "{home} 还没有设置 PIN；请用 fieldgrid profile set-pin 设置。",
    "cli.pin.set": "已设置 PIN，数据已加密保存（{home}，目录仅本人可读）。忘记 PIN 时可从服务站恢复本单元数据。",
    "cli.pin.changed": "已更换 PIN，数据已用新 PIN 重新加密。",
    "cli.pin.lock_minutes": "自动锁定",
    "cli.pin.lock_minutes_value": "闲置 {minutes} 分钟",
    "cli.pin.lock_never": "不自动锁定",
    "cli.pin.status": "PIN 加密",
    "cli.pin.status_on": "已加密",
    "cli.pin.status_off": "未加密（fieldgrid profile set-pin 可设置）",
    "cli.pin.help_lock_minutes": "终端界面闲置多少分钟后锁定（设了 PIN 时；默认 5，0 表示不锁定）",
    "cli.pin.help_set": "设置 PIN：本机数据加密保存",
    "cli.pin.help_set_description": "选一个 PIN（至少 6 位数字）或密码短语（至少 8 个字符），本机数据随即原地加密；"
    "之后打开数据都要输入 PIN（提示时输入，或用环境变量 FIELDGRID_PIN；绝不放在命令参数里）。"
    "新 PIN 在提示时输入两次，或由 FIELDGRID_NEW_PIN 给出。",
    "cli.pin.help_change": "更换 PIN：数据用新 PIN 重新加密",
    "cli.pin.help_change_description": "先输入当前 PIN，再输入两次新 PIN"
    "（或由 FIELDGRID_PIN 和 FIELDGRID_NEW_PIN 给出）；数据随即用新 PIN 重新加密，旧 PIN 不再能打开。",
}

EN: dict[str, str] = {
    "cli.pin.prompt": "PIN: ",
    "cli.pin.new_prompt": "New PIN (at least 6 digits, or a passphrase of at least 8 characters): ",
    "cli.pin.again_prompt": "The new PIN once more: ",
    "cli.pin.on_argv": "A PIN is never taken from the command line ({option}): every user of this machine can "
    "see a command's arguments in the process list, and the shell keeps them in its history. Type it when asked, "
    "or set FIELDGRID_PIN (FIELDGRID_NEW_PIN for a new PIN).",
    "cli.pin.no_terminal": "A PIN is needed but there is no terminal to ask it on. Run this in a terminal, or set "
    "{env}.",
    "cli.pin.env_without_pin": "{env} is set, but the data in {home} has no PIN (it is not encrypted); nothing was "
    "done. Unset {env}, or set a PIN first with fieldgrid profile set-pin.",
    "cli.pin.waiting": "Too many wrong PINs: waiting {seconds} s before the next try…",
    "cli.pin.already": "{home} already has a PIN; change it with fieldgrid profile change-pin.",
    "cli.pin.none": "{home} has no PIN yet; set one with fieldgrid profile set-pin.",
    "cli.pin.set": "PIN set; the data is stored encrypted ({home}, a folder only you can read). A forgotten PIN is "
    "recovered from the service station.",
    "cli.pin.changed": "PIN changed; the data is encrypted again with the new PIN.",
    "cli.pin.lock_minutes": "Automatic lock",
    "cli.pin.lock_minutes_value": "after {minutes} idle {minutes:plural:minute|minutes}",
    "cli.pin.lock_never": "never",
    "cli.pin.status": "PIN encryption",
    "cli.pin.status_on": "on",
    "cli.pin.status_off": "off (fieldgrid profile set-pin sets it)",
    "cli.pin.help_lock_minutes": "minutes without use before the terminal UI locks (with a PIN; default 5, 0: never)",
    "cli.pin.help_set": "set a PIN: the data on this device is stored encrypted",
    "cli.pin.help_set_description": "Choose a PIN (at least 6 digits) or a passphrase (at least 8 characters); "
    "the data on this device is encrypted in place at once, and opening it asks for the PIN from then on (typed "
    "when asked, or in FIELDGRID_PIN; never as an argument). The new PIN is typed twice when asked, or given in "
    "FIELDGRID_NEW_PIN.",
    "cli.pin.help_change": "change the PIN: the data is encrypted again with the new one",
    "cli.pin.help_change_description": "Type the current PIN, then the new one twice (or give them in FIELDGRID_PIN "
    "and FIELDGRID_NEW_PIN); the data is encrypted again with the new PIN, and the old one opens nothing.",
}
