"""Validation errors raised by the model: a message key and parameters, translated by the caller."""

from __future__ import annotations

from typing import NamedTuple

from fieldgrid.errors import FieldgridError


class ValidationError(FieldgridError, ValueError):
    """A value a user entered breaks a rule.

    ``field`` names the form field it belongs to (``"phone"``, ``"members.0.id_number"``), ``key`` is a
    message id in the translation catalogue and ``params`` fill its placeholders.  The model never
    translates: the TUI and CLI pass ``key``/``params`` through :mod:`fieldgrid.i18n`.
    """

    def __init__(self, field: str, key: str, /, **params: object) -> None:
        super().__init__(key, **params)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.key} {self.params}"

    def at(self, prefix: str) -> ValidationError:
        """The same error, with its field placed under ``prefix`` (``members.2``)."""
        return ValidationError(f"{prefix}.{self.field}", self.key, **self.params)


class ValidationErrors(ValueError):
    """Several validation errors at once, so a form can mark every bad field in one go."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def for_field(self, field: str) -> ValidationError | None:
        return next((e for e in self.errors if e.field == field), None)


class Label(NamedTuple):
    """A vocabulary code passed as a message parameter; the translation layer shows its label
    (``Label("status", "escalated")`` → 已上报)."""

    kind: str
    code: str
