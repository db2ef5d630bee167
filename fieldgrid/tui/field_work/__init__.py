"""The TUI for field work: the stairwell map and dashboard, visits, patrols and the emergency screen."""
