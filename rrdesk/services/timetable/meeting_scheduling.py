"""Booking the Rapid Review meeting: the checks on a date, booking, moving and cancelling it,
and its calendar invitation."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, datetime, time

from rrdesk.domain.cases.directory import Member
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.errors import UserError
from rrdesk.domain.meeting.meeting_document import meeting_from_dict, meeting_to_dict
from rrdesk.domain.timetable.dates import format_date_with_weekday, format_time
from rrdesk.domain.timetable.scheduling import MeetingCheck, PlannedMeeting, check_meeting
from rrdesk.exports.mail_and_calendar.meeting_invitation import (
    Invitee,
    MeetingEvent,
    meeting_invitation_ics,
    meeting_uid,
)
from rrdesk.services.timetable.timetable_changes import TimetableChanges, TimetableError
from rrdesk.services.timetable.timetable_record import TimetableRecord, record_from_dict


class SchedulingError(UserError):
    """A meeting date that cannot be booked, with the reasons."""


class MeetingScheduling(TimetableChanges):
    """The timetable records, and the meeting booked in them."""

    def case_reference(self, case_id: int) -> str:
        return self._case(case_id).reference

    def planned_meetings(self) -> list[PlannedMeeting]:
        """Every case's booked meeting."""
        meetings = []
        for summary in self._session.cases.summaries():
            record = self.record(summary.case_id)
            if record.meeting_date is not None and summary.notification_sent is not None:
                meetings.append(
                    PlannedMeeting(
                        summary.reference, record.meeting_date, summary.notification_sent
                    )
                )
        return meetings

    def check_meeting(self, case_id: int, day: date, *, booked: bool = False) -> MeetingCheck:
        """The checks on a meeting for the case on ``day``: proposed, or with ``booked``, the
        meeting already booked."""
        case = self._case(case_id)
        assert case.notification_sent is not None
        return check_meeting(
            PlannedMeeting(case.reference, day, case.notification_sent),
            self.planned_meetings(),
            self.settings.profile(case.profile),
            self.settings.calendar(),
            booked=booked,
        )

    def book_meeting(
        self,
        case_id: int,
        day: date,
        *,
        start: time | None = None,
        end: time | None = None,
        place: str | None = None,
    ) -> MeetingCheck:
        """Book (or move) the meeting, with its time and place when given (``None`` keeps what
        is recorded). Raises :class:`SchedulingError` if the date or times are refused; returns
        the check, whose warnings the screen shows (and should confirm first)."""
        check = self.check_meeting(case_id, day)
        if not check.allowed:
            raise SchedulingError(" ".join(check.refusals))
        case = self._case(case_id)
        record = self.record(case_id)
        updated = replace(
            record,
            meeting_date=day,
            meeting_start=record.meeting_start if start is None else start,
            meeting_end=record.meeting_end if end is None else end,
            meeting_place=record.meeting_place if place is None else " ".join(place.split()),
            cancelled_date=None,
            event_token=record.event_token or secrets.token_hex(12),
        )
        if (
            updated.meeting_start is not None
            and updated.meeting_end is not None
            and updated.meeting_end <= updated.meeting_start
        ):
            raise SchedulingError("The meeting must end after it starts")
        if updated == record:
            return check
        when = _when(updated)
        was_booked = record.meeting_date is not None or record.cancelled_date is not None
        # Every change a calendar must take in (date, time, place, rebooking) raises SEQUENCE.
        updated = replace(updated, meeting_sequence=record.meeting_sequence + int(was_booked))
        with self._session.db.transaction():
            if record.meeting_date is None:
                action = "Rebooked" if was_booked else "Booked"
                self._save(case, updated, f"{action} the Rapid Review meeting", when)
            elif record.meeting_date != day:
                moved = f"From {_when(record)} to {when}"
                self._save(case, updated, "Moved the Rapid Review meeting", moved)
            else:
                action = "Changed the time or place of the Rapid Review meeting"
                self._save(case, updated, action, when)
            self._meeting_record_follows(case_id, updated)
        return check

    def _meeting_record_follows(self, case_id: int, record: TimetableRecord) -> None:
        """The Meeting tab's record, once there is one, takes the date, start time and place
        booked here, so the two tabs show the same meeting (what is not booked here is kept)."""
        body = self._session.documents.get(case_id, DocumentKind.MEETING)
        if body is None or record.meeting_date is None:
            return
        meeting = meeting_from_dict(body)
        followed = meeting.scheduled(
            record.meeting_date,
            record.meeting_start or meeting.starts_at,
            record.meeting_place or meeting.place,
            meeting.online,
        )
        if followed != meeting:
            self._session.documents.put(case_id, DocumentKind.MEETING, meeting_to_dict(followed))

    def follow_meeting_record(
        self, case_id: int, held_on: date | None, starts_at: time | None, place: str
    ) -> None:
        """The Meeting tab changed the meeting's date, start time or place: the booking here
        moves with it (and a date removed there cancels it), so the case has one meeting date.
        A meeting never booked here already reads its date from the Meeting tab. Raises
        :class:`SchedulingError` for a date that cannot be booked."""
        self._case(case_id)
        stored = record_from_dict(self._session.documents.get(case_id, DocumentKind.TIMETABLE))
        if stored.meeting_date is None and stored.cancelled_date is None:
            return
        if held_on is None:
            self.cancel_meeting(case_id)
            return
        place = " ".join(place.split())
        if (held_on, starts_at, place) == (
            stored.meeting_date,
            stored.meeting_start,
            stored.meeting_place,
        ):
            return
        end = None
        if (
            starts_at is not None
            and stored.meeting_start is not None
            and stored.meeting_end is not None
            and starts_at != stored.meeting_start
        ):  # the meeting keeps its length
            length = datetime.combine(held_on, stored.meeting_end) - datetime.combine(
                held_on, stored.meeting_start
            )
            moved_end = datetime.combine(held_on, starts_at) + length
            end = moved_end.time() if moved_end.date() == held_on else time(23, 59)
        self.invalidate(case_id)
        self.book_meeting(case_id, held_on, start=starts_at, end=end, place=place or None)

    def cancel_meeting(self, case_id: int) -> None:
        """Cancel the booked meeting; its cancellation can then be saved as an invitation."""
        case = self._case(case_id)
        record = self.record(case_id)
        if record.meeting_date is None:
            return
        updated = replace(
            record,
            meeting_date=None,
            cancelled_date=record.meeting_date,
            meeting_sequence=record.meeting_sequence + 1,
        )
        self._save(case, updated, "Cancelled the Rapid Review meeting", _when(record))

    def meeting_invitation(self, case_id: int, stamp: datetime) -> bytes:
        """The booked meeting (or the cancellation of a cancelled one) as ``.ics`` bytes, from
        the coordinator to the panel (save them with ``write_exported_file``)."""
        case = self._case(case_id)
        record = self.record(case_id)
        day = record.meeting_date or record.cancelled_date
        if day is None:
            raise TimetableError("Book the meeting date first")
        start, end = record.meeting_start, record.meeting_end
        if (start is None or end is None or not record.meeting_place) and not record.meeting_date:
            raise TimetableError(
                "The cancelled meeting had no time or place, so no invitation for it can have "
                "been sent: there is nothing for calendars to cancel"
            )
        if start is None or end is None or not record.meeting_place:
            raise TimetableError(
                "Enter the meeting's start time, end time and place, then save the invitation: "
                "calendars need them"
            )
        if not record.event_token:  # recorded on the Meeting tab, never booked here
            record = replace(record, event_token=secrets.token_hex(12))
            self._save(case, record, "Gave the meeting its calendar invitation", _when(record))
        members = [m for m in self._session.directory.members() if m.email.strip()]
        organizer = _coordinator(members, self._session.sender_name)
        if organizer is None:
            raise TimetableError(
                "Add the Rapid Review coordinator to the directory, with an email address: "
                "the invitation comes from them, and replies go to them"
            )
        attendees = tuple(
            Invitee(m.name, m.email.strip())
            for m in members
            if m.on_panel and m.email.strip().lower() != organizer.email.lower()
        )
        event = MeetingEvent(
            uid=meeting_uid(record.event_token),
            sequence=record.meeting_sequence,
            reference=case.reference,
            day=day,
            start=start,
            end=end,
            place=record.meeting_place,
            organizer=organizer,
            attendees=attendees,
            partnership=self._session.partnership,
            cancelled=record.meeting_date is None,
        )
        return meeting_invitation_ics(event, stamp=stamp)


def _when(record: TimetableRecord) -> str:
    """``Thursday 26 November 2026, 10am to midday, at Room 4``, as far as it is recorded."""
    day = record.meeting_date or record.cancelled_date
    assert day is not None
    words = format_date_with_weekday(day)
    if record.meeting_start is not None and record.meeting_end is not None:
        words += f", {format_time(record.meeting_start)} to {format_time(record.meeting_end)}"
    if record.meeting_place:
        words += f", at {record.meeting_place}"
    return words


def _coordinator(members: list[Member], actor: str) -> Invitee | None:
    """Who sends the invitation: the person working in the store, if the directory has them,
    or else the partnership's Rapid Review coordinator."""
    named = [m for m in members if m.name.strip() and actor.startswith(m.name.strip())]
    coordinators = [m for m in members if "coordinator" in m.role.lower()]
    found = named or coordinators
    return Invitee(found[0].name, found[0].email.strip()) if found else None
