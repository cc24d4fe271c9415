"""Each case's statutory timetable, joined into one service: the record and its changes
(:mod:`timetable_changes`), the meeting (:mod:`meeting_scheduling`) and the countdown board's rows.

Rows are cached per case and recomputed only when the case, its timetable record, the date, the
calendar or the agency returns change, so the board can refresh often.
"""

from __future__ import annotations

from datetime import date

from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.domain.timetable.scheduling import OpenReview
from rrdesk.domain.timetable.scheduling import overlap_advice as domain_overlap_advice
from rrdesk.services.timetable.board_rows import (
    BoardRow,
    RowKey,
    build_board_row,
)
from rrdesk.services.timetable.meeting_scheduling import MeetingScheduling


class TimetableService(MeetingScheduling):
    """Timetables, meetings and the countdown board for every case."""

    # The board ----------------------------------------------------------------------------

    def board_rows(self, today: date) -> list[BoardRow]:
        """Every open case with a notification date, most urgent first."""
        rows = []
        calendar = self.settings.calendar()
        for summary in self._session.cases.open_summaries():
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
        key = RowKey(case, record, today, calendar, returns)
        cached_row = self._rows.get(case_id)
        if cached_row is not None and cached_row[0].same_as(key):
            return cached_row[1]
        profile = self.settings.profile(case.profile)
        forms_sent = returns.last_sent if returns is not None else None
        timetable = self._timetable(case, record, calendar, forms_sent=forms_sent)
        row = build_board_row(case, record, timetable, profile, today, returns, calendar)
        self._rows[case_id] = (key, row)
        return row

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
