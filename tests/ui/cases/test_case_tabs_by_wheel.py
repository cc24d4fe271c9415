"""Turning the mouse wheel over a case's tabs with unsaved typing asks Save, Discard or Stay
before the tab changes, as a click and the keys do: Stay never shows the other tab."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.ui.shell.leaving import DISCARD, STAY
from tests.fakes import RecordingMessages
from tests.ui.cases.test_case_tabs_by_keyboard import (
    SAVED,
    TYPED,
    _asked,
    _case_changed,
    _tab_title,
)

DOWN = -120  # one notch towards the person: the next tab


def _turn_wheel(bar: QTabBar, notch: int) -> None:
    """One notch of the wheel with the pointer over the tab on show."""
    at = QPointF(bar.tabRect(bar.currentIndex()).center())
    event = QWheelEvent(
        at,
        QPointF(bar.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, notch),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(bar, event)


def test_the_wheel_over_the_tabs_asks_before_the_tab_changes(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    section, editor, case_id, shown = _case_changed(qtbot, blank_context)
    bar = section.tabs.tabBar()
    _turn_wheel(bar, -DOWN)  # up, on the first tab: nothing before it
    assert _asked(messages) == []
    messages.choice = STAY
    _turn_wheel(bar, DOWN)
    assert _asked(messages) == ["Your changes have not been saved"]
    assert shown == [], "the tab never changed, even for a moment"
    assert _tab_title(section) == "Case details"
    assert editor.form.summary.toPlainText() == TYPED
    messages.choice = DISCARD
    _turn_wheel(bar, DOWN)
    assert shown == [1]
    assert blank_context.session.cases.get(case_id).summary == SAVED  # type: ignore[union-attr]
    assert len(_asked(messages)) == 2
