"""The services of one open store, each built the first time it is wanted and then shared.

Every screen of a main window gets its services from one :class:`SessionServices`, so two screens
never hold two copies of the same service, and anything the store's settings change (the bank
holidays in use, say) is seen by all of them at once: the calendar has one owner, the session
(:attr:`~rrdesk.services.store.session.Session.calendar`).

A service's code loads when the service is first wanted, not when the window opens.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store.session import Session

if TYPE_CHECKING:
    from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
    from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
    from rrdesk.services.after_meeting.local_review_service import (
        LocalReviewBoardRow,
        LocalReviewService,
    )
    from rrdesk.services.after_meeting.report_service import ReportService
    from rrdesk.services.after_meeting.submission_service import SubmissionService
    from rrdesk.services.after_meeting.theme_service import ThemeService
    from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
    from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
    from rrdesk.services.agency_forms.word_forms import WordForms
    from rrdesk.services.decision_sheet.decision_sheet_service import DecisionSheetService
    from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
    from rrdesk.services.meeting.meeting_service import MeetingService
    from rrdesk.services.partnership.partnership_forms import PartnershipForms
    from rrdesk.services.partnership.signing_service import SigningService
    from rrdesk.services.timetable.calendar_settings import CalendarSettings
    from rrdesk.services.timetable.timetable_service import TimetableService


class SessionServices:
    """One per open store (and so one per main window)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cases = CaseService(session)
        self.directory = DirectoryService(session)

    @property
    def calendar(self) -> BankHolidayCalendar:
        return self.session.calendar

    def working_day(self, notified: date, today: date) -> int | None:
        """The day of the 15-day clock ``today`` is for a case notified on ``notified``; ``None``
        outside the years the calendar counts."""
        try:
            return max(0, self.calendar.working_days_between(notified, today))
        except ValueError:
            return None

    # The timetable and the board -----------------------------------------------------------

    @cached_property
    def calendar_settings(self) -> CalendarSettings:
        from rrdesk.services.timetable.calendar_settings import CalendarSettings

        return CalendarSettings(self.session)

    @cached_property
    def timetables(self) -> TimetableService:
        from rrdesk.services.agency_forms.agency_returns import returns_count
        from rrdesk.services.timetable.timetable_service import TimetableService

        session = self.session
        return TimetableService(
            session,
            self.calendar_settings,
            agency_returns=lambda case_id: returns_count(session, case_id),
        )

    def timetables_if_built(self) -> TimetableService | None:
        """The timetable service if a screen has wanted it yet (what it keeps about a changed
        case must then be forgotten); otherwise ``None``, and nothing is built."""
        built: TimetableService | None = self.__dict__.get("timetables")
        return built

    def local_review_board_rows(self, today: date) -> list[LocalReviewBoardRow]:
        from rrdesk.services.after_meeting.local_review_service import local_review_board_rows

        return local_review_board_rows(self.session, today)

    # Agency forms, the meeting and the decision sheet ----------------------------------------

    @cached_property
    def agency_forms(self) -> AgencyFormsService:
        from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService

        return AgencyFormsService(self.session, settings=self.calendar_settings)

    @cached_property
    def word_forms(self) -> WordForms:
        """Agency check forms as Word documents: out, back in, and back with comments."""
        from rrdesk.services.agency_forms.word_forms import WordForms

        return WordForms(self.agency_forms)

    @cached_property
    def meetings(self) -> MeetingService:
        from rrdesk.services.meeting.meeting_service import MeetingService

        return MeetingService(self.session)

    @cached_property
    def signing(self) -> SigningService:
        """Loads the PDF and signing libraries, which start-up does not need."""
        from rrdesk.services.partnership.signing_service import SigningService

        return SigningService(self.session)

    @cached_property
    def decision_sheets(self) -> DecisionSheetService:
        from rrdesk.services.decision_sheet.decision_sheet_service import (
            decision_sheet_service_for,
        )

        return decision_sheet_service_for(self.session, meetings=self.meetings)

    @cached_property
    def sign_off_drafts(self) -> SignOffDrafts:
        from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts

        return SignOffDrafts(self.session, self.decision_sheets)

    @cached_property
    def partnership_forms(self) -> PartnershipForms:
        from rrdesk.services.partnership.partnership_forms import PartnershipForms

        return PartnershipForms(self.session)

    # After the meeting ---------------------------------------------------------------------

    @cached_property
    def submissions(self) -> SubmissionService:
        from rrdesk.services.after_meeting.submission_service import SubmissionService

        return SubmissionService(self.session)

    @cached_property
    def reports(self) -> ReportService:
        from rrdesk.services.after_meeting.report_service import ReportService

        return ReportService(self.session)

    @cached_property
    def local_reviews(self) -> LocalReviewService:
        from rrdesk.services.after_meeting.local_review_service import LocalReviewService

        return LocalReviewService(self.session)

    @cached_property
    def threshold_letters(self) -> ThresholdLetterService:
        from rrdesk.services.after_meeting.threshold_letter_service import (
            ThresholdLetterService,
        )

        return ThresholdLetterService(self.session)

    @cached_property
    def action_plan(self) -> ActionPlanService:
        from rrdesk.services.after_meeting.action_plan_service import ActionPlanService

        return ActionPlanService(self.session)

    @cached_property
    def themes(self) -> ThemeService:
        from rrdesk.services.after_meeting.theme_service import ThemeService

        return ThemeService(self.session)
