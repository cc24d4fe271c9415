"""The Meeting tab's notes and rationale are saved as the cursor leaves them; leaving the tab
with the cursor still in one (another case tab, or Ctrl and a number for another section) asks
Save, Discard or Stay first. The real main window, driven as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from tests.fakes import RecordingMessages
from tests.ui.case_tabs import cases_section, click_tab
from tests.ui.meeting.meeting_window import decided_meeting_tab_open

SAVED = "The criteria for a local review are met."  # the builders' rationale
TYPED = " The school's concerns were not shared."
GOOD_PRACTICE = "The health visitor followed up every missed appointment."


def _type_at_the_end(qtbot: QtBot, box, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(box, text)


def _stored_rationale(context: AppContext, case_id: int) -> str:
    decision = MeetingService(context.session).load(case_id).decision
    assert decision is not None
    return decision.rationale


def test_another_case_tab_with_stay_keeps_the_rationale_typed(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    rationale = tab.decision.rationale
    _type_at_the_end(qtbot, rationale, TYPED)
    messages.choice = STAY
    click_tab(qtbot, cases_section(window), "Timetable")
    assert messages.asked == ["Your notes have not been saved"]
    assert messages.choices == [((SAVE, DISCARD, STAY), STAY)]
    assert cases_section(window).tabs.currentWidget() is tab
    assert rationale.toPlainText() == SAVED + TYPED
    assert _stored_rationale(blank_context, case_id) == SAVED


def test_another_case_tab_with_discard_puts_the_rationale_back(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    _type_at_the_end(qtbot, tab.decision.rationale, TYPED)
    messages.choice = DISCARD
    section = cases_section(window)
    click_tab(qtbot, section, "Timetable")
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"
    assert _stored_rationale(blank_context, case_id) == SAVED
    click_tab(qtbot, section, "Meeting")
    assert tab.decision.rationale.toPlainText() == SAVED
    assert messages.asked == ["Your notes have not been saved"], "asked once only"


def test_ctrl_and_a_number_with_save_stores_the_notes(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    good_practice = tab.learning.edits["good_practice"]
    _type_at_the_end(qtbot, good_practice, GOOD_PRACTICE)
    messages.choice = SAVE
    qtbot.keyClick(good_practice, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert messages.asked == ["Your notes have not been saved"]
    assert window.current_section == "board"
    stored = MeetingService(blank_context.session).load(case_id).learning
    assert stored.good_practice == (GOOD_PRACTICE,)
    assert tab.saved.text() == "Saved: Good practice changed"


def test_a_rationale_that_cannot_be_saved_stays_with_its_problem(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    rationale = tab.decision.rationale
    rationale.setFocus()
    qtbot.waitUntil(rationale.hasFocus)
    rationale.selectAll()
    qtbot.keyClick(rationale, Qt.Key.Key_Delete)
    messages.choice = SAVE
    section = cases_section(window)
    click_tab(qtbot, section, "Timetable")
    assert section.tabs.currentWidget() is tab
    assert tab.decision.errors.messages == [
        "Enter the rationale for the decision against the criteria"
    ]
    assert rationale.toPlainText() == ""
    assert _stored_rationale(blank_context, case_id) == SAVED
    messages.choice = DISCARD
    click_tab(qtbot, section, "Timetable")
    assert messages.asked == ["Your notes have not been saved"] * 2, "still unsaved: asked again"
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"


def test_nothing_typed_asks_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, _tab, _case_id = decided_meeting_tab_open(qtbot, blank_context)
    section = cases_section(window)
    click_tab(qtbot, section, "Timetable")
    assert section.tabs.tabText(section.tabs.currentIndex()) == "Timetable"
    assert messages.choices == []
