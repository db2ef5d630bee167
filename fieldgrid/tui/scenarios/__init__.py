"""The scenario packs installed on this device, shown in the TUI."""
