"""The decision sheet feature in the main window: a case's Decision sheet tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench

if TYPE_CHECKING:
    from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    def decision_sheet_tab(case_id: int) -> DecisionSheetPanel:
        from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel

        panel = DecisionSheetPanel(
            case_id,
            services.decision_sheets,
            services.sign_off_drafts,
            seams.messages,
            seams.dialogs,
            seams.opener,
            seams.runner,
            seams.today,
            seams.now,
        )
        panel.sign_off_email_saved.connect(
            lambda _version: services.meetings.record_sent_for_sign_off(case_id, seams.today())
        )
        return panel

    bench.add_case_tab("Decision sheet", decision_sheet_tab)
