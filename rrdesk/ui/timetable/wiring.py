"""The timetable feature in the main window: a case's Timetable tab and the Calendar section."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Lazy, Workbench

if TYPE_CHECKING:
    from rrdesk.ui.timetable.calendar_widget import CalendarWidget
    from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    events = bench.events

    def timetable_tab(case_id: int) -> CaseTimetableWidget:
        from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget

        tab = CaseTimetableWidget(
            case_id,
            services.timetables,
            seams.messages,
            today=seams.today,
            files=seams.dialogs,
            now=lambda: seams.now().astimezone(UTC),
        )
        tab.timetable_changed.connect(events.case_changed)
        return tab

    def calendar_screen() -> CalendarWidget:
        from rrdesk.ui.timetable.calendar_widget import CalendarWidget

        screen = CalendarWidget(
            services.timetables, seams.messages, today=seams.today, files=seams.dialogs
        )
        screen.calendar_changed.connect(events.calendar_changed)
        return screen

    bench.add_case_tab("Timetable", timetable_tab)
    calendar = Lazy(calendar_screen)
    bench.add_section("calendar", "Calendar and process", calendar)
    bench.refresh_when_shown(
        "calendar", lambda: calendar.built.refresh() if calendar.built else None
    )
