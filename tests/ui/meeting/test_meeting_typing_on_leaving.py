"""The Meeting tab's notes and rationale are saved as the cursor leaves them; leaving the tab
with the cursor still in one (another case tab, or Ctrl and a number for another section) asks
Save, Discard or Stay first. The real main window, driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests.fakes import RecordingMessages
from tests.ui.meeting.meeting_cases import decided_case

SAVED = "The criteria for a local review are met."  # the builders' rationale
TYPED = " The school's concerns were not shared."
GOOD_PRACTICE = "The health visitor followed up every missed appointment."


def _meeting_tab_open(qtbot: QtBot, context: AppContext) -> tuple[MainWindow, MeetingWidget, int]:
    case_id = decided_case(context.session)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    section = _cases(window)
    section.open_case(case_id)
    section.tabs.setCurrentIndex(_tab_index(section, "Meeting"))
    tab = section.tabs.currentWidget()
    assert isinstance(tab, MeetingWidget)
    return window, tab, case_id


def _cases(window: MainWindow) -> CasesSection:
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    return section


def _tab_index(section: CasesSection, title: str) -> int:
    return next(i for i in range(section.tabs.count()) if section.tabs.tabText(i) == title)


def _click_tab(qtbot: QtBot, section: CasesSection, title: str) -> None:
    bar = section.tabs.tabBar()
    centre = bar.tabRect(_tab_index(section, title)).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=centre)


def _type_at_the_end(qtbot: QtBot, box, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, text)


def _stored_rationale(context: AppContext, case_id: int) -> str:
    decision = MeetingService(context.session).load(case_id).decision
    assert decision is not None
    return decision.rationale


def _asked(messages: RecordingMessages) -> list[str]:
    return [title for kind, title, _text in messages.shown if kind == "choose"]


def test_another_case_tab_with_stay_keeps_the_rationale_typed(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = _meeting_tab_open(qtbot, blank_context)
    rationale = tab.decision.rationale
    _type_at_the_end(qtbot, rationale, TYPED)
    messages.choice = STAY
    _click_tab(qtbot, _cases(window), "Timetable")
    assert _asked(messages) == ["Your notes have not been saved"]
    assert messages.choices == [((SAVE, DISCARD, STAY), STAY)]
    assert _cases(window).tabs.currentWidget() is tab
    assert rationale.toPlainText() == SAVED + TYPED
    assert _stored_rationale(blank_context, case_id) == SAVED


def test_another_case_tab_with_discard_puts_the_rationale_back(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = _meeting_tab_open(qtbot, blank_context)
    _type_at_the_end(qtbot, tab.decision.rationale, TYPED)
    messages.choice = DISCARD
    section = _cases(window)
    _click_tab(qtbot, section, "Timetable")
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"
    assert _stored_rationale(blank_context, case_id) == SAVED
    _click_tab(qtbot, section, "Meeting")
    assert tab.decision.rationale.toPlainText() == SAVED
    assert _asked(messages) == ["Your notes have not been saved"], "asked once only"


def test_ctrl_and_a_number_with_save_stores_the_notes(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = _meeting_tab_open(qtbot, blank_context)
    good_practice = tab.learning.edits["good_practice"]
    _type_at_the_end(qtbot, good_practice, GOOD_PRACTICE)
    messages.choice = SAVE
    qtbot.keyClick(good_practice, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _asked(messages) == ["Your notes have not been saved"]
    assert window.current_section == "board"
    stored = MeetingService(blank_context.session).load(case_id).learning
    assert stored.good_practice == (GOOD_PRACTICE,)
    assert tab.saved.text() == "Saved: Good practice changed"


def test_a_rationale_that_cannot_be_saved_stays_with_its_problem(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = _meeting_tab_open(qtbot, blank_context)
    rationale = tab.decision.rationale
    rationale.setFocus()
    qtbot.waitUntil(rationale.hasFocus)
    rationale.selectAll()
    qtbot.keyClick(rationale, Qt.Key.Key_Delete)
    messages.choice = SAVE
    section = _cases(window)
    _click_tab(qtbot, section, "Timetable")
    assert section.tabs.currentWidget() is tab
    assert tab.decision.errors.messages == [
        "Enter the rationale for the decision against the criteria"
    ]
    assert rationale.toPlainText() == ""
    assert _stored_rationale(blank_context, case_id) == SAVED
    messages.choice = DISCARD
    _click_tab(qtbot, section, "Timetable")
    assert _asked(messages) == ["Your notes have not been saved"] * 2, "still unsaved: asked again"
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"


def test_nothing_typed_asks_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, _tab, _case_id = _meeting_tab_open(qtbot, blank_context)
    section = _cases(window)
    _click_tab(qtbot, section, "Timetable")
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"
    assert messages.choices == []
