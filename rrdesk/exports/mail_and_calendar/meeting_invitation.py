"""A Rapid Review panel meeting as an ``.ics`` calendar invitation.

The event's UID is stable for a case, and SEQUENCE goes up each time the meeting moves, so a
calendar that already has the invitation updates the same event. The invitation carries the
case reference only: never a child's name or pseudonym, nothing about the incident.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from rrdesk.domain.timetable.dates import format_date_with_weekday

PRODUCT_ID = "-//rrdesk//Rapid Review meeting//EN"


def meeting_uid(token: str) -> str:
    """The event UID for a case's meeting; ``token`` is a random value kept with the case."""
    return f"rapid-review-meeting-{token}@rrdesk.invalid"


def meeting_invitation_ics(
    *,
    uid: str,
    sequence: int,
    reference: str,
    meeting_date: date,
    stamp: datetime,
    partnership: str,
) -> bytes:
    """The invitation as ``.ics`` bytes: an all-day event on ``meeting_date``.

    ``stamp`` is when the invitation was made (aware, UTC); ``sequence`` counts reschedules.
    """
    if stamp.tzinfo is None:
        raise ValueError("The time stamp of an invitation must carry its time zone")
    import icalendar  # a large library, loaded only when an invitation is made

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting_date)
    event.add("dtend", meeting_date + timedelta(days=1))
    event.add("summary", f"Rapid Review meeting: {reference}")
    event.add(
        "description",
        f"Rapid Review panel meeting for case {reference} on "
        f"{format_date_with_weekday(meeting_date)}, arranged by {partnership}. The case papers "
        "are in rrdesk; nothing about the child is in this invitation.",
    )
    event.add("class", "CONFIDENTIAL")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return bytes(calendar.to_ical())
