"""Loads the agency check form: the shipped file, or a partnership's edited copy.

A broken edit is refused with the line and the reason, and the last good form stays in use.
"""

from __future__ import annotations

from functools import cache

from rrdesk.domain.agency_forms.check_form import (
    FormDefinition,
    FormDefinitionError,
    parse_form_definition,
)
from rrdesk.resource_files import form

FORM_FILE = "agency-check-form.toml"


@cache
def shipped_form_definition() -> FormDefinition:
    """The form shipped in ``forms/agency-check-form.toml``."""
    return parse_form_definition(form(FORM_FILE).read_text(encoding="utf-8"))


def load_form_definition(
    override_text: str | None, last_good: FormDefinition | None = None
) -> tuple[FormDefinition, str | None]:
    """The form to use and, when ``override_text`` was refused, why.

    ``override_text`` is a partnership's edited form (``None`` for the shipped one). When it is
    broken, the ``last_good`` form (or else the shipped one) stays in use and the message says
    which line is wrong and why.
    """
    if override_text is None:
        return shipped_form_definition(), None
    try:
        return parse_form_definition(override_text), None
    except FormDefinitionError as error:
        kept = last_good or shipped_form_definition()
        return (
            kept,
            f"The edited agency check form was not used. {str(error).rstrip('.')}. "
            "The last form that worked is still in use.",
        )
