"""A scenario pack's extra fields on a form (the visit form for a pack's visit kind, the patrol form for a pack's
checklist): one form field each — text, number, date (明天, +3 … as every date field), a choice or yes/no as a
drop-down — named ``x_CODE``, and what was typed read back into typed values exactly as the command line's
``--field NAME=VALUE`` reads them (:func:`fieldgrid.model.scenario.field_values`).  A value the pack refuses (a
required field left empty, a number that is none) is an error at that field, in the form's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fieldgrid.i18n import get_language, t
from fieldgrid.model import ValidationError, ValidationErrors
from fieldgrid.model.scenario import FormField as PackField
from fieldgrid.model.scenario import ScenarioError, field_values
from fieldgrid.tui.common.field_form import FieldFormScreen, choice_field, date_field, text_field
from fieldgrid.tui.widgets.form_field import FormField

PREFIX = "x_"


def field_name(f: PackField) -> str:
    return PREFIX + f.code


def field_label(f: PackField) -> str:
    name = f.label("en" if get_language() == "en" else "zh")
    return t("tui.scenarios.required_label", label=name) if f.required else name


def _text_of(f: PackField, value: Any) -> str:
    if value is None:
        return ""
    if f.type == "yes_no":
        return "yes" if value else "no"
    return str(value)


def extra_widgets(fields: Sequence[PackField], values: Mapping[str, Any] | None = None) -> Iterable[FormField]:
    """A form field for each of ``fields``, filled from ``values`` (``{code: value}``, as stored)."""
    values = values or {}
    lang = "en" if get_language() == "en" else "zh"
    for f in fields:
        name, shown, old = field_name(f), field_label(f), _text_of(f, values.get(f.code))
        if f.type == "choice":
            widget = choice_field(name, shown, [(c.label(lang), c.code) for c in f.choices], old or None, blank=True)
        elif f.type == "yes_no":
            options = [(t("tui.scenarios.yes"), "yes"), (t("tui.scenarios.no"), "no")]
            widget = choice_field(name, shown, options, old or None, blank=True)
        elif f.type == "date":
            widget = date_field(name, shown, old)
        else:
            widget = text_field(name, shown, old)
        widget.add_class("extra-field")
        yield widget


def extra_values(form: FieldFormScreen[Any], fields: Sequence[PackField]) -> dict[str, Any]:
    """The typed values of ``fields`` as the form holds them; :class:`ValidationErrors` at the fields refused."""
    given: dict[str, str] = {}
    for f in fields:
        text = (form.day(field_name(f)) or "") if f.type == "date" else form.value(field_name(f))
        if text.strip():
            given[f.code] = text
    errors: list[ValidationError] = []
    # one field at a time, so that every field refused says so, each at its place
    for f in fields:
        try:
            field_values({f.code: given[f.code]} if f.code in given else {}, [f])
        except ScenarioError as exc:
            errors.append(field_error(f, exc))
    if errors:
        raise ValidationErrors(errors)
    return field_values(given, fields)


def field_error(f: PackField, exc: ScenarioError) -> ValidationError:
    """The pack's refusal of ``f`` as an error at its field, in words without the code and path."""
    why = exc.key.rsplit(".", 1)[-1]
    name = f.label("en" if get_language() == "en" else "zh")
    return ValidationError(field_name(f), _WHY.get(why, "tui.scenarios.value_text"), field=name)


_WHY = {
    "required": "tui.scenarios.required",
    "value_text": "tui.scenarios.value_text",
    "value_number": "tui.scenarios.value_number",
    "value_date": "tui.scenarios.value_date",
    "value_yes_no": "tui.scenarios.value_yes_no",
    "value_choice": "tui.scenarios.value_choice",
}
