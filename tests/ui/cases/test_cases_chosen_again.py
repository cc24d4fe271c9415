"""Cases chosen again in the window's sections (a click on it, or Ctrl+1) goes back to the list
of cases from whichever of a case's tabs is on show, asking first about unsaved typing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.cases.case_editor import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests.builders import add_case
from tests.ui.case_tabs import open_case_tab, shown_title, window_on_screen


def _click_cases_in_the_sections(qtbot: QtBot, window: MainWindow) -> None:
    item = window.nav.item(0)
    assert item.text() == "Cases"
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_on_cases_from_a_case_tab_shows_the_list(
    qtbot: QtBot, blank_context: AppContext, today: date
) -> None:
    add_case(blank_context.session, today=today, notified=today, reference="RR-2026-040")
    case = add_case(blank_context.session, today=today, notified=today, reference="RR-2026-041")
    add_case(blank_context.session, today=today, notified=today, reference="RR-2026-042")
    assert case.case_id is not None
    window, section, _meeting = open_case_tab(qtbot, blank_context, case.case_id, "Meeting")
    assert shown_title(section) == "Meeting"

    _click_cases_in_the_sections(qtbot, window)

    assert section.case_list.isVisible()
    assert not section.tabs.isVisible()
    assert window.current_section == "cases"
    assert blank_context.messages.shown == [], "nothing typed: nothing asked"
    # The case just left is chosen in the list, with the keyboard there: Enter opens it again.
    table = section.case_list.table
    assert table.hasFocus()
    assert table.currentIndex().data() == "RR-2026-041"
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert section.tabs.isVisible()
    assert section.editor.current_case == blank_context.session.cases.get(case.case_id)


def test_ctrl_1_from_a_case_tab_shows_the_list(
    qtbot: QtBot, blank_context: AppContext, today: date
) -> None:
    case = add_case(blank_context.session, today=today, notified=today)
    assert case.case_id is not None
    window, section, _timetable = open_case_tab(qtbot, blank_context, case.case_id, "Timetable")

    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)

    assert section.case_list.isVisible()
    assert not section.tabs.isVisible()


def test_unsaved_typing_is_asked_about_and_stay_keeps_it(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    window, section = window_on_screen(qtbot, blank_context)
    qtbot.mouseClick(section.case_list.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    stage = editor.form.stage.buttons[Stage.REFERRED.value]
    qtbot.mouseClick(stage, Qt.MouseButton.LeftButton, pos=QPoint(8, stage.height() // 2))
    qtbot.mouseClick(editor.continue_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.form.child_blocks[0].real_name, "Wren Halfway-Fictional")
    blank_context.messages.choice = STAY

    _click_cases_in_the_sections(qtbot, window)

    buttons, default = blank_context.messages.choices[-1]
    assert (buttons, default) == ((SAVE, DISCARD, STAY), STAY)
    assert section.tabs.isVisible()
    assert editor.form.child_blocks[0].real_name.text() == "Wren Halfway-Fictional"

    blank_context.messages.choice = DISCARD
    _click_cases_in_the_sections(qtbot, window)
    assert section.case_list.isVisible()
    assert blank_context.session.cases.all_cases() == []
