"""The kinds under which a case's records and exported versions are kept in the store.

Each value is the exact text stored in the ``kind`` column, so it must never change: a store
written by an earlier rrdesk is read by these same words.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """A case's working record, kept as one JSON document (or one per agency for check forms)."""

    TIMETABLE = "timetable"
    MEETING = "meeting"
    AGENCY_REQUESTS = "agency_requests"
    CHECK_FORM = "check_form"
    DECISION_SHEET_HISTORY = "decision_sheet_history"
    DECISION_SHEET_FACTS = "decision_sheet_facts"
    ACTION_PLAN = "action_plan"
    LOCAL_REVIEW = "local_review"
    THRESHOLD_LETTER = "threshold_letter"
    CASE_THEMES = "case_themes"
    SUBMISSION_DETAILS = "submission_details"
    CHECK_FORM_RETURNS = "check_form_returns"
    """Each version of an agency's returned Word form, named after the agency."""
    CHECK_FORM_PASSWORD = "check_form_password"
    """The password of an agency's encrypted Word form, named after the agency."""


class ExportKind(StrEnum):
    """A document made for people outside rrdesk, each version of it kept as it was sent."""

    DECISION_SHEET = "decision_sheet"
    THRESHOLD_LETTER = "threshold_letter"
    LEARNING_BRIEFING = "learning_briefing"
    PANEL_SUBMISSION = "panel_submission"
    ACTION_PLAN = "action_plan"
