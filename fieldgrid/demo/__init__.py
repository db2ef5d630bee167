"""The demo: an invented stairwell with three months of field work (:mod:`.unit`, :mod:`.history`), and a
station beside it with the demo device enrolled both ways (:mod:`.station`)."""
