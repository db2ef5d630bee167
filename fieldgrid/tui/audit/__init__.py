"""The disclosure log on screen (``a`` on the map)."""
