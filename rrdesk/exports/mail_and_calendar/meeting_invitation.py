"""A Rapid Review panel meeting as an ``.ics`` calendar invitation (iTIP, RFC 5546).

The event's UID is stable for a case, and SEQUENCE goes up each time the meeting moves or is
cancelled, so a calendar that already has the invitation updates the same event. The meeting is
timed in Europe/London, with the zone's rules in the file, and sent as a request the panel can
accept, from the coordinator as organiser; a cancelled meeting is sent as a cancellation. The
invitation carries the case reference only: never a child's name or pseudonym, nothing about
the incident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from rrdesk.domain.timetable.dates import format_date_with_weekday, format_time

PRODUCT_ID = "-//rrdesk//Rapid Review meeting//EN"
SUBJECT_MARKING = "OFFICIAL-SENSITIVE"
MEETING_ZONE = "Europe/London"


def meeting_uid(token: str) -> str:
    """The event UID for a case's meeting; ``token`` is a random value kept with the case."""
    if not token:
        raise ValueError("A meeting invitation needs the random value kept with its case")
    return f"rapid-review-meeting-{token}@rrdesk.invalid"


@dataclass(frozen=True)
class Invitee:
    """A person on the invitation: the organiser or one of the panel."""

    name: str
    email: str


@dataclass(frozen=True)
class MeetingEvent:
    """Everything the invitation says. ``cancelled`` makes it a cancellation of ``day``."""

    uid: str
    sequence: int
    reference: str
    day: date
    start: time
    end: time
    place: str
    organizer: Invitee
    attendees: tuple[Invitee, ...]
    partnership: str
    cancelled: bool = False


def _address(person: Invitee, *, attendee: bool) -> object:
    import icalendar

    address = icalendar.vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name
    if attendee:
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        address.params["RSVP"] = "TRUE"
        address.params["CUTYPE"] = "INDIVIDUAL"
    return address


def invitation_subject(event: MeetingEvent) -> str:
    """The event's title, which a mail program also uses as the invitation's subject."""
    cancelled = "Cancelled: " if event.cancelled else ""
    return f"{SUBJECT_MARKING}: {cancelled}Rapid Review meeting: {event.reference}"


def _description(event: MeetingEvent) -> str:
    when = (
        f"{format_date_with_weekday(event.day)}, {format_time(event.start)} to "
        f"{format_time(event.end)} (UK time)"
    )
    if event.cancelled:
        return (
            f"CANCELLED: the Rapid Review panel meeting for case {event.reference} on {when} "
            f"will not take place. If it is rearranged, {event.organizer.name} of "
            f"{event.partnership} will send a new invitation."
        )
    return (
        f"Rapid Review panel meeting for case {event.reference} on {when}, at {event.place}, "
        f"arranged by {event.organizer.name} for {event.partnership}. Please accept or decline "
        "so the coordinator knows the meeting will be quorate. The case papers come separately; "
        "nothing about the child is in this invitation."
    )


def meeting_invitation_ics(event: MeetingEvent, *, stamp: datetime) -> bytes:
    """The invitation as ``.ics`` bytes. ``stamp`` is when it was made (aware)."""
    if stamp.tzinfo is None:
        raise ValueError("The time stamp of an invitation must carry its time zone")
    if not event.end > event.start:
        raise ValueError("A meeting must end after it starts")
    import icalendar  # a large library, loaded only when an invitation is made

    zone = ZoneInfo(MEETING_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if event.cancelled else "REQUEST")
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("sequence", event.sequence)
    item.add("dtstamp", stamp)
    item.add("dtstart", datetime.combine(event.day, event.start, tzinfo=zone))
    item.add("dtend", datetime.combine(event.day, event.end, tzinfo=zone))
    item.add("summary", invitation_subject(event))
    item.add("location", event.place)
    item.add("description", _description(event))
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    item.add("organizer", _address(event.organizer, attendee=False))
    for person in event.attendees:
        item.add("attendee", _address(person, attendee=True))
    item.add("class", "CONFIDENTIAL")
    item.add("transp", "OPAQUE")
    calendar.add_component(item)
    calendar.add_missing_timezones(
        first_date=date(event.day.year - 1, 1, 1), last_date=date(event.day.year + 2, 1, 1)
    )
    return bytes(calendar.to_ical())
