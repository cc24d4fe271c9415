"""Every screen fits a small laptop screen in the house style: nothing has to be scrolled
sideways, no side panel cuts off what it holds, and no text is squeezed into less height than
it needs (a page too long for the window scrolls instead) or spread down an empty page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.main_window import MainWindow
from tests.fakes import RecordingMessages
from tests.seams import app_context
from tests.window_tour import every_place


def _too_wide(window: MainWindow) -> list[str]:
    QApplication.processEvents()
    found = []
    for area in window.findChildren(QScrollArea):
        inside = area.widget()
        if not area.isVisible() or inside is None:
            continue
        needed, room = inside.minimumSizeHint().width(), area.viewport().width()
        if needed > room:
            found.append(f"{area.objectName() or type(area.parent()).__name__}: {needed} > {room}")
    return found


SLACK = 150
"""A label this much taller than its words is taking up a page's spare room: a heading or a
notice spread down an empty page (a cell of a grid row is as tall as the row, well under this)."""


def _squeezed(window: MainWindow) -> list[str]:
    """Text shown in less height than it needs (its lines cut through or overlapping), or in far
    more (spread down the page, because the layout gives it the room something hidden left)."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap() and label.hasHeightForWidth():
            needed = label.heightForWidth(label.width())
        else:
            needed = label.minimumSizeHint().height()
        name = label.objectName() or label.text()[:30]
        if label.height() < needed:
            found.append(f"{name}: {label.height()} < {needed}")
        elif label.height() > needed + SLACK:
            found.append(f"{name}: {label.height()} tall, needs {needed}")
    return found


def _primary_buttons_on_show(window: MainWindow) -> list[QPushButton]:
    return [
        button
        for button in window.findChildren(QPushButton)
        if button.property("role") == "primary" and button.isVisible()
    ]


def _primary_out_of_reach(window: MainWindow) -> list[str]:
    """Primary buttons on show that a person cannot reach: outside the window, and not in a page
    that scrolls to them (a Continue pushed off the screen)."""
    found = []
    areas = window.findChildren(QScrollArea)
    for button in _primary_buttons_on_show(window):
        if any(area.isAncestorOf(button) for area in areas):
            continue
        place = button.geometry().translated(button.parentWidget().mapTo(window, QPoint(0, 0)))
        if not window.rect().contains(place):
            found.append(f"{button.objectName() or button.text()}: at {place.getRect()}")
    return found


@pytest.mark.usefixtures("styled")
def test_every_section_and_case_tab_fits_1280_by_720(qtbot: QtBot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    problems = {
        where: _too_wide(window) + _squeezed(window) + _primary_out_of_reach(window)
        for where in every_place(window, context.session)
    }
    assert {where: found for where, found in problems.items() if found} == {}
    assert window.minimumSizeHint().width() <= 1280


@pytest.mark.usefixtures("styled")
def test_every_section_of_a_new_empty_store_fits_1280_by_720(
    qtbot: QtBot, session: Session, messages: RecordingMessages, today: date
) -> None:
    from rrdesk.keystore import MemorySecretStore

    context = app_context(session, MemorySecretStore(), messages, lambda: today)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    problems = {
        where: _too_wide(window) + _squeezed(window) for where in every_place(window, session)
    }
    assert {where: found for where, found in problems.items() if found} == {}


SMALL_SCREEN = (1024, 700)  # a 1024 by 768 screen less the title and task bars


@pytest.mark.usefixtures("styled")
def test_no_section_or_case_tab_makes_the_window_outgrow_a_1024_by_768_screen(
    qtbot: QtBot, context: AppContext
) -> None:
    """A section that needs more room scrolls; it never holds the window wider or taller than
    the screen, on show or after (the Action plan once held every section at 1,194 wide)."""
    width, height = SMALL_SCREEN
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    too_big = []
    primary = set()
    for where in every_place(window, context.session):
        primary.update(button.text() for button in _primary_buttons_on_show(window))
        QApplication.processEvents()
        needed = window.minimumSizeHint()
        if needed.width() > width or needed.height() > height:
            too_big.append(f"{where}: needs {needed.width()} by {needed.height()}")
        too_big.extend(f"{where}: {button}" for button in _primary_out_of_reach(window))
    assert too_big == []
    assert (window.width(), window.height()) == SMALL_SCREEN
    # The tour met the primary buttons it checks, on sections and on a case's tabs.
    assert {"New case", "Add action", "Back up now…", "Book the meeting"} <= primary, primary
