"""The meeting's attendance and conflicts as the decision sheet and the screens put them."""

from __future__ import annotations

from dataclasses import dataclass

from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee, holds_vote
from rrdesk.domain.meeting.meeting import Meeting


@dataclass(frozen=True)
class AttendanceSummary:
    """One line per person, in list order, for each heading of the sheet."""

    present: tuple[str, ...]
    apologies: tuple[str, ...]
    absent: tuple[str, ...]
    conflicts: tuple[str, ...]


def _line(meeting: Meeting, attendee: Attendee) -> str:
    parts = [attendee.name, attendee.role, attendee.agency]
    text = ", ".join(p for p in parts if p.strip())
    notes = []
    if attendee.member_id == meeting.chair_id:
        notes.append("chair")
    if attendee.substitute_for is not None:
        notes.append(f"substitute for {meeting.name_of(attendee.substitute_for)}")
    if attendee.present and not holds_vote(attendee, meeting.attendees):
        notes.append("non-voting")
    return f"{text} ({'; '.join(notes)})" if notes else text


def summarise_attendance(meeting: Meeting) -> AttendanceSummary:
    def lines(status: AttendanceStatus) -> tuple[str, ...]:
        return tuple(_line(meeting, a) for a in meeting.attendees if a.status is status)

    conflicts = tuple(
        f"{meeting.name_of(c.member_id)} declared a conflict of interest: {c.note}."
        " They did not vote on this case."
        for c in meeting.conflicts
    )
    return AttendanceSummary(
        present=lines(AttendanceStatus.PRESENT),
        apologies=lines(AttendanceStatus.APOLOGIES),
        absent=lines(AttendanceStatus.ABSENT),
        conflicts=conflicts,
    )
