"""Messages of the PIN that encrypts a device's store at rest: the ``pin.*`` keys."""

PREFIXES = ("pin",)

ZH: dict[str, str] = {
    "pin.empty": "PIN 为空。请输入 PIN 或密码短语。",
    "pin.too_short": "PIN 太短：请用至少 {digits} 位数字，或至少 {chars} 个字符的密码短语。",
    "pin.mismatch": "两次输入的 PIN 不一致，PIN 没有设置。",
    "pin.wrong": "PIN 不对。数据没有改动。再输错 {left} 次后，每次重试都要等待，等待时间逐次加倍。",
    "pin.wrong_wait": "PIN 不对。数据没有改动。{seconds} 秒后才能再试；忘记 PIN 请联系服务站恢复本单元数据。",
    "pin.wait": "PIN 输错次数过多：请等 {seconds} 秒后再试。",
    "pin.needed": "{home} 中的数据已用 PIN 加密，需要 PIN 才能打开。",
    "pin.damaged_header": "{path} 是加密的数据库，但文件头已损坏（被截断或改动），无法解密。文件保持原样，没有清"
    "空也没有覆盖。请联系服务站恢复本单元数据。",
    "pin.damaged_body": "{path} 无法解密：文件被截断或改动过，或是用另一把密钥加密的。文件保持原样，没有清空也没"
    "有覆盖。请联系服务站恢复本单元数据。",
    "pin.other_key": "{path} 在打开期间被换成了用另一把密钥加密的文件；文件保持原样，没有写入。",
    "pin.lock_minutes": "自动锁定的分钟数应在 0 到 {max} 之间（0 表示不自动锁定）：{value}",
}

EN: dict[str, str] = {
    "pin.empty": "The PIN is empty. Type a PIN or a passphrase.",
    "pin.too_short": "The PIN is too short: use at least {digits} {digits:plural:digit|digits}, or a passphrase "
    "of at least {chars} {chars:plural:character|characters}.",
    "pin.mismatch": "The two PINs typed differ; no PIN was set.",
    "pin.wrong": "Wrong PIN. Nothing was changed. After {left} more wrong tries, each try has to wait, and the "
    "wait doubles every time.",
    "pin.wrong_wait": "Wrong PIN. Nothing was changed. The next try must wait {seconds} s; a forgotten PIN is "
    "recovered from the service station.",
    "pin.wait": "Too many wrong PINs: wait {seconds} s before trying again.",
    "pin.needed": "The data in {home} is encrypted with a PIN; it opens only with that PIN.",
    "pin.damaged_header": "{path} is an encrypted database whose header is damaged (cut short or altered), so it "
    "cannot be decrypted. It was left as it is: not emptied, not overwritten. Ask the service station to restore "
    "the unit's data.",
    "pin.damaged_body": "{path} cannot be decrypted: it was cut short or altered, or encrypted with another key. "
    "It was left as it is: not emptied, not overwritten. Ask the service station to restore the unit's data.",
    "pin.other_key": "{path} was replaced, while open, by a file encrypted with another key; it was left as it "
    "is and nothing was written.",
    "pin.lock_minutes": "Minutes before the automatic lock must be 0 to {max} (0: never lock): {value}",
}
