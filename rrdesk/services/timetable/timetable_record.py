"""What the coordinator records about a case's timetable, kept as the case document "timetable".

The dates themselves are computed, never typed; this holds only what people decide: the meeting
date booked, extensions agreed with the National Panel, why a decision was late, and which
milestones are done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from rrdesk.domain.timetable.dates import parse_iso_date
from rrdesk.domain.timetable.extensions import Extension, Lateness


@dataclass(frozen=True)
class TimetableRecord:
    """``meeting_sequence`` counts changes to the meeting (for the invitation); ``event_token``
    keeps the invitation's UID the same for the life of the case. ``cancelled_date`` is the date
    of a meeting cancelled and not yet rebooked, so its cancellation can be sent."""

    meeting_date: date | None = None
    meeting_sequence: int = 0
    event_token: str = ""
    meeting_start: time | None = None
    meeting_end: time | None = None
    meeting_place: str = ""
    cancelled_date: date | None = None
    extensions: tuple[Extension, ...] = ()
    lateness: Lateness | None = None
    done: frozenset[str] = frozenset()


def _day(value: object) -> date | None:
    return parse_iso_date(str(value)) if value else None


def _time(value: object) -> time | None:
    return time.fromisoformat(str(value)) if value else None


def record_from_dict(data: dict[str, Any] | None) -> TimetableRecord:
    if not data:
        return TimetableRecord()
    extensions = tuple(
        Extension(
            agreed_on=parse_iso_date(str(item["agreed_on"])),
            new_deadline=parse_iso_date(str(item["new_deadline"])),
            reason=str(item["reason"]),
        )
        for item in data.get("extensions", [])
    )
    late = data.get("lateness")
    lateness = (
        Lateness(
            sent_on=parse_iso_date(str(late["sent_on"])),
            deadline=parse_iso_date(str(late["deadline"])),
            working_days_late=int(late["working_days_late"]),
            reason=str(late["reason"]),
        )
        if late
        else None
    )
    return TimetableRecord(
        meeting_date=_day(data.get("meeting_date")),
        meeting_sequence=int(data.get("meeting_sequence", 0)),
        event_token=str(data.get("event_token", "")),
        meeting_start=_time(data.get("meeting_start")),
        meeting_end=_time(data.get("meeting_end")),
        meeting_place=str(data.get("meeting_place") or ""),
        cancelled_date=_day(data.get("cancelled_date")),
        extensions=extensions,
        lateness=lateness,
        done=frozenset(str(key) for key in data.get("done", [])),
    )


def record_to_dict(record: TimetableRecord) -> dict[str, Any]:
    late = record.lateness
    return {
        "meeting_date": record.meeting_date.isoformat() if record.meeting_date else None,
        "meeting_sequence": record.meeting_sequence,
        "event_token": record.event_token,
        "meeting_start": record.meeting_start.isoformat("minutes")
        if record.meeting_start
        else None,
        "meeting_end": record.meeting_end.isoformat("minutes") if record.meeting_end else None,
        "meeting_place": record.meeting_place,
        "cancelled_date": record.cancelled_date.isoformat() if record.cancelled_date else None,
        "extensions": [
            {
                "agreed_on": item.agreed_on.isoformat(),
                "new_deadline": item.new_deadline.isoformat(),
                "reason": item.reason,
            }
            for item in record.extensions
        ],
        "lateness": None
        if late is None
        else {
            "sent_on": late.sent_on.isoformat(),
            "deadline": late.deadline.isoformat(),
            "working_days_late": late.working_days_late,
            "reason": late.reason,
        },
        "done": sorted(record.done),
    }
