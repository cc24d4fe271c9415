"""The mouse wheel over a drop-down, spin box, date or slider scrolls the page; it changes the
box only once the box has been chosen with a click or Tab. (Every screen of the window is
turned over in tests/app/test_wheel_guard_on_every_screen.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.kit.wheel import house_style_on, turn_wheel


@pytest.fixture
def house_style(qapp: QApplication) -> Iterator[None]:
    with house_style_on(qapp):
        yield


@pytest.mark.usefixtures("house_style")
def test_the_wheel_over_a_box_scrolls_its_page_until_the_box_is_chosen(qtbot: QtBot) -> None:
    area = QScrollArea()
    page = QWidget()
    layout = QVBoxLayout(page)
    boxes = []
    for number in range(30):
        box = QSpinBox()
        box.setObjectName(f"age_{number}")
        box.setAccessibleName(f"Age {number}")
        box.setValue(10)
        layout.addWidget(box)
        boxes.append(box)
    area.setWidget(page)
    qtbot.addWidget(area)
    area.resize(300, 200)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    box = boxes[4]
    turn_wheel(box, -1)
    assert box.value() == 10
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    assert not box.hasFocus()

    words = box.findChild(QLineEdit)
    assert words is not None
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton, pos=QPoint(10, words.height() // 2))
    assert box.hasFocus()
    turn_wheel(box, 1)
    assert box.value() == 11
