"""Reusable widgets: the virtual table, the stairwell grid, the tag filter bar, form fields, the member editor,
the key bar and the title bar.  Import each from its module: this package imports nothing, so a screen pays
only for the widgets it uses."""
