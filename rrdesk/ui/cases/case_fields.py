"""Fields of the case's question pages built the same way each time: a checked free-text box,
and the date a child death review or joint agency response discussed the case."""

from __future__ import annotations

from rrdesk.domain.agency_forms.text_checks import TextChecker
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import FIELD_WIDTHS, DateInput, FormField
from rrdesk.ui.kit.narrative_edit import NarrativeEdit

DISCUSSED = "Date a child death review or joint agency response discussed the case (if one did)"
DATE_PAGES = {"referral": "referral", "discussed": "referral", "threshold": "threshold"}
"""The page each date is asked on; the others are on the dates page."""


def checked_text(checker: TextChecker, name: str, accessible: str) -> CheckedText:
    """A free-text box that reaches documents, checked as the agency forms are."""
    box = CheckedText(NarrativeEdit(checker, object_name=name, accessible=accessible))
    box.setMaximumWidth(FIELD_WIDTHS["QPlainTextEdit"])
    box.edit.setMinimumHeight(140)
    return box


def discussion_date_field() -> FormField:
    """When the child death review panel or a joint agency response discussed the case: some
    partnerships ask for the referral within a week of it (Tower Hamlets, line 125)."""
    return FormField(
        DISCUSSED,
        DateInput("discussed_on", DISCUSSED),
        hint="Some partnerships ask for the referral within a week of that discussion.",
    )
