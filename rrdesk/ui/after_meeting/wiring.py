"""After the meeting, in the main window: the sections "Action plan", "Themes" and "Reports",
and a case's tabs "Submission", "Local review" and "Letter to referrer". Each screen is built,
and its code loaded, when it is first shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    session = services.session
    messages, today, files = seams.messages, seams.today, seams.dialogs

    def submission(case_id: int) -> QWidget:
        from rrdesk.ui.after_meeting.submission_tab import SubmissionTab

        return SubmissionTab(
            case_id, services.submissions, services.reports, messages, today, files=files
        )

    def local_review(case_id: int) -> QWidget:
        from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab

        return LocalReviewTab(case_id, services.local_reviews, services.cases, messages, today)

    def letter(case_id: int) -> QWidget:
        from rrdesk.ui.after_meeting.threshold_letter_tab import ThresholdLetterTab

        tab = ThresholdLetterTab(
            case_id, services.threshold_letters, services.cases, messages, today, files=files
        )
        tab.next_steps.set_checker(services.agency_forms.checker(case_id))
        return tab

    def action_plan() -> QWidget:
        from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget
        from rrdesk.ui.kit.narrative_edit import NarrativeEdit

        widget = ActionPlanWidget(
            services.action_plan,
            services.cases,
            services.directory,
            messages,
            today,
            partnership=session.partnership,
            files=files,
        )
        checker = services.agency_forms.general_checker()  # the partnership's word lists
        for box in widget.findChildren(NarrativeEdit):
            box.set_checker(checker)
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
