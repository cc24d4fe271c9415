"""The meeting invitation read as a panel member's calendar shows it: to the panel, marked, when
and where, from the coordinator by name; and its cancellation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import icalendar

from rrdesk.exports.mail_and_calendar.meeting_invitation import (
    Invitee,
    MeetingEvent,
    meeting_invitation_ics,
    meeting_uid,
)

STAMP = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
COORDINATOR = Invitee("Priya Coordinator", "priya.coordinator@northmoor.gov.uk")
PANEL = (
    Invitee("Siân Ŵyn Llŷr", "sian.llyr@northmoor.gov.uk"),
    Invitee("Bryn Rees", "bryn.rees@police.example"),
)
EVENT = MeetingEvent(
    uid=meeting_uid("3f9c"),
    sequence=0,
    reference="RR-2026-004",
    day=date(2026, 11, 26),
    start=time(10, 0),
    end=time(12, 30),
    place="Westbury Town Hall, Room 4",
    organizer=COORDINATOR,
    attendees=PANEL,
    partnership="Northmoor Safeguarding Children Partnership",
)


def _event(data: bytes) -> icalendar.Event:
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return event


def test_the_invitation_says_when_where_and_who_sends_it() -> None:
    event = _event(meeting_invitation_ics(EVENT, stamp=STAMP))

    assert sorted(str(a).removeprefix("mailto:") for a in event["ATTENDEE"]) == sorted(
        p.email for p in PANEL
    )
    assert str(event["ORGANIZER"]).removeprefix("mailto:") == COORDINATOR.email
    assert str(event["SUMMARY"]) == "OFFICIAL-SENSITIVE: Rapid Review meeting: RR-2026-004"
    assert str(event["DESCRIPTION"]) == (
        "Rapid Review panel meeting for case RR-2026-004 on Thursday 26 November 2026, 10am to "
        "12:30pm (UK time), at Westbury Town Hall, Room 4, arranged by Priya Coordinator for "
        "Northmoor Safeguarding Children Partnership. Please accept or decline so the "
        "coordinator knows the meeting will be quorate. The case papers come separately; "
        "nothing about the child is in this invitation."
    )


def test_the_cancellation_says_who_will_send_a_new_one() -> None:
    cancelled = replace(EVENT, sequence=2, cancelled=True)

    event = _event(meeting_invitation_ics(cancelled, stamp=STAMP))

    assert str(event["SUMMARY"]) == (
        "OFFICIAL-SENSITIVE: Cancelled: Rapid Review meeting: RR-2026-004"
    )
    assert str(event["DESCRIPTION"]) == (
        "CANCELLED: the Rapid Review panel meeting for case RR-2026-004 on Thursday 26 November "
        "2026, 10am to 12:30pm (UK time) will not take place. If it is rearranged, Priya "
        "Coordinator of Northmoor Safeguarding Children Partnership will send a new invitation."
    )
