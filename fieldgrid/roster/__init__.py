"""The roster (花名册) as a feature: the community's spreadsheet columns (:mod:`.columns`), reading files
(:mod:`.files`), importing into the unit (:mod:`.importing`), exporting back (:mod:`.exporting`), and finding a
household by room, name or pinyin (:mod:`.search`)."""
