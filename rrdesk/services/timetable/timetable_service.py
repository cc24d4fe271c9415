"""Each case's statutory timetable: the meeting date, extensions, lateness, what is done, and the
countdown board's rows.

Rows are cached per case and recomputed only when the case, its timetable record, the date, the
calendar or the agency returns change, so the board can refresh often.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from rrdesk.domain.cases.cases import Case, Stage
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar, OutsideCalendarError
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday
from rrdesk.domain.timetable.deadlines import (
    Milestone,
    Timetable,
    compute_timetable,
    coverage_warning,
)
from rrdesk.domain.timetable.extensions import (
    Extension,
    Lateness,
    agree_extension,
    effective_deadline,
    record_lateness,
)
from rrdesk.domain.timetable.profiles import STATUTORY_DEADLINE_KEY
from rrdesk.domain.timetable.progress import ReviewProgress, ReviewStatus, review_progress
from rrdesk.domain.timetable.scheduling import (
    MeetingCheck,
    OpenReview,
    PlannedMeeting,
    check_meeting,
)
from rrdesk.domain.timetable.scheduling import overlap_advice as domain_overlap_advice
from rrdesk.domain.timetable.timeline import TimelineDay, build_timeline
from rrdesk.exports.mail_and_calendar.meeting_invitation import meeting_invitation_ics, meeting_uid
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.services.timetable.timetable_record import (
    TimetableRecord,
    record_from_dict,
    record_to_dict,
)

AgencyReturns = Callable[[int], tuple[int, int] | None]
"""For a case id: (returns received, requests sent), or ``None`` when no request was sent."""

NO_REQUESTS = "No requests yet"
MEETING_KEY = "rapid_review_meeting"


def no_agency_returns(case_id: int) -> tuple[int, int] | None:
    return None


class SchedulingError(UserError):
    """A meeting date that cannot be booked, with the reasons."""


class TimetableError(UserError):
    """A timetable change that cannot be made, with the reason."""


@dataclass(frozen=True)
class BoardRow:
    """One case on the countdown board (and the case page's timetable)."""

    case_id: int
    reference: str
    pseudonyms: str
    stage: Stage
    timetable: Timetable
    deadline: date
    progress: ReviewProgress
    next_milestone: Milestone | None
    returns: tuple[int, int] | None
    meeting_date: date | None
    timeline: tuple[TimelineDay, ...]
    record: TimetableRecord
    coverage_warning: str | None
    meeting_working_day: int | None = None  # the working day the booked meeting falls on
    meeting_expected_by: int | None = None  # the last working day the process expects it

    @property
    def meeting_late(self) -> bool:
        """Whether the meeting is booked later than the case's process expects."""
        return (
            self.meeting_working_day is not None
            and self.meeting_expected_by is not None
            and self.meeting_working_day > self.meeting_expected_by
        )

    @property
    def status(self) -> ReviewStatus:
        return self.progress.status

    @property
    def day_of_total(self) -> str:
        return self.progress.day_of_total

    @property
    def days_left_words(self) -> str:
        return self.progress.days_left_words

    @property
    def returns_words(self) -> str:
        if self.returns is None:
            return NO_REQUESTS
        received, sent = self.returns
        return f"{received} of {sent}"

    @property
    def next_milestone_words(self) -> str:
        item = self.next_milestone
        if item is None or item.due is None:
            return "None left"
        if item.key == MEETING_KEY and self.meeting_date is not None:
            return f"{item.label}: booked for {format_date(self.meeting_date)}"
        return f"{item.label}: {format_date(item.due)}"

    @property
    def meeting_words(self) -> str:
        """The meeting's day, and why it is late if it is."""
        if self.meeting_date is None or not self.meeting_late:
            return self.meeting_brief
        return (
            f"{format_date_with_weekday(self.meeting_date)}, working day "
            f"{self.meeting_working_day}: later than day {self.meeting_expected_by}, when the "
            "process expects it"
        )

    @property
    def meeting_brief(self) -> str:
        """The meeting's day in one short line (for the projector): ``..., late`` if late."""
        if self.meeting_date is None:
            return "Not booked"
        when = format_date_with_weekday(self.meeting_date)
        return f"{when}, late" if self.meeting_late else when

    @property
    def extended(self) -> bool:
        return bool(self.record.extensions)

    def urgency(self) -> tuple[int, int, date, str]:
        """Sort key: overdue and soonest first, done last."""
        done = self.status is ReviewStatus.DONE
        return (int(done), self.progress.working_days_left, self.deadline, self.reference)


def _working_day_or_none(
    calendar: BankHolidayCalendar, notified: date, day: date | None
) -> int | None:
    if day is None or day < notified:
        return None
    try:
        return calendar.working_days_between(notified, day)
    except OutsideCalendarError:
        return None


OPEN_STAGES = frozenset(stage for stage in Stage if stage.is_open)


@dataclass(frozen=True, slots=True)
class _RowKey:
    """What a cached row was built from; the case and record are compared by identity (each
    change makes a new object), the rest by value."""

    case: Case
    record: TimetableRecord
    today: date
    calendar: BankHolidayCalendar
    returns: tuple[int, int] | None

    def same_as(self, other: _RowKey) -> bool:
        return (
            self.case is other.case
            and self.record is other.record
            and self.today == other.today
            and self.calendar is other.calendar
            and self.returns == other.returns
        )


class TimetableService:
    def __init__(
        self,
        session: Session,
        settings: CalendarSettings | None = None,
        *,
        agency_returns: AgencyReturns = no_agency_returns,
    ) -> None:
        self._session = session
        self.settings = settings or CalendarSettings(session)
        self.agency_returns = agency_returns
        self._records: dict[int, TimetableRecord] = {}
        self._cases: dict[int, tuple[object, Case]] = {}
        self._rows: dict[int, tuple[_RowKey, BoardRow]] = {}

    # Records ------------------------------------------------------------------------------

    def record(self, case_id: int) -> TimetableRecord:
        """The case's timetable record. A meeting recorded on the Meeting tab but never booked
        here counts as the booked meeting, so the board and the meeting record agree."""
        if case_id not in self._records:
            data = self._session.documents.get(case_id, DocumentKind.TIMETABLE)
            record = record_from_dict(data)
            if record.meeting_date is None:
                meeting = self._session.documents.get(case_id, DocumentKind.MEETING) or {}
                held_on = meeting.get("held_on")
                if isinstance(held_on, str) and held_on:
                    with contextlib.suppress(ValueError):
                        record = replace(record, meeting_date=date.fromisoformat(held_on))
            self._records[case_id] = record
        return self._records[case_id]

    def invalidate(self, case_id: int | None = None) -> None:
        """Forget what is cached about one case (or all), after it changed elsewhere."""
        if case_id is None:
            self._records.clear()
            self._cases.clear()
            self._rows.clear()
            return
        self._records.pop(case_id, None)
        self._cases.pop(case_id, None)
        self._rows.pop(case_id, None)

    def _save(self, case: Case, record: TimetableRecord, action: str, note: str) -> None:
        assert case.case_id is not None
        session = self._session
        with session.db.transaction():
            session.documents.put(case.case_id, DocumentKind.TIMETABLE, record_to_dict(record))
            session.record("timetable", action, case_id=case.case_id, detail={"note": note})
        self._records[case.case_id] = record

    def _case(self, case_id: int) -> Case:
        case = find_case(self._session, case_id)
        if case.notification_sent is None:
            raise TimetableError("Enter the date the notification was sent first")
        return case

    def _timetable(
        self, case: Case, record: TimetableRecord, calendar: BankHolidayCalendar | None = None
    ) -> Timetable:
        assert case.notification_sent is not None
        return compute_timetable(
            self.settings.profile(case.profile),
            calendar or self.settings.calendar(),
            case.notification_sent,
            referral_date=case.referral.referral_date,
            meeting_date=record.meeting_date,
        )

    # The meeting --------------------------------------------------------------------------

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

    # Extensions, lateness, milestones done ------------------------------------------------

    def deadline(self, case_id: int) -> date:
        case = self._case(case_id)
        record = self.record(case_id)
        return effective_deadline(self._timetable(case, record).deadline, record.extensions)

    def agree_extension(
        self, case_id: int, new_deadline: date, reason: str, today: date
    ) -> Extension:
        """Record a new deadline agreed with the National Panel (raises ``ExtensionError``)."""
        case = self._case(case_id)
        record = self.record(case_id)
        extension = agree_extension(
            self.deadline(case_id), new_deadline, reason, today, self.settings.calendar()
        )
        self._save(
            case,
            replace(record, extensions=(*record.extensions, extension)),
            "Recorded an extension agreed with the National Panel",
            f"New deadline {format_date(new_deadline)}: {extension.reason}",
        )
        return extension

    def record_lateness(self, case_id: int, sent_on: date, reason: str) -> Lateness | None:
        """Record why the decision was sent late; ``None`` (nothing kept) if it was on time."""
        case = self._case(case_id)
        record = self.record(case_id)
        lateness = record_lateness(
            sent_on, self.deadline(case_id), reason, self.settings.calendar()
        )
        if lateness is None:
            return None
        days = "working day" if lateness.working_days_late == 1 else "working days"
        self._save(
            case,
            replace(record, lateness=lateness),
            "Recorded why the decision was late",
            f"{lateness.working_days_late} {days} late: {lateness.reason}",
        )
        return lateness

    def set_done(self, case_id: int, key: str, done: bool) -> None:
        case = self._case(case_id)
        record = self.record(case_id)
        timetable = self._timetable(case, record)
        label = timetable.milestone(key).label
        if (key in record.done) == done:
            return
        keys = record.done | {key} if done else record.done - {key}
        action = "Marked a milestone done" if done else "Marked a milestone not done"
        self._save(case, replace(record, done=frozenset(keys)), action, label)

    # The board ----------------------------------------------------------------------------

    def board_rows(self, today: date) -> list[BoardRow]:
        """Every open case with a notification date, most urgent first."""
        rows = []
        calendar = self.settings.calendar()
        for summary in self._session.cases.summaries():
            if summary.stage not in OPEN_STAGES or summary.notification_sent is None:
                continue
            rows.append(self._row(summary.case_id, summary, today, calendar))
        rows.sort(key=BoardRow.urgency)
        return rows

    def case_row(self, case_id: int, today: date) -> BoardRow | None:
        """The timetable of one case (open or not); ``None`` without a notification date."""
        case = self._session.cases.get(case_id)
        if case is None or case.notification_sent is None:
            return None
        page = ("page", case)
        self._cases[case_id] = (page, case)
        return self._row(case_id, page, today, self.settings.calendar())

    def _row(
        self, case_id: int, summary: object, today: date, calendar: BankHolidayCalendar
    ) -> BoardRow:
        cached_case = self._cases.get(case_id)
        if cached_case is None or (cached_case[0] is not summary and cached_case[0] != summary):
            case = self._session.cases.get(case_id)
            assert case is not None
            cached_case = (summary, case)
            self._cases[case_id] = cached_case
        case = cached_case[1]
        record = self.record(case_id)
        returns = self.agency_returns(case_id)
        key = _RowKey(case, record, today, calendar, returns)
        cached_row = self._rows.get(case_id)
        if cached_row is not None and cached_row[0].same_as(key):
            return cached_row[1]
        row = self._build_row(case, record, today, returns, calendar)
        self._rows[case_id] = (key, row)
        return row

    def _build_row(
        self,
        case: Case,
        record: TimetableRecord,
        today: date,
        returns: tuple[int, int] | None,
        calendar: BankHolidayCalendar,
    ) -> BoardRow:
        assert case.case_id is not None
        assert case.notification_sent is not None
        profile = self.settings.profile(case.profile)
        timetable = self._timetable(case, record, calendar)
        deadline = effective_deadline(timetable.deadline, record.extensions)
        progress = review_progress(
            case.notification_sent,
            deadline,
            today,
            calendar,
            due_soon_working_days=profile.due_soon_working_days,
            done=STATUTORY_DEADLINE_KEY in record.done,
        )
        return BoardRow(
            case_id=case.case_id,
            reference=case.reference,
            pseudonyms=case.pseudonyms,
            stage=case.stage,
            timetable=timetable,
            deadline=deadline,
            progress=progress,
            next_milestone=timetable.next_milestone(today, record.done),
            returns=returns,
            meeting_date=record.meeting_date,
            timeline=build_timeline(timetable, calendar, today, deadline=deadline),
            record=record,
            coverage_warning=coverage_warning(deadline, calendar),
            meeting_working_day=_working_day_or_none(
                calendar, case.notification_sent, record.meeting_date
            ),
            meeting_expected_by=profile.latest_meeting_working_day,
        )

    def overlap_advice(self, rows: list[BoardRow]) -> str | None:
        """Advice to agree timescales with the National Panel when open reviews overlap."""
        if not rows:
            return None
        # A review still open after its deadline is still being worked on: it runs until today.
        reviews = [
            OpenReview(
                row.reference,
                row.timetable.notification_date,
                max(row.deadline, row.progress.today),
            )
            for row in rows
            if row.status is not ReviewStatus.DONE
        ]
        threshold = self.settings.profile().overlap_advice_at
        return domain_overlap_advice(reviews, threshold)
