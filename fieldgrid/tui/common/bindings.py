"""Key bindings in the user's language.

Textual reads ``BINDINGS`` when a class is defined, before the caller has chosen a language, so our
bindings carry catalogue keys (``"tui.key.search"``) as their description and each screen or widget
translates its own copy when it is constructed.  The help screen lists exactly these bindings.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from fieldgrid.i18n import t

PALETTE_ACTIONS = frozenset({"command_palette", "app.command_palette"})
_translated: set[Binding] = set()


def translate_binding(binding: Binding) -> Binding:
    """``binding`` with its catalogue-key description (and tooltip) translated; others unchanged."""
    if binding.action in PALETTE_ACTIONS:
        key = "tui.key.palette"
    elif binding.description.startswith("tui."):
        key = binding.description
    else:
        return binding
    tooltip = t(binding.tooltip) if binding.tooltip.startswith("tui.") else binding.tooltip
    translated = dataclasses.replace(binding, description=t(key), tooltip=tooltip)
    _translated.add(translated)
    return translated


def translate_bindings(node: DOMNode) -> None:
    """Give ``node`` its own copy of its bindings with translated descriptions."""
    original = node._bindings
    translated = BindingsMap()
    translated.key_to_bindings = {
        key: [translate_binding(b) for b in bindings] for key, bindings in original.key_to_bindings.items()
    }
    node._bindings = translated


# Textual's own bindings that can reach the key bar (its widgets' keys, in English in Textual's source), by their
# description → our catalogue key.  Any other Textual binding is left off the key bar: nothing English in Chinese.
TEXTUAL_WORDS: dict[str, str] = {
    "Dismiss menu": "tui.textual.dismiss_menu",  # a Select's open menu: esc
    "Exit the command palette": "tui.textual.exit_palette",
    "Show menu": "tui.textual.show_menu",
    "Focus Next": "tui.textual.focus_next",
    "Focus Previous": "tui.textual.focus_previous",
    "Quit": "tui.textual.quit",
    "Submit": "tui.textual.submit",
    "Press button": "tui.textual.press_button",
    "Toggle": "tui.textual.toggle",
}


def shown_description(binding: Binding) -> str:
    """What the key bar says a binding does: ours as translated, Textual's own in our words, or ``""`` (not
    shown) for a Textual text we have no words for."""
    if is_ours(binding):
        return binding.description
    key = TEXTUAL_WORDS.get(binding.description)
    return t(key) if key else ""


def is_ours(binding: Binding) -> bool:
    """Whether ``binding`` was translated here (the help screen lists only these)."""
    return binding in _translated
