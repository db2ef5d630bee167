"""The PIN in the terminal UI: the screen that asks for it at start and after the idle lock, and the offer to
set one at first run."""
