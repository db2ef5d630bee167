"""Messages of the labels of sex: the ``sex.*`` keys."""

PREFIXES = ("sex",)

ZH: dict[str, str] = {
    "sex.M": "男",
    "sex.F": "女",
}

EN: dict[str, str] = {
    "sex.M": "Male",
    "sex.F": "Female",
}
