"""The community service station (服务站): many leaders' bundles merged into one SQLite database, decisions and
notices sent back, the records read back for reports.  No terminal code (textual, rich) and no device store."""
