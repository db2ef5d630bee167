"""Screens that stay fresh: drawn from the store, redrawn whenever they come back to the top after a write.

The store counts its writes (``Store.generation``, bumped by every one: a visit, a problem, an edit, an import).
A screen that shows stored data mixes in :class:`Fresh`, says how it draws itself (``redraw``) and calls
:meth:`Fresh.drawn` when it has drawn.  When a form, a dialog or another screen closes over it (Textual's
``ScreenResume``), it compares the count with the one it drew at, and the day with the day it drew on (a due
date turns overdue at midnight), and redraws when either moved: whichever screen wrote, this one shows the
present without being reopened, and a screen nothing changed under is not redrawn for nothing.
"""

from __future__ import annotations

import datetime as dt

from fieldgrid.store import Store


class Fresh:
    """Mix into a :class:`~textual.screen.Screen` that has a ``store`` and a ``redraw``."""

    store: Store
    is_current: bool  # Textual's Screen gives it
    _drawn_at: tuple[int, dt.date] | None = None

    def redraw(self) -> None:
        """Draw the screen from the store again (and call :meth:`drawn`)."""
        raise NotImplementedError

    def _now_key(self) -> tuple[int, dt.date]:
        return self.store.generation, self.store.now().date()

    def drawn(self) -> None:
        """Note that the screen now shows the store as it is."""
        self._drawn_at = self._now_key()

    @property
    def is_stale(self) -> bool:
        """Something was written (or the day turned) since the screen was drawn."""
        return self._drawn_at != self._now_key()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, right after mounting: then nothing changed since it drew.
        # A screen that closed itself meanwhile (its household deleted by the dialog's answer) is not redrawn.
        if self._drawn_at is not None and self.is_stale and self.is_current:
            self.redraw()
