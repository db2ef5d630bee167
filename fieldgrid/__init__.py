"""fieldgrid: the offline field terminal for a neighbourhood grid unit leader (单元长)."""

__version__ = "0.1.0"
