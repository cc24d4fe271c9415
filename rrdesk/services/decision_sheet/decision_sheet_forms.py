"""Load the partnership's decision sheet form from ``forms/decision-sheet.toml``."""

from __future__ import annotations

from rrdesk.domain.decision_sheet.decision_sheet_template import (
    DecisionSheetTemplate,
    DecisionSheetTemplateError,
    parse_decision_sheet_template,
)
from rrdesk.resource_files import form

DECISION_SHEET_FORM = "decision-sheet.toml"


def load_decision_sheet_template(edited: str | None = None) -> DecisionSheetTemplate:
    """The partnership's edited form if it has one (checked when it was given), else the
    shipped form; :class:`DecisionSheetTemplateError` if the shipped form is broken."""
    if edited:
        try:
            return parse_decision_sheet_template(edited)
        except DecisionSheetTemplateError:
            pass  # checked when given; a newer rrdesk may read it differently: use the standard
    try:
        text = form(DECISION_SHEET_FORM).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DecisionSheetTemplateError(
            f"The decision sheet form could not be read: {error}"
        ) from None
    return parse_decision_sheet_template(text)
