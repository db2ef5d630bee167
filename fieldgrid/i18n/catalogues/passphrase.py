"""Messages of the station's passphrase, which encrypts the station's database at rest: the ``passphrase.*``
keys."""

PREFIXES = ("passphrase",)

ZH: dict[str, str] = {
    "passphrase.prompt": "服务站口令：",
    "passphrase.new_prompt": "新的服务站口令（至少 8 个字符）：",
    "passphrase.again_prompt": "再输一次服务站口令：",
    "passphrase.mismatch": "两次输入的口令不一致；什么也没有改动。",
    "passphrase.empty": "口令为空。请输入服务站口令。",
    "passphrase.too_short": "服务站口令太短：至少要 {chars} 个字符。",
    "passphrase.wrong": "服务站口令不对。数据没有改动。再输错 {left} 次后，每次重试都要等待，等待时间逐次加倍。",
    "passphrase.wrong_wait": "服务站口令不对。数据没有改动。{seconds} 秒后才能再试。",
    "passphrase.wait": "服务站口令输错次数过多：请等 {seconds} 秒后再试。",
    "passphrase.waiting": "服务站口令输错次数过多：等待 {seconds} 秒后才能再试…",
    "passphrase.needed": "{home} 中服务站的数据已加密，需要服务站口令才能打开。",
    "passphrase.other_key": "{home} 中服务站的数据是用另一把密钥加密的；什么也没有改动。",
    "passphrase.damaged": "服务站的加密数据已损坏（{where}）：无法解密。数据库保持原样，没有清空也没有覆盖；"
    "请从备份恢复。",
    "passphrase.no_terminal": "需要服务站口令，但没有终端可以提示输入。请在终端里运行，或设置环境变量 {env}。",
    "passphrase.on_argv": "不能在命令行参数里给出口令（{option}）：本机的其他用户能从进程列表看到参数，"
    "shell 也会把它记进历史。请在提示时输入，或用环境变量 FIELDGRID_STATION_PASSPHRASE"
    "（新口令用 FIELDGRID_STATION_NEW_PASSPHRASE）。",
    "passphrase.plaintext": "注意：本服务站的数据没有加密。请运行 fieldgrid station encrypt 用口令加密。",
    "passphrase.already": "{home} 中服务站的数据已经加密；要更换口令请用 fieldgrid station change-passphrase。",
    "passphrase.not_sealed": "{home} 中服务站的数据没有加密；请先运行 fieldgrid station encrypt。",
    "passphrase.encrypted": "服务站的数据已用口令加密：{home}。请记住口令：忘记后数据无法恢复。",
    "passphrase.changed": "服务站口令已更换；旧口令不再有效。",
    "passphrase.demo": "演示服务站的数据用口令 {passphrase} 加密：提示时输入它（命令行里可设 {env}={passphrase}）。",
    "passphrase.help.encrypt": "用口令加密服务站的数据（加密前建立的服务站）",
    "passphrase.help.change": "更换服务站口令（数据不必重新加密）",
    "passphrase.tui.title": "fieldgrid 服务站 · 输入口令",
    "passphrase.tui.text": "服务站的数据已加密。输入服务站口令后按回车打开。",
    "passphrase.tui.placeholder": "服务站口令",
    "passphrase.tui.checking": "正在核对口令…",
    "passphrase.tui.demo_hint": "演示服务站的口令是 {passphrase}。",
}

EN: dict[str, str] = {
    "passphrase.prompt": "Station passphrase: ",
    "passphrase.new_prompt": "New station passphrase (at least 8 characters): ",
    "passphrase.again_prompt": "The station passphrase once more: ",
    "passphrase.mismatch": "The two passphrases typed differ; nothing was changed.",
    "passphrase.empty": "The passphrase is empty. Type the station's passphrase.",
    "passphrase.too_short": "The station passphrase is too short: it needs at least {chars} "
    "{chars:plural:character|characters}.",
    "passphrase.wrong": "Wrong station passphrase. Nothing was changed. After {left} more wrong tries, each try has "
    "to wait, and the wait doubles every time.",
    "passphrase.wrong_wait": "Wrong station passphrase. Nothing was changed. The next try must wait {seconds} s.",
    "passphrase.wait": "Too many wrong station passphrases: wait {seconds} s before trying again.",
    "passphrase.waiting": "Too many wrong station passphrases: waiting {seconds} s before the next try…",
    "passphrase.needed": "The station's data in {home} is encrypted: it needs the station passphrase to open.",
    "passphrase.other_key": "The station's data in {home} is encrypted with another key; nothing was changed.",
    "passphrase.damaged": "The station's encrypted data is damaged ({where}) and cannot be decrypted. The database "
    "was left as it is, neither emptied nor overwritten; restore it from a backup.",
    "passphrase.no_terminal": "The station passphrase is needed, but there is no terminal to ask for it. Run this in "
    "a terminal, or set {env}.",
    "passphrase.on_argv": "A passphrase is never taken from the command line ({option}): every user of this "
    "machine can see a command's arguments in the process list, and the shell keeps them in its history. Type it "
    "when asked, or set FIELDGRID_STATION_PASSPHRASE (FIELDGRID_STATION_NEW_PASSPHRASE for a new one).",
    "passphrase.plaintext": "Note: this station's data is not encrypted. Run fieldgrid station encrypt to encrypt it "
    "with a passphrase.",
    "passphrase.already": "The station's data in {home} is already encrypted; to change the passphrase use "
    "fieldgrid station change-passphrase.",
    "passphrase.not_sealed": "The station's data in {home} is not encrypted; run fieldgrid station encrypt first.",
    "passphrase.encrypted": "The station's data is now encrypted with the passphrase: {home}. Remember it: without "
    "it the data cannot be recovered.",
    "passphrase.changed": "Station passphrase changed; the old one no longer opens the station.",
    "passphrase.demo": "The demo station's data is encrypted with the passphrase {passphrase}: type it when asked "
    "(on the command line you may set {env}={passphrase}).",
    "passphrase.help.encrypt": "Encrypt the station's data with a passphrase (a station made before encryption)",
    "passphrase.help.change": "Change the station passphrase (the data is not encrypted again)",
    "passphrase.tui.title": "fieldgrid station · passphrase",
    "passphrase.tui.text": "The station's data is encrypted. Type the station passphrase and press Enter.",
    "passphrase.tui.placeholder": "Station passphrase",
    "passphrase.tui.checking": "Checking the passphrase…",
    "passphrase.tui.demo_hint": "The demo station's passphrase is {passphrase}.",
}
