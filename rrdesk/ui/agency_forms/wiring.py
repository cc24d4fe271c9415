"""The agency forms feature in the main window: a case's Agency forms tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench

if TYPE_CHECKING:
    from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    def agency_forms_tab(case_id: int) -> AgencyFormsWidget:
        from rrdesk.ui.agency_forms.agency_dialogs import AgencyFormsDialogs
        from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget

        return AgencyFormsWidget(
            services.agency_forms,
            case_id,
            seams.messages,
            seams.today,
            seams.runner,
            AgencyFormsDialogs(),
            files=seams.dialogs,
            opener=seams.opener,
        )

    bench.add_case_tab("Agency forms", agency_forms_tab)
