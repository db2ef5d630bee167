"""The terminal UI's messages (``tui.*``), a module per second segment of the key; the rule is in
:mod:`fieldgrid.i18n.catalogues`."""
