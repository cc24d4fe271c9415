"""A case's timetable record and its changes: extensions, lateness, milestones done.

Each change is one transaction with an audit entry. Records are cached per case until
:meth:`TimetableChanges.invalidate` is called for a change made elsewhere.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date, time

from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.deadlines import Timetable, compute_timetable
from rrdesk.domain.timetable.extensions import (
    Extension,
    Lateness,
    agree_extension,
    effective_deadline,
    record_lateness,
)
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.board_rows import AgencyReturns, BoardRow, RowKey, no_agency_returns
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.services.timetable.timetable_record import (
    TimetableRecord,
    record_from_dict,
    record_to_dict,
)


class TimetableError(UserError):
    """A timetable change that cannot be made, with the reason."""


class TimetableChanges:
    """Each case's timetable record, read once and cached, and the changes made to it."""

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
        self._rows: dict[int, tuple[RowKey, BoardRow]] = {}

    def record(self, case_id: int) -> TimetableRecord:
        """The case's timetable record. A meeting recorded on the Meeting tab but never booked
        here counts as the booked meeting, so the board and the meeting record agree; so do its
        start time and place when none were given here."""
        if case_id not in self._records:
            data = self._session.documents.get(case_id, DocumentKind.TIMETABLE)
            record = record_from_dict(data)
            if record.cancelled_date is None:
                meeting = self._session.documents.get(case_id, DocumentKind.MEETING) or {}
                record = _with_meeting_record(record, meeting)
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
        self,
        case: Case,
        record: TimetableRecord,
        calendar: BankHolidayCalendar | None = None,
        *,
        forms_sent: date | None = None,
    ) -> Timetable:
        """The case's milestones; ``forms_sent`` is the last day an agency check form request
        was sent (a milestone counted from it has no date until then)."""
        assert case.notification_sent is not None
        return compute_timetable(
            self.settings.profile(case.profile),
            calendar or self.settings.calendar(),
            case.notification_sent,
            referral_date=case.referral.referral_date,
            meeting_date=record.meeting_date,
            forms_sent_date=forms_sent,
            discussed_on=case.referral.discussed_on,
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


def booked_meeting_date(session: Session, case_id: int) -> date | None:
    """The case's meeting date as its timetable holds it (booked here, or recorded on the
    Meeting tab), for screens that show it without the timetable service; ``None`` when there
    is none or the timetable was cancelled."""
    record = record_from_dict(session.documents.get(case_id, DocumentKind.TIMETABLE))
    if record.cancelled_date is not None:
        return None
    meeting = session.documents.get(case_id, DocumentKind.MEETING) or {}
    return _with_meeting_record(record, meeting).meeting_date


def _with_meeting_record(record: TimetableRecord, meeting: dict[str, object]) -> TimetableRecord:
    """``record`` with the date, start time and place the Meeting tab has, where it has none."""
    held_on, starts_at, place = (
        meeting.get("held_on"),
        meeting.get("starts_at"),
        meeting.get("place"),
    )
    with contextlib.suppress(ValueError):
        if record.meeting_date is None and isinstance(held_on, str) and held_on:
            record = replace(record, meeting_date=date.fromisoformat(held_on))
        if record.meeting_start is None and isinstance(starts_at, str) and starts_at:
            record = replace(record, meeting_start=time.fromisoformat(starts_at))
    if not record.meeting_place:
        words = place.strip() if isinstance(place, str) else ""
        if not words and meeting.get("online"):
            words = "Online"
        record = replace(record, meeting_place=words)
    return record
