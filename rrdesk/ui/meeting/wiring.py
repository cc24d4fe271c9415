"""The meeting feature in the main window: a case's Meeting tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Workbench

if TYPE_CHECKING:
    from rrdesk.ui.meeting.meeting_widget import MeetingWidget


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    def meeting_tab(case_id: int) -> MeetingWidget:
        from rrdesk.ui.meeting.meeting_panel import NoteEdit
        from rrdesk.ui.meeting.meeting_widget import MeetingWidget

        widget = MeetingWidget(services.meetings, case_id, seams.today)
        checker = services.agency_forms.checker(case_id)  # the case's own names are not flagged
        for note in widget.findChildren(NoteEdit):
            note.set_checker(checker)
        widget.meeting_saved.connect(lambda _what: bench.events.case_changed.emit(case_id))
        bench.events.case_changed.connect(widget.reload_case)  # the chair's vote panel saves too
        return widget

    bench.add_case_tab("Meeting", meeting_tab)
