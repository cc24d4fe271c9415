"""After the meeting, in the main window: the sections "Action plan", "Themes" and "Reports",
and a case's tabs "Submission", "Local review" and "Letter to referrer". Each screen is built,
and its code loaded, when it is first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench

if TYPE_CHECKING:  # the text checks load with the first screen that needs them
    from rrdesk.domain.agency_forms.text_checks import TextChecker


def _check_with(widget: QWidget, checker: TextChecker) -> None:
    """Give the checked text boxes on ``widget`` the checker that knows the case and the
    partnership's own word lists."""
    from rrdesk.ui.kit.narrative_edit import NarrativeEdit

    for box in widget.findChildren(NarrativeEdit):
        box.set_checker(checker)


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    session = services.session
    messages, today, files = seams.messages, seams.today, seams.dialogs

    def submission(case_id: int) -> QWidget:
        from rrdesk.ui.after_meeting.submission_tab import SubmissionTab

        tab = SubmissionTab(
            case_id, services.submissions, services.reports, messages, today, files=files
        )
        _check_with(tab, services.agency_forms.checker(case_id))
        return tab

    def local_review(case_id: int) -> QWidget:
        from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab

        tab = LocalReviewTab(case_id, services.local_reviews, services.cases, messages, today)
        _check_with(tab, services.agency_forms.checker(case_id))
        return tab

    def letter(case_id: int) -> QWidget:
        from rrdesk.ui.after_meeting.threshold_letter_tab import ThresholdLetterTab

        tab = ThresholdLetterTab(
            case_id, services.threshold_letters, services.cases, messages, today, files=files
        )
        _check_with(tab, services.agency_forms.checker(case_id))
        return tab

    def action_plan() -> QWidget:
        from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget

        widget = ActionPlanWidget(
            services.action_plan,
            services.cases,
            services.directory,
            messages,
            today,
            partnership=session.partnership,
            files=files,
        )
        _check_with(widget, services.agency_forms.general_checker())  # the partnership's lists
        return widget

    def themes() -> QWidget:
        from rrdesk.ui.after_meeting.themes_widget import ThemesWidget

        return ThemesWidget(session, messages, today, files=files)

    def reports() -> QWidget:
        from rrdesk.ui.after_meeting.reports_widget import ReportsWidget

        return ReportsWidget(services.reports, services.themes, messages, today, files=files)

    bench.add_case_tab("Submission", submission)
    bench.add_case_tab("Local review", local_review)
    bench.add_case_tab("Letter to referrer", letter)
    bench.add_section("action_plan", "Action plan", action_plan)
    bench.add_section("themes", "Themes", themes)
    bench.add_section("reports", "Reports", reports)
