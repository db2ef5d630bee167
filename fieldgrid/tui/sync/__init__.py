"""The TUI for the exchange with the service station (``s``)."""
