"""The National Panel's response recorded on a case sent to it, and the board's row for it."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.after_meeting.panel_response import PanelAnswer
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.after_meeting.panel_response_service import (
    panel_response_rows,
    record_response,
)
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from tests.services.after_meeting.panel_cases import CALENDAR, sent_case


def test_awaiting_then_asking_for_more_then_answered_on_the_board(session: Session) -> None:
    case_id = sent_case(session)
    (row,) = panel_response_rows(session, date(2026, 12, 8), CALENDAR)
    assert (row.case_id, row.expected_by, row.status) == (
        case_id,
        date(2026, 12, 15),
        ReviewStatus.ON_TRACK,
    )
    (late,) = panel_response_rows(session, date(2026, 12, 16), CALENDAR)
    assert late.status is ReviewStatus.OVERDUE
    assert "chase the National Panel" in late.words

    record_response(session, case_id, date(2026, 12, 10), PanelAnswer.MORE_INFORMATION, "Police")
    (asked,) = panel_response_rows(session, date(2026, 12, 16), CALENDAR)
    assert asked.status is ReviewStatus.DUE_SOON
    assert asked.words == "Asks for more information (10 December 2026): Police"
    assert MeetingService(session).load(case_id).panel_response is not None
    entries = [entry.summary for entry in session.audit.entries(case_id)]
    assert any("The National Panel's response: Asks for more information" in e for e in entries)
