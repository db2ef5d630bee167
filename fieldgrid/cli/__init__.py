"""The command line, one entry point ``fieldgrid``: the terminal UI, the demo, and scriptable commands
for households and the leader profile.  ``main(argv)`` returns the exit code."""

from fieldgrid.cli.program import main

__all__ = ["main"]
