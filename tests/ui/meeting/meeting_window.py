"""The Meeting tab of a decided case in the real main window, for the tests of typing in it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from rrdesk.ui.shell.main_window import MainWindow
from tests.ui.case_tabs import cases_section
from tests.ui.meeting.meeting_cases import decided_case


def decided_meeting_tab_open(
    qtbot: QtBot, context: AppContext
) -> tuple[MainWindow, MeetingWidget, int]:
    """A case decided at its meeting, its Meeting tab open in the main window: the window, the
    tab and the case's id."""
    case_id = decided_case(context.session)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    section = cases_section(window)
    section.open_case(case_id)
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    section.tabs.setCurrentIndex(titles.index("Meeting"))
    tab = section.tabs.currentWidget()
    assert isinstance(tab, MeetingWidget)
    return window, tab, case_id
