"""Reports for a chosen period, and the 7-minute learning briefing of a case."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.after_meeting.action_plan import ActionStatus
from rrdesk.domain.after_meeting.learning_briefing import (
    SHARING_MARKING,
    LearningBriefing,
    build_briefing,
    criminal_process_open,
)
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

BRIEFING_MARKING_SETTING = "briefing_marking"


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

    def briefing_marking(self) -> str:
        """The marking of a briefing anonymised for sharing: OFFICIAL unless the partnership
        sets another."""
        return self._session.settings.get(BRIEFING_MARKING_SETTING) or SHARING_MARKING

    def set_briefing_marking(self, marking: str) -> str:
        clean = " ".join(marking.split()).upper()
        if not clean or len(clean) > 40:
            raise BriefingError("Enter the marking, like OFFICIAL, in 40 characters or fewer")
        session = self._session
        with session.db.transaction():
            session.settings.set(BRIEFING_MARKING_SETTING, clean)
            session.record(
                "learning", "Set the marking of shared briefings", detail={"note": clean}
            )
        return clean

    def criminal_process_open(self, case_id: int) -> bool:
        """Whether a police investigation is open: sharing the briefing needs a tick first."""
        return criminal_process_open(find_case(self._session, case_id))

    def briefing(self, case_id: int, *, use_pseudonym: bool) -> LearningBriefing:
        """The case's 7-minute briefing, anonymised, for the coordinator to review."""
        session = self._session
        case = find_case(session, case_id)
        meeting = load_meeting(session, case_id)
        if meeting is None:
            raise BriefingError("Record the meeting's learning before making a briefing")
        taxonomy = ThemeService(session).taxonomy()
        completed = [
            action.action
            for action in ActionPlanService(session).actions()
            if action.case_id == case_id and action.tracking.status is ActionStatus.COMPLETED
        ]
        sign_off = meeting.sign_off
        return build_briefing(
            case,
            meeting,
            partnership=session.partnership,
            use_pseudonym=use_pseudonym,
            theme_label=taxonomy.label_of,
            people=tuple(member.name for member in session.directory.members()),
            places=tuple(agency.name for agency in session.directory.agencies()),
            completed_actions=completed,
            signed_off=sign_off.all_agreed or sign_off.national_panel_sent_on is not None,
            marking=self.briefing_marking(),
        )

    def briefing_pdf(
        self, case_id: int, *, use_pseudonym: bool, police_checked: bool = False
    ) -> bytes:
        """The case's 7-minute briefing, anonymised, kept as an exported version. With a police
        investigation open it is made only once the coordinator ticks that the police agree."""
        from rrdesk.exports.pdf.learning_briefing import render_learning_briefing

        session = self._session
        briefing = self.briefing(case_id, use_pseudonym=use_pseudonym)
        if briefing.criminal_process_warning and not police_checked:
            raise BriefingError(
                f"{briefing.criminal_process_warning} Tick that you have checked, then save it."
            )
        body = render_learning_briefing(briefing)
        with session.db.transaction():
            note = "With the pseudonym" if use_pseudonym else "No names or pseudonym"
            if briefing.criminal_process_warning:
                note += "; the police agreed to its sharing"
            session.documents.add_export(case_id, ExportKind.LEARNING_BRIEFING, body, note)
            session.record(
                "learning", "Made a 7-minute briefing", case_id=case_id, detail={"note": note}
            )
        return body
