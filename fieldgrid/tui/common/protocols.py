"""What the app asks of its screens, as typed protocols instead of ``getattr``/``hasattr`` on names.

A screen takes part by having the member: the map, the list, a household and a problem are *navigable* (the
app's place keys work there); a screen about one household names it (``!`` and ``p`` start from it); a form
knows whether it holds unsaved changes; a screen may give its help a title and an introduction.  Screens the
app did not write (the command palette, Textual's own dialogs) simply have none of these.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.screen import Screen


@runtime_checkable
class Navigable(Protocol):
    """The app's place keys (h, l, P, p, !, s …) work on this screen."""

    NAVIGABLE: bool


@runtime_checkable
class AboutAHousehold(Protocol):
    """A screen showing one household (or with one under the cursor)."""

    @property
    def current_household_id(self) -> str | None: ...


@runtime_checkable
class ShowsProfile(Protocol):
    """A screen that shows the leader's profile and redraws when it changes."""

    def refresh_profile(self) -> None: ...


@runtime_checkable
class HoldsChanges(Protocol):
    """A form that may hold unsaved changes (asked about before quitting)."""

    @property
    def is_dirty(self) -> bool: ...


@runtime_checkable
class Explained(Protocol):
    """A screen whose help has its own title (a catalogue key)."""

    HELP_TITLE: str


@runtime_checkable
class Introduced(Protocol):
    """A screen whose help opens with an introduction (a catalogue key)."""

    HELP_INTRO: str


def is_navigable(screen: Screen[object]) -> bool:
    return isinstance(screen, Navigable) and screen.NAVIGABLE


def household_on(screen: Screen[object]) -> str | None:
    return screen.current_household_id if isinstance(screen, AboutAHousehold) else None


def has_unsaved_changes(screen: Screen[object]) -> bool:
    return isinstance(screen, HoldsChanges) and screen.is_dirty


def help_keys(screen: Screen[object]) -> tuple[str, str]:
    """The catalogue keys of the help's title and introduction ("" for none) for ``screen``."""
    title = screen.HELP_TITLE if isinstance(screen, Explained) else "tui.help.title"
    intro = screen.HELP_INTRO if isinstance(screen, Introduced) else ""
    return title, intro
