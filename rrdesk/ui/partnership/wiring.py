"""The partnership feature in the main window: the directory, the partnership's settings and
its own forms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench

if TYPE_CHECKING:
    from rrdesk.ui.partnership.directory_widget import DirectoryWidget
    from rrdesk.ui.partnership.partnership_forms_widget import PartnershipFormsWidget
    from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    window = bench.window

    def directory_screen() -> DirectoryWidget:
        from rrdesk.ui.partnership.directory_widget import DirectoryWidget

        return DirectoryWidget(services.directory, seams.messages)

    def settings_screen() -> PartnershipSettingsWidget:
        from rrdesk.services.partnership.contact_details import ContactDetails
        from rrdesk.ui.partnership.briefing_marking_box import BriefingMarkingBox
        from rrdesk.ui.partnership.contact_details_box import ContactDetailsBox
        from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget

        widget = PartnershipSettingsWidget(
            services.signing, seams.messages, seams.dialogs, seams.runner, seams.now
        )
        widget.partnership_renamed.connect(lambda name: window.setWindowTitle(f"rrdesk: {name}"))
        widget.add_box(BriefingMarkingBox(services.reports, seams.messages))
        widget.add_box(ContactDetailsBox(ContactDetails(services.session), seams.messages))
        return widget

    def forms_screen() -> PartnershipFormsWidget:
        from rrdesk.ui.partnership.partnership_forms_widget import PartnershipFormsWidget

        return PartnershipFormsWidget(services.partnership_forms, seams.messages, seams.dialogs)

    bench.add_section("directory", "Directory", directory_screen)
    bench.add_section("settings", "Partnership settings", settings_screen)
    bench.add_section("forms", "Partnership forms", forms_screen)
