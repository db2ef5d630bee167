"""Messages of the PIN screens (at start, the idle lock, setting a PIN): the ``tui.lock.*`` keys."""

PREFIXES = ("tui.lock",)

ZH: dict[str, str] = {
    "tui.lock.title_start": "fieldgrid · 输入 PIN",
    "tui.lock.text_start": "本机数据已加密。输入 PIN 或密码短语后按回车打开。",
    "tui.lock.title_locked": "fieldgrid · 已锁定",
    "tui.lock.text_locked": "长时间没有操作，已自动锁定。输入 PIN 后按回车继续，未保存的内容都还在。",
    "tui.lock.placeholder": "PIN",
    "tui.lock.checking": "正在核对 PIN…",
    "tui.lock.quit": "Ctrl+Q 退出",
    "tui.lock.demo_hint": "演示单元的 PIN 是 {pin}。",
    "tui.lock.set_title": "设置 PIN（建议）",
    "tui.lock.set_text": "设置 PIN 后，本机的花名册（姓名、电话、身份证号）会加密保存，打开时和闲置 {minutes} "
    "分钟后都要输入 PIN。请用至少 6 位数字，或至少 8 个字符的密码短语。忘记 PIN 时可从服务站恢复本单元数据。",
    "tui.lock.set_new": "新 PIN",
    "tui.lock.set_again": "再输一次",
    "tui.lock.set_keys": "回车确认 · Esc 跳过（以后可用 fieldgrid profile set-pin 设置）",
    "tui.lock.sealing": "正在加密数据…",
    "tui.lock.set_done": "已设置 PIN，数据已加密；闲置 {minutes} 分钟后自动锁定。",
    "tui.lock.skip": "跳过",
    "tui.lock.cmd_set": "设置 PIN",
    "tui.lock.cmd_set_help": "用 PIN 加密本机数据，闲置时自动锁定",
}

EN: dict[str, str] = {
    "tui.lock.title_start": "fieldgrid · PIN",
    "tui.lock.text_start": "The data on this device is encrypted. Type the PIN or passphrase and press Enter.",
    "tui.lock.title_locked": "fieldgrid · locked",
    "tui.lock.text_locked": "Locked after a while without use. Type the PIN and press Enter to go on; nothing "
    "unsaved was lost.",
    "tui.lock.placeholder": "PIN",
    "tui.lock.checking": "Checking the PIN…",
    "tui.lock.quit": "Ctrl+Q quits",
    "tui.lock.demo_hint": "The demo unit's PIN is {pin}.",
    "tui.lock.set_title": "Set a PIN (recommended)",
    "tui.lock.set_text": "With a PIN, the roster on this device (names, phones, ID numbers) is stored encrypted, "
    "and the PIN is asked at start and after {minutes} idle {minutes:plural:minute|minutes}. Use at least 6 "
    "digits, or a passphrase of at least 8 characters. A forgotten PIN is recovered from the service station.",
    "tui.lock.set_new": "New PIN",
    "tui.lock.set_again": "Once more",
    "tui.lock.set_keys": "Enter confirms · Esc skips (later: fieldgrid profile set-pin)",
    "tui.lock.sealing": "Encrypting the data…",
    "tui.lock.set_done": "PIN set and data encrypted; locks after {minutes} idle {minutes:plural:minute|minutes}.",
    "tui.lock.skip": "Skip",
    "tui.lock.cmd_set": "Set a PIN",
    "tui.lock.cmd_set_help": "Encrypt the data on this device with a PIN; lock when idle",
}
