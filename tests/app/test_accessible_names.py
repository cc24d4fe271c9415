"""Every interactive widget on every section and case tab has an accessible name, as a screen
reader reads it (its own name, its words, or the label it is the buddy of): the window is toured
as a person would, and the widgets on show at each place are checked."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.shell.main_window import MainWindow
from tests.window_tour import every_place

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)
INSIDE_ANOTHER = (QAbstractItemView, QAbstractSpinBox, QComboBox, QTabBar)
"""Widgets whose own parts (a list's scroll bars, a box's arrows, a tab bar's scroll buttons)
are named through the widget that holds them."""


def accessible_name(widget: QWidget, buddies: set[QWidget]) -> str:
    """The name a screen reader gives ``widget``. A choice box's is its own or its label's (Qt
    would read out the option chosen, which names nothing)."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName().strip() or ("label" if widget in buddies else "")
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def _part_of_another(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INSIDE_ANOTHER):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(window: MainWindow) -> list[str]:
    QApplication.processEvents()
    found = []
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if widget.focusPolicy().value == 0 and not isinstance(widget, QAbstractButton):
            continue  # not reached by the keyboard (a scroll bar of a scroll area, say)
        if _part_of_another(widget) or accessible_name(widget, buddies):
            continue
        found.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return found


def _tour(qtbot: QtBot, context: AppContext) -> dict[str, list[str]]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return {
        where: names for where in every_place(window, context.session) if (names := unnamed(window))
    }


def test_every_interactive_widget_has_an_accessible_name(qtbot: QtBot, context: AppContext) -> None:
    assert _tour(qtbot, context) == {}


def test_every_interactive_widget_of_a_new_store_has_an_accessible_name(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    assert _tour(qtbot, blank_context) == {}
