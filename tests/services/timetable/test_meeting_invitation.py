"""The meeting invitation (.ics), read back with icalendar as a calendar would read it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest

from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_changes import TimetableError
from rrdesk.services.timetable.timetable_service import TimetableService
from tests.builders import PANEL, add_case, add_directory

TODAY = date(2026, 11, 23)  # a Monday
STAMP = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# The builders' panel: Robin Coordinator is the Rapid Review coordinator; Jo Housing is in the
# directory but not on the panel.


def email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@westbury.example"


@pytest.fixture
def case_id(session: Session) -> int:
    add_directory(session, PANEL)
    directory = DirectoryService(session)
    for member in directory.members():
        directory.save_member(replace(member, email=email(member.name)))
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16), reference="RR-2026-001")
    assert case.case_id is not None
    return case.case_id


def read(data: bytes) -> tuple[icalendar.Calendar, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def addresses(event: icalendar.Event, name: str) -> list[str]:
    found = event.get(name)
    values = found if isinstance(found, list) else [found]
    return [str(value).removeprefix("mailto:") for value in values if value is not None]


def book(service: TimetableService, case_id: int, day: date, start: time = time(10, 0)) -> None:
    end = time(start.hour + 2, start.minute + 30)
    service.book_meeting(case_id, day, start=start, end=end, place="Westbury Town Hall, Room 4")


def test_the_invitation_is_a_timed_request_from_the_coordinator_to_the_panel(
    session: Session, case_id: int
) -> None:
    service = TimetableService(session)
    book(service, case_id, date(2026, 11, 26))
    calendar, event = read(service.meeting_invitation(case_id, STAMP))
    assert str(calendar["METHOD"]) == "REQUEST"
    london = [tz for tz in calendar.walk("VTIMEZONE") if str(tz["TZID"]) == "Europe/London"]
    assert london
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert str(start.tzinfo) == "Europe/London"
    assert (start.replace(tzinfo=None), end - start) == (
        datetime(2026, 11, 26, 10, 0),
        timedelta(hours=2, minutes=30),
    )
    assert str(event["LOCATION"]) == "Westbury Town Hall, Room 4"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert addresses(event, "ORGANIZER") == [email("Robin Coordinator")]
    assert event["ORGANIZER"].params["CN"] == "Robin Coordinator"
    assert sorted(addresses(event, "ATTENDEE")) == sorted(
        email(p.name) for p in PANEL if p.on_panel and p.name != "Robin Coordinator"
    )
    assert all(a.params["RSVP"] == "TRUE" for a in event["ATTENDEE"])
    assert "RR-2026-001" in str(event["SUMMARY"])
    text = TimetableService(session).meeting_invitation(case_id, STAMP).decode()
    for private in ("Poppy", "Example-Fictional", "Child P"):
        assert private not in text


def test_a_summer_meeting_is_at_the_same_wall_clock_time_in_british_summer_time(
    session: Session, case_id: int
) -> None:
    case = add_case(session, today=TODAY, notified=date(2027, 6, 1), reference="RR-2027-001")
    assert case.case_id is not None
    service = TimetableService(session)
    book(service, case.case_id, date(2027, 6, 8))
    _, event = read(service.meeting_invitation(case.case_id, STAMP))
    assert event.decoded("DTSTART").astimezone(UTC).hour == 9  # 10am BST


def test_the_uid_stays_and_the_sequence_rises_as_the_meeting_moves_and_is_cancelled(
    session: Session, case_id: int
) -> None:
    service = TimetableService(session)
    book(service, case_id, date(2026, 11, 26))
    first = read(service.meeting_invitation(case_id, STAMP))[1]
    again = read(service.meeting_invitation(case_id, STAMP))[1]
    book(service, case_id, date(2026, 11, 27))
    moved = read(service.meeting_invitation(case_id, STAMP))[1]
    book(service, case_id, date(2026, 11, 27), start=time(14, 0))
    later = read(service.meeting_invitation(case_id, STAMP))[1]
    service.cancel_meeting(case_id)
    calendar, cancelled = read(service.meeting_invitation(case_id, STAMP))
    uids = {str(e["UID"]) for e in (first, again, moved, later, cancelled)}
    assert len(uids) == 1
    assert [e["SEQUENCE"] for e in (first, again, moved, later, cancelled)] == [0, 0, 1, 2, 3]
    assert moved.decoded("DTSTART").date() == date(2026, 11, 27)
    assert later.decoded("DTSTART").hour == 14
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("DTSTART").date() == date(2026, 11, 27)
    assert TimetableService(session).record(case_id).meeting_date is None


def test_meetings_of_different_cases_have_different_uids_even_when_recorded_at_the_meeting(
    session: Session, case_id: int
) -> None:
    """Meetings whose date, time and place were recorded on the Meeting tab, and only their end
    time on the Timetable tab, each get a UID of their own, kept from then on."""
    meetings = MeetingService(session)
    uids = []
    for number, day in ((2, date(2026, 11, 25)), (3, date(2026, 11, 26))):
        case = add_case(
            session,
            today=TODAY,
            notified=date(2026, 11, 16),
            reference=f"RR-2026-00{number}",
        )
        assert case.case_id is not None
        meeting = meetings.load(case.case_id).scheduled(day, time(9, 30), "Room 2", False)
        assert isinstance(meeting, Meeting)
        meetings.save(case.case_id, meeting, "Recorded the meeting")
        service = TimetableService(session)
        service.book_meeting(case.case_id, day, end=time(11, 0))
        event = read(service.meeting_invitation(case.case_id, STAMP))[1]
        again = read(TimetableService(session).meeting_invitation(case.case_id, STAMP))[1]
        assert str(event["UID"]) == str(again["UID"])
        assert str(event["LOCATION"]) == "Room 2"
        assert event.decoded("DTSTART").hour == 9
        uids.append(str(event["UID"]))
    assert len(set(uids)) == 2
    assert all("--" not in uid and "meeting-@" not in uid for uid in uids)


def test_an_invitation_without_a_time_and_place_says_what_to_enter(
    session: Session, case_id: int
) -> None:
    TimetableService(session).book_meeting(case_id, date(2026, 11, 26))
    with pytest.raises(TimetableError, match="start time, end time and place"):
        TimetableService(session).meeting_invitation(case_id, STAMP)
