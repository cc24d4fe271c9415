"""The words case documents are stored under never change: older stores must still open."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.domain.cases.document_kinds import DocumentKind, ExportKind

STORED_DOCUMENT_KINDS = {
    "TIMETABLE": "timetable",
    "MEETING": "meeting",
    "AGENCY_REQUESTS": "agency_requests",
    "CHECK_FORM": "check_form",
    "DECISION_SHEET_HISTORY": "decision_sheet_history",
    "DECISION_SHEET_FACTS": "decision_sheet_facts",
    "ACTION_PLAN": "action_plan",
    "LOCAL_REVIEW": "local_review",
    "THRESHOLD_LETTER": "threshold_letter",
    "CASE_THEMES": "case_themes",
    "SUBMISSION_DETAILS": "submission_details",
    "CHECK_FORM_RETURNS": "check_form_returns",
    "CHECK_FORM_PASSWORD": "check_form_password",
}

STORED_EXPORT_KINDS = {
    "DECISION_SHEET": "decision_sheet",
    "THRESHOLD_LETTER": "threshold_letter",
    "LEARNING_BRIEFING": "learning_briefing",
    "PANEL_SUBMISSION": "panel_submission",
    "ACTION_PLAN": "action_plan",
}


def test_each_case_document_kind_keeps_its_stored_word() -> None:
    assert {kind.name: kind.value for kind in DocumentKind} == STORED_DOCUMENT_KINDS


def test_each_export_kind_keeps_its_stored_word() -> None:
    assert {kind.name: kind.value for kind in ExportKind} == STORED_EXPORT_KINDS


def test_a_document_saved_under_a_kind_is_found_under_its_plain_word(session) -> None:  # type: ignore[no-untyped-def]
    with session.db.transaction():
        case = session.cases.add(
            Case(
                reference="RR-2026-001", notification_sent=date(2026, 11, 2), children=(Child("T"),)
            )
        )
        for kind in DocumentKind:
            session.documents.put(case.case_id, kind, {"kept as": kind.name})
        for kind in ExportKind:
            session.documents.add_export(case.case_id, kind, kind.name.encode(), "first")

    for name, word in STORED_DOCUMENT_KINDS.items():
        assert session.documents.get(case.case_id, word) == {"kept as": name}
    for name, word in STORED_EXPORT_KINDS.items():
        [kept] = session.documents.exports(case.case_id, word)
        assert (kept.kind, kept.body) == (word, name.encode())
