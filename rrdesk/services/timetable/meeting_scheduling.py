"""Booking the Rapid Review meeting: the checks on a date, booking, moving and cancelling it,
and its calendar invitation."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, datetime

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date_with_weekday
from rrdesk.domain.timetable.scheduling import MeetingCheck, PlannedMeeting, check_meeting
from rrdesk.exports.mail_and_calendar.meeting_invitation import meeting_invitation_ics, meeting_uid
from rrdesk.services.timetable.timetable_changes import TimetableChanges, TimetableError


class SchedulingError(UserError):
    """A meeting date that cannot be booked, with the reasons."""


class MeetingScheduling(TimetableChanges):
    """The timetable records, and the meeting booked in them."""

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

    def book_meeting(self, case_id: int, day: date) -> MeetingCheck:
        """Book (or move) the meeting. Raises :class:`SchedulingError` if the date is refused;
        returns the check, whose warnings the screen shows (and should confirm first)."""
        check = self.check_meeting(case_id, day)
        if not check.allowed:
            raise SchedulingError(" ".join(check.refusals))
        case = self._case(case_id)
        record = self.record(case_id)
        if record.meeting_date == day:
            return check
        moved = record.meeting_date is not None
        updated = replace(
            record,
            meeting_date=day,
            meeting_sequence=record.meeting_sequence + (1 if moved else 0),
            event_token=record.event_token or secrets.token_hex(12),
        )
        when = format_date_with_weekday(day)
        if moved:
            assert record.meeting_date is not None
            self._save(
                case,
                updated,
                "Moved the Rapid Review meeting",
                f"From {format_date_with_weekday(record.meeting_date)} to {when}",
            )
        else:
            self._save(case, updated, "Booked the Rapid Review meeting", when)
        return check

    def cancel_meeting(self, case_id: int) -> None:
        case = self._case(case_id)
        record = self.record(case_id)
        if record.meeting_date is None:
            return
        updated = replace(record, meeting_date=None, meeting_sequence=record.meeting_sequence + 1)
        self._save(case, updated, "Cancelled the Rapid Review meeting", "")

    def meeting_invitation(self, case_id: int, stamp: datetime) -> bytes:
        """The booked meeting as ``.ics`` bytes (save them with ``write_exported_file``)."""
        case = self._case(case_id)
        record = self.record(case_id)
        if record.meeting_date is None:
            raise TimetableError("Book the meeting date first")
        return meeting_invitation_ics(
            uid=meeting_uid(record.event_token),
            sequence=record.meeting_sequence,
            reference=case.reference,
            meeting_date=record.meeting_date,
            stamp=stamp,
            partnership=self._session.partnership,
        )
