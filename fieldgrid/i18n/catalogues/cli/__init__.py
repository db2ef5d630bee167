"""The command line's messages (``cli.*``), a module per second segment of the key; the rule is in
:mod:`fieldgrid.i18n.catalogues`."""
