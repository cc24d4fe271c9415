"""A page that scrolls: Tab goes from one of its fields to the next, never to the scroll area
around them, where nothing would show the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.ui.kit.scrolling_page import scrolling_body


def test_tab_goes_from_field_to_field_through_a_scrolling_page(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    body = scrolling_body(page)
    first, second = QLineEdit(), QLineEdit()
    body.addWidget(first)
    body.addSpacing(2000)  # taller than the page: it scrolls
    body.addWidget(second)
    page.resize(400, 300)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    first.setFocus()
    area = page.findChild(QScrollArea)
    assert area is not None
    reached = []
    for _ in range(4):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [second, first, second, first]
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert area.verticalScrollBar().value() > 0, "the page scrolled to the field reached"
