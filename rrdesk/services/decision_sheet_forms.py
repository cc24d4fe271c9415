"""Load the partnership's decision sheet form from ``forms/decision-sheet.toml``."""

from __future__ import annotations

from rrdesk.domain.decision_sheet_template import (
    DecisionSheetTemplate,
    DecisionSheetTemplateError,
    parse_decision_sheet_template,
)
from rrdesk.resource_files import form

DECISION_SHEET_FORM = "decision-sheet.toml"


def load_decision_sheet_template() -> DecisionSheetTemplate:
    """The shipped (or partnership-edited) form; :class:`DecisionSheetTemplateError` if broken."""
    try:
        text = form(DECISION_SHEET_FORM).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DecisionSheetTemplateError(
            f"The decision sheet form could not be read: {error}"
        ) from None
    return parse_decision_sheet_template(text)
