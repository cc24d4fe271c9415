"""The countdown board's rows: one per case, with its timetable, progress and meeting, and
what a cached row was built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts
from rrdesk.domain.cases.cases import Case, Stage
from rrdesk.domain.cases.notification_duty import NotificationGap, notification_gap
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar, OutsideCalendarError
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday
from rrdesk.domain.timetable.deadlines import Milestone, Timetable, coverage_warning
from rrdesk.domain.timetable.extensions import effective_deadline
from rrdesk.domain.timetable.meeting_milestone import (
    MEETING_KEY,
    MeetingMilestone,
    meeting_milestone,
)
from rrdesk.domain.timetable.milestones_done import DoneByTheRecord, done_by_the_record
from rrdesk.domain.timetable.profiles import STATUTORY_DEADLINE_KEY, ProcessProfile
from rrdesk.domain.timetable.progress import ReviewProgress, ReviewStatus, review_progress
from rrdesk.domain.timetable.return_window import (
    forms_after_meeting_warning,
    forms_due_after_meeting,
    latest_meeting_day,
)
from rrdesk.domain.timetable.timeline import TimelineDay, build_timeline
from rrdesk.services.timetable.timetable_record import TimetableRecord

AgencyReturns = Callable[[int], AgencyCounts | None]
"""For a case id: its agencies counted, or ``None`` when none was chosen."""

NO_REQUESTS = "No requests yet"


def no_agency_returns(case_id: int) -> AgencyCounts | None:
    return None


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
    returns: AgencyCounts | None
    meeting_date: date | None
    timeline: tuple[TimelineDay, ...]
    record: TimetableRecord
    coverage_warning: str | None
    meeting_working_day: int | None = None  # the working day the booked meeting falls on
    meeting_expected_by: int | None = None  # the last working day the process expects it
    notification: NotificationGap | None = None  # from the local authority becoming aware
    forms_after_meeting: int = 0  # forms awaited and due after the meeting (or its latest day)
    forms_after_meeting_warning: str | None = None
    done_by_the_record: DoneByTheRecord = field(default_factory=DoneByTheRecord)
    """Milestones the case's stage and forms show done, without a tick, and why."""
    done: frozenset[str] = frozenset()
    """Every milestone done: ticked on the Timetable tab, or shown done by the record."""

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
        late = self.forms_after_meeting
        if late:
            return f"{self.returns.short_words}, {late} due after the meeting"
        return self.returns.short_words

    @property
    def returns_full_words(self) -> str:
        """The returns, and the warning naming each form due after the meeting."""
        if self.forms_after_meeting_warning is None:
            return self.returns_words
        return f"{self.returns_words}. {self.forms_after_meeting_warning}"

    @property
    def next_meeting(self) -> MeetingMilestone | None:
        """The meeting, worded by whether it is booked or held, if it is the next milestone."""
        item = self.next_milestone
        if item is None:
            return None
        return meeting_milestone(item, self.meeting_date, held=MEETING_KEY in self.done)

    @property
    def next_milestone_words(self) -> str:
        item = self.next_milestone
        if item is None or item.due is None:
            return "None left"
        meeting = self.next_meeting
        if meeting is not None:
            return meeting.words()
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
class RowKey:
    """What a cached row was built from; the case and record are compared by identity (each
    change makes a new object), the rest by value."""

    case: Case
    record: TimetableRecord
    today: date
    calendar: BankHolidayCalendar
    returns: AgencyCounts | None

    def same_as(self, other: RowKey) -> bool:
        return (
            self.case is other.case
            and self.record is other.record
            and self.today == other.today
            and self.calendar is other.calendar
            and self.returns == other.returns
        )


def build_board_row(
    case: Case,
    record: TimetableRecord,
    timetable: Timetable,
    profile: ProcessProfile,
    today: date,
    returns: AgencyCounts | None,
    calendar: BankHolidayCalendar,
) -> BoardRow:
    """One case's row, from its timetable (computed with ``calendar``) and its record."""
    assert case.case_id is not None
    assert case.notification_sent is not None
    deadline = effective_deadline(timetable.deadline, record.extensions)
    shown_done = done_by_the_record(case.stage, returns)
    done = record.done | shown_done.keys
    progress = review_progress(
        case.notification_sent,
        deadline,
        today,
        calendar,
        due_soon_working_days=profile.due_soon_working_days,
        done=STATUTORY_DEADLINE_KEY in done,
    )
    awaited = returns.awaited if returns is not None else ()
    latest_meeting = latest_meeting_day(
        case.notification_sent, profile.latest_meeting_working_day, calendar
    )
    late_forms = (
        forms_due_after_meeting(awaited, meeting=record.meeting_date, latest_meeting=latest_meeting)
        if today <= (record.meeting_date or latest_meeting)  # once it is held, too late to ask
        else ()
    )
    return BoardRow(
        case_id=case.case_id,
        reference=case.reference,
        pseudonyms=case.pseudonyms,
        stage=case.stage,
        timetable=timetable,
        deadline=deadline,
        progress=progress,
        next_milestone=timetable.next_milestone(today, done),
        returns=returns,
        meeting_date=record.meeting_date,
        timeline=build_timeline(timetable, calendar, today, deadline=deadline),
        record=record,
        coverage_warning=coverage_warning(deadline, calendar),
        meeting_working_day=_working_day_or_none(
            calendar, case.notification_sent, record.meeting_date
        ),
        meeting_expected_by=profile.latest_meeting_working_day,
        notification=notification_gap(case, calendar),
        forms_after_meeting=len(late_forms),
        forms_after_meeting_warning=forms_after_meeting_warning(
            late_forms,
            meeting=record.meeting_date,
            latest_meeting=latest_meeting,
            calendar=calendar,
        ),
        done_by_the_record=shown_done,
        done=done,
    )
