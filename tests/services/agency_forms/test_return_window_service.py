"""Tower Hamlets steps 8 and 10 against a real store: forms sent on day 3 are due on day 11,
after a meeting held by day 10. The request, the board's row and the timetable say so, and the
timetable's return milestone counts from the forms being sent, as the requests do."""

from __future__ import annotations

from datetime import date

from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.agency_returns import returns_count
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from tests.builders import HEALTH, POLICE, add_case, book_meeting, requests_sent

NOTIFIED = date(2026, 11, 2)  # a Monday: day 3 is 5 November, day 10 is 16 November
SENT_ON = date(2026, 11, 5)
TODAY = date(2026, 11, 6)


def _timetables(session: Session) -> TimetableService:
    return TimetableService(session, agency_returns=lambda case_id: returns_count(session, case_id))


def test_tower_hamlets_step_10_forms_sent_on_day_3_are_warned_everywhere(
    session: Session,
) -> None:
    session.settings.set("profile", "tower-hamlets")
    case = add_case(session, today=TODAY, notified=NOTIFIED)
    assert case.case_id is not None
    requests_sent(session, case, [POLICE, HEALTH], sent_on=SENT_ON)

    rows = AgencyFormsService(session).status_rows(case.case_id, TODAY)
    assert [row.request.due_on for row in rows] == [date(2026, 11, 17)] * 2
    assert {row.meeting_warning for row in rows} == {
        "This form is due on 17 November 2026, after 16 November 2026, the latest day for the"
        " meeting. Ask for it by 13 November 2026 so the panel has it."
    }

    board = _timetables(session).case_row(case.case_id, TODAY)
    assert board is not None
    returned = board.timetable.milestone("agency_checks_returned")
    assert (returned.earliest, returned.due) == (date(2026, 11, 12), date(2026, 11, 17))
    assert returned.counted_from_words == "8 working days after the agency check forms were sent"
    assert board.returns_words == "0 of 2 received, 2 due after the meeting"
    assert board.forms_after_meeting_warning is not None
    assert board.forms_after_meeting_warning.startswith(
        "2 agency check forms are due after 16 November 2026, the latest day for the meeting"
    )


def test_forms_due_by_the_booked_meeting_are_not_warned(session: Session) -> None:
    session.settings.set("profile", "tower-hamlets")
    case = add_case(session, today=TODAY, notified=NOTIFIED)
    assert case.case_id is not None
    requests_sent(session, case, [POLICE], sent_on=date(2026, 11, 3))  # due 13 November
    book_meeting(session, case, date(2026, 11, 13))
    rows = AgencyFormsService(session).status_rows(case.case_id, TODAY)
    assert rows[0].meeting_warning is None
    board = _timetables(session).case_row(case.case_id, TODAY)
    assert board is not None
    assert board.forms_after_meeting == 0
    assert board.returns_words == "0 of 1 received"


def test_once_the_meeting_has_passed_the_warning_stops(session: Session) -> None:
    session.settings.set("profile", "tower-hamlets")
    case = add_case(session, today=TODAY, notified=NOTIFIED)
    assert case.case_id is not None
    requests_sent(session, case, [POLICE], sent_on=SENT_ON)
    after = date(2026, 11, 17)
    assert AgencyFormsService(session).status_rows(case.case_id, after)[0].meeting_warning is None
    board = _timetables(session).case_row(case.case_id, after)
    assert board is not None
    assert board.forms_after_meeting_warning is None
