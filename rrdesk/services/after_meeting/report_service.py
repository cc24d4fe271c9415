"""Reports for a chosen period, and the 7-minute learning briefing of a case."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.after_meeting.learning_briefing import build_briefing
from rrdesk.domain.after_meeting.review_reports import (
    PeriodReport,
    ReportCase,
    ReportPeriod,
    build_report,
)
from rrdesk.domain.cases.document_kinds import ExportKind
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.cases.case_records import case_date, load_meeting
from rrdesk.services.store.session import Session


class BriefingError(UserError):
    """The briefing cannot be made yet."""


class ReportService:
    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def calendar(self) -> BankHolidayCalendar:
        return self._session.calendar

    def report_cases(self) -> list[ReportCase]:
        reviews = LocalReviewService(self._session)
        found: list[ReportCase] = []
        for case in self._session.cases.all_cases():
            assert case.case_id is not None
            meeting = load_meeting(self._session, case.case_id)
            used: int | None = None
            if meeting is not None and case.notification_sent is not None:
                sign_off = meeting.sign_off
                used = sign_off.national_panel_working_day
                if used is None and sign_off.national_panel_sent_on is not None:
                    used = self.calendar.working_days_between(
                        case.notification_sent, sign_off.national_panel_sent_on
                    )
            review = reviews.get(case.case_id)
            found.append(
                ReportCase(
                    case_id=case.case_id,
                    reference=case.reference,
                    stage=case.stage,
                    on=case_date(case),
                    working_days_used=used,
                    local_review_commissioned_on=review.commissioned_on if review else None,
                )
            )
        return found

    def report(self, period: ReportPeriod, today: date) -> PeriodReport:
        return build_report(
            period,
            self.report_cases(),
            ThemeService(self._session).log(),
            ActionPlanService(self._session).actions(),
            today,
        )

    def report_pdf(self, period: ReportPeriod, today: date) -> bytes:
        from rrdesk.exports.pdf.review_report import render_report

        taxonomy = ThemeService(self._session).taxonomy()
        return render_report(
            self.report(period, today), self._session.partnership, taxonomy.label_of
        )

    def briefing_pdf(self, case_id: int, *, use_pseudonym: bool) -> bytes:
        """The case's 7-minute briefing, anonymised, kept as an exported version."""
        from rrdesk.exports.pdf.learning_briefing import render_learning_briefing

        session = self._session
        case = find_case(session, case_id)
        meeting = load_meeting(session, case_id)
        if meeting is None:
            raise BriefingError("Record the meeting's learning before making a briefing")
        taxonomy = ThemeService(session).taxonomy()
        briefing = build_briefing(
            case,
            meeting,
            partnership=session.partnership,
            use_pseudonym=use_pseudonym,
            theme_label=taxonomy.label_of,
            people=tuple(member.name for member in session.directory.members()),
        )
        body = render_learning_briefing(briefing)
        with session.db.transaction():
            note = "With the pseudonym" if use_pseudonym else "No names or pseudonym"
            session.documents.add_export(case_id, ExportKind.LEARNING_BRIEFING, body, note)
            session.record(
                "learning", "Made a 7-minute briefing", case_id=case_id, detail={"note": note}
            )
        return body
