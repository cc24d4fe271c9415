"""The National Panel's response to a decision: recorded on the meeting record (with an audit
entry), and each case awaiting or holding one as a stage on the countdown board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.after_meeting.panel_response import (
    PanelAnswer,
    PanelResponse,
    record_panel_response,
    response_expected_by,
    response_stage_words,
)
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import meeting_from_dict
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session


def record_response(
    session: Session,
    case_id: int,
    received_on: date,
    answer: PanelAnswer,
    notes: str = "",
    *,
    meeting: Meeting | None = None,
) -> Meeting:
    """Record the Panel's response on the case's meeting record; raises ``PanelResponseError``
    when it cannot be recorded."""
    service = MeetingService(session)
    current = meeting if meeting is not None else service.load(case_id)
    response = record_panel_response(
        current.sign_off.national_panel_sent_on, received_on, answer, notes
    )
    return service.save(
        case_id,
        current.with_panel_response(response),
        f"The National Panel's response: {response.words}",
    )


@dataclass(frozen=True)
class PanelResponseRow:
    """A case sent to the National Panel, on the board: its response, or when one is due."""

    case_id: int
    reference: str
    pseudonyms: str
    sent_on: date
    expected_by: date
    response: PanelResponse | None
    words: str
    status: ReviewStatus


def _status(response: PanelResponse | None, expected_by: date, today: date) -> ReviewStatus:
    if response is None:
        return ReviewStatus.OVERDUE if today > expected_by else ReviewStatus.ON_TRACK
    return ReviewStatus.DUE_SOON if response.needs_action else ReviewStatus.DONE


def panel_response_rows(
    session: Session, today: date, calendar: BankHolidayCalendar
) -> list[PanelResponseRow]:
    """Every case at "Sent to the National Panel", awaiting first and longest-waiting first."""
    rows = []
    for case in session.cases.cases_at({Stage.SENT_TO_NATIONAL_PANEL}):
        if case.case_id is None:
            continue
        body = session.documents.get(case.case_id, DocumentKind.MEETING)
        meeting = meeting_from_dict(body) if body is not None else None
        sent_on = meeting.sign_off.national_panel_sent_on if meeting is not None else None
        if meeting is None or sent_on is None:
            continue
        expected = response_expected_by(sent_on, calendar.add_working_days)
        response = meeting.panel_response
        rows.append(
            PanelResponseRow(
                case.case_id,
                case.reference,
                case.pseudonyms,
                sent_on,
                expected,
                response,
                response_stage_words(sent_on, response, expected, today),
                _status(response, expected, today),
            )
        )
    order = [ReviewStatus.OVERDUE, ReviewStatus.DUE_SOON, ReviewStatus.ON_TRACK, ReviewStatus.DONE]
    return sorted(rows, key=lambda r: (order.index(r.status), r.sent_on, r.reference))
