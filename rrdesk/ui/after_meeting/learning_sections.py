"""The after-the-meeting screens, for the composition root to add to the main window:
sections "Action plan", "Themes" and "Reports", and the case tabs "Submission",
"Local review" and "Letter to referrer". Each is imported when it is first shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages

if TYPE_CHECKING:
    from rrdesk.ui.shell.main_window import MainWindow

CaseTabFactory = Callable[[int], QWidget]


def learning_case_tabs(
    session: Session,
    messages: Messages,
    today: Callable[[], date],
    *,
    files: FileDialogs | None = None,
) -> list[tuple[str, CaseTabFactory]]:
    """(title, factory) pairs for ``CasesSection(case_tabs=...)``."""

    def submission(case_id: int) -> QWidget:
        from rrdesk.services.after_meeting.report_service import ReportService
        from rrdesk.services.after_meeting.submission_service import SubmissionService
        from rrdesk.ui.after_meeting.submission_tab import SubmissionTab

        return SubmissionTab(
            case_id,
            SubmissionService(session),
            ReportService(session),
            messages,
            today,
            files=files,
        )

    def local_review(case_id: int) -> QWidget:
        from rrdesk.services.after_meeting.local_review_service import LocalReviewService
        from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab

        return LocalReviewTab(
            case_id, LocalReviewService(session), CaseService(session), messages, today
        )

    def letter(case_id: int) -> QWidget:
        from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
        from rrdesk.ui.after_meeting.threshold_letter_tab import ThresholdLetterTab

        return ThresholdLetterTab(
            case_id,
            ThresholdLetterService(session),
            CaseService(session),
            messages,
            today,
            files=files,
        )

    return [
        ("Submission", submission),
        ("Local review", local_review),
        ("Letter to referrer", letter),
    ]


def add_learning_sections(
    window: MainWindow,
    session: Session,
    messages: Messages,
    today: Callable[[], date],
    *,
    files: FileDialogs | None = None,
) -> None:
    """Add "Action plan", "Themes" and "Reports", each built when first shown."""

    def action_plan() -> QWidget:
        from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
        from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget

        return ActionPlanWidget(
            ActionPlanService(session),
            CaseService(session),
            DirectoryService(session),
            messages,
            today,
            partnership=session.partnership,
            files=files,
        )

    def themes() -> QWidget:
        from rrdesk.ui.after_meeting.themes_widget import ThemesWidget

        return ThemesWidget(session, messages, today, files=files)

    def reports() -> QWidget:
        from rrdesk.services.after_meeting.report_service import ReportService
        from rrdesk.services.after_meeting.theme_service import ThemeService
        from rrdesk.ui.after_meeting.reports_widget import ReportsWidget

        return ReportsWidget(
            ReportService(session), ThemeService(session), messages, today, files=files
        )

    window.add_section("action_plan", "Action plan", action_plan)
    window.add_section("themes", "Themes", themes)
    window.add_section("reports", "Reports", reports)
