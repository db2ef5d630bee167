"""``python -m fieldgrid``: the same as the ``fieldgrid`` command."""

from fieldgrid.cli import main

raise SystemExit(main())
