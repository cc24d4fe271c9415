"""One meeting, one date: a change of the meeting's date, start time or place on the Meeting tab
moves the Timetable's booking (and its invitation), and a date the Timetable refuses is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from tests.builders import add_case, add_directory

NOTIFIED = date(2026, 11, 9)  # a Monday
BOOKED = date(2026, 11, 24)  # a Tuesday
MOVED = date(2026, 11, 26)  # the Thursday


def _booked(session: Session, reference_day: date = BOOKED) -> int:
    add_directory(session)
    case = add_case(session, today=NOTIFIED, notified=NOTIFIED, stage=Stage.MEETING_BOOKED)
    assert case.case_id is not None
    TimetableService(session).book_meeting(
        case.case_id, reference_day, start=time(10), end=time(12), place="Town Hall, Room 1"
    )
    return case.case_id


def test_moving_the_date_on_the_meeting_tab_moves_the_booking(session: Session) -> None:
    case_id = _booked(session)
    meetings = MeetingService(session)
    meeting = meetings.load(case_id)
    assert meeting.held_on == BOOKED

    meetings.save(
        case_id,
        replace(meeting, held_on=MOVED, starts_at=time(14)),
        "Meeting date: 26 November 2026",
    )

    record = TimetableService(session).record(case_id)
    assert record.meeting_date == MOVED
    assert (record.meeting_start, record.meeting_end) == (time(14), time(16))  # two hours still
    assert record.meeting_place == "Town Hall, Room 1"
    assert record.meeting_sequence == 1  # calendars take the move in
    row = TimetableService(session).case_row(case_id, NOTIFIED)
    assert row is not None
    assert row.meeting_date == MOVED
    actions = [e.action for e in session.audit.entries(case_id)]
    assert "Moved the Rapid Review meeting" in actions


def test_a_date_the_timetable_refuses_is_refused_on_the_meeting_tab(session: Session) -> None:
    case_id = _booked(session)
    meetings = MeetingService(session)
    before_notification = replace(meetings.load(case_id), held_on=date(2026, 11, 6))

    with pytest.raises(MeetingError, match="cannot be before the notification"):
        meetings.save(case_id, before_notification, "Meeting date: 6 November 2026")

    assert TimetableService(session).record(case_id).meeting_date == BOOKED
    assert not meetings.is_saved(case_id)


def test_removing_the_date_cancels_the_booking(session: Session) -> None:
    case_id = _booked(session)
    meetings = MeetingService(session)

    meetings.save(case_id, replace(meetings.load(case_id), held_on=None), "Meeting date: removed")

    record = TimetableService(session).record(case_id)
    assert record.meeting_date is None
    assert record.cancelled_date == BOOKED


def test_a_change_of_place_moves_the_booking_too(session: Session) -> None:
    case_id = _booked(session)
    meetings = MeetingService(session)

    meetings.save(case_id, replace(meetings.load(case_id), place="Online"), "Place: Online")

    record = TimetableService(session).record(case_id)
    assert (record.meeting_date, record.meeting_place) == (BOOKED, "Online")
