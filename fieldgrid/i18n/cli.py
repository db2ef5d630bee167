"""Messages of the command line."""

ZH: dict[str, str] = {}

EN: dict[str, str] = {}
