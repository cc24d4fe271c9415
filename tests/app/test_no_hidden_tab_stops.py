"""Tab never stops where nothing shows it: no page's scroll area is a stop of its own for Tab
(a person pressing Tab there seemed to lose the keyboard for one press). The window is toured as
a person would, and the scroll areas on show at each place are checked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.shell.main_window import MainWindow
from tests.window_tour import every_place


def tab_stops_showing_nothing(window: MainWindow) -> list[str]:
    QApplication.processEvents()
    return [
        f"{type(area).__name__} {area.objectName() or '(no object name)'}"
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_no_scroll_area_on_any_screen_is_a_stop_for_tab(qtbot: QtBot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    found = {
        where: areas
        for where in every_place(window, context.session)
        if (areas := tab_stops_showing_nothing(window))
    }
    assert found == {}
