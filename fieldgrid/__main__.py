"""``python -m fieldgrid``: the same as the ``fieldgrid`` command."""

from .cli import main

raise SystemExit(main())
