"""The main window carries the board, the Calendar screen and the projector action."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from rrdesk.app import build_main_window
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_table_model import DAY_COLUMN, MEETING_COLUMN
from rrdesk.ui.board.board_widget import BoardWidget
from rrdesk.ui.cases.cases_section import CasesSection
from tests.fakes import RecordingMessages
from tests.seams import app_context
from tests.ui.board.board_fixtures import Today, add_case


def test_sections_tabs_and_projector_action_are_wired(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    messages = RecordingMessages()
    context = app_context(session, MemorySecretStore(), messages, Today())
    window = build_main_window(context)
    qtbot.addWidget(window)
    board = window.section("board")
    assert isinstance(board, BoardWidget)
    assert board.table.model().index(0, DAY_COLUMN).data() == "Day 5 of 15"
    assert window.section("calendar").objectName() == "calendar_widget"
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    with qtbot.waitSignal(board.case_opened):
        board.open_button.click()
    assert window.current_section == "cases"
    assert [cases.tabs.tabText(n) for n in range(cases.tabs.count())] == [
        "Case details",
        "Timetable",
        "Agency forms",
        "Meeting",
        "Decision sheet",
        "History",
        "Submission",
        "Local review",
        "Letter to referrer",
    ]
    cases.tabs.setCurrentIndex(1)  # a tab is built when first shown
    timetable = cases.tabs.currentWidget()
    TimetableService(session).book_meeting(case_id, date(2026, 11, 26))
    timetable.timetable_changed.emit(case_id)  # type: ignore[attr-defined]
    assert board.table.model().index(0, MEETING_COLUMN).data() == "Thu 26 Nov"
    action = next(a for a in window.actions() if a.objectName() == "action_project")
    assert action.shortcut().toString() == "F5"
