"""A person who Tabs onto a case's tabs sees which tab has the keyboard's focus: the tab on show
turns the house focus yellow, follows the arrow keys, and goes back when the focus moves on
(WCAG 2.4.7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from tests.builders import add_case
from tests.ui.case_tabs import window_on_screen, yellow_share


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier) -> QWidget:
    """Press ``key`` where the focus is; where the focus is after."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    after = QApplication.focusWidget()
    assert after is not None
    return after


@pytest.mark.usefixtures("styled")
def test_the_tab_with_the_keyboards_focus_is_yellow(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    today = blank_context.today()
    case = add_case(blank_context.session, today=today, notified=today)
    assert case.case_id is not None
    _, section = window_on_screen(qtbot, blank_context)
    section.open_case(case.case_id)
    bar = section.tabs.tabBar()
    assert yellow_share(bar, 0) == 0, "no yellow before the tabs have the focus"

    # Back from the case's summary, by the keyboard, to the tabs.
    section.editor.show_page("summary")
    section.editor.form.summary.setFocus()
    shift = Qt.KeyboardModifier.ShiftModifier
    for _ in range(10):
        if _press(qtbot, Qt.Key.Key_Backtab, shift) is bar:
            break
    assert bar.hasFocus()
    assert bar.currentIndex() == 0
    assert yellow_share(bar, 0) > 0.5, "the tab on show is yellow"
    assert yellow_share(bar, 1) == 0

    # The arrow keys change tab; the yellow goes with them.
    _press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
    assert bar.currentIndex() == 1
    assert bar.hasFocus()
    assert yellow_share(bar, 1) > 0.5
    assert yellow_share(bar, 0) == 0

    # Tab on into the page: the tabs no longer have the focus, and no tab is yellow.
    assert _press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier) is not bar
    assert yellow_share(bar, 1) == 0


@pytest.mark.usefixtures("styled")
def test_a_case_opened_shows_the_yellow_once_the_keyboard_is_used_on_its_tabs(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    """Opening a case leaves the focus on its tabs without the yellow, as a browser shows focus
    only once the keyboard is in use; an arrow key shows it, and a click on a tab hides it."""
    from PySide6.QtWidgets import QTableView

    today = blank_context.today()
    add_case(blank_context.session, today=today, notified=today)
    _, section = window_on_screen(qtbot, blank_context)
    table = section.findChild(QTableView, "case_table")
    assert table is not None
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    bar = section.tabs.tabBar()
    qtbot.waitUntil(bar.isVisible)
    bar.setFocus()  # where opening leaves it (offscreen, the window may have lost the focus)
    assert yellow_share(bar, 0) == 0, "no yellow on opening"

    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert bar.currentIndex() == 1
    assert yellow_share(bar, 1) > 0.5, "the keyboard in use: the tab on show is yellow"

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert bar.currentIndex() == 2
    assert bar.hasFocus()
    assert yellow_share(bar, 2) == 0, "a click on a tab: no yellow"
