"""Messages of the terminal UI."""

ZH: dict[str, str] = {}

EN: dict[str, str] = {}
