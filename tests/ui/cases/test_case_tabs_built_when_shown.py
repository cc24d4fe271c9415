"""Opening a case builds only its details; each other tab is built the first time it is shown,
from what the store holds then, and kept while the case stays open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.builders import add_case, add_directory, book_meeting


def _open(qtbot: QtBot, context: AppContext, case_id: int) -> CasesSection:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.show_section("cases")
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case_id)
    return section


def _click_tab(qtbot: QtBot, section: CasesSection, title: str) -> None:
    bar = section.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_a_tab_is_built_when_first_shown_and_kept(
    qtbot: QtBot, blank_context: AppContext, today: date
) -> None:
    session = blank_context.session
    add_directory(session)
    case = add_case(session, today=today, notified=date(2026, 11, 16), reference="RR-2026-001")
    assert case.case_id is not None
    section = _open(qtbot, blank_context, case.case_id)
    assert section.findChildren(MeetingWidget) == [], "opening the case built its Meeting tab"
    book_meeting(session, case, date(2026, 11, 27))  # booked after the case was opened
    shown: list[int] = []
    section.tabs.currentChanged.connect(shown.append)

    _click_tab(qtbot, section, "Meeting")

    meeting = section.tabs.currentWidget()
    assert isinstance(meeting, MeetingWidget)
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Meeting"
    assert meeting.details.date_input.value() == date(2026, 11, 27)
    assert shown == [section.tabs.currentIndex()], "the tab changed once"
    _click_tab(qtbot, section, "Case details")
    _click_tab(qtbot, section, "Meeting")
    assert section.tabs.currentWidget() is meeting
    assert section.findChildren(MeetingWidget) == [meeting]
