"""A case's tabs in the real main window, reached as a person reaches them: the case opened, its
tab clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabBar, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.main_window import MainWindow


def open_case_tab(
    qtbot: QtBot, context: AppContext, case_id: int, title: str
) -> tuple[MainWindow, CasesSection, QWidget]:
    """The main window at 1366 by 768, the case open and its tab ``title`` clicked."""
    window, section = window_on_screen(qtbot, context)
    section.open_case(case_id)
    click_tab(qtbot, section, title)
    return window, section, section.tabs.currentWidget()


def window_on_screen(qtbot: QtBot, context: AppContext) -> tuple[MainWindow, CasesSection]:
    """The main window at 1366 by 768, on screen and active, and its Cases section."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, cases_section(window)


def cases_section(window: MainWindow) -> CasesSection:
    """The window's Cases section."""
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    return section


def click_tab(qtbot: QtBot, section: CasesSection, title: str) -> None:
    """A click on the case tab named ``title``."""
    bar = section.tabs.tabBar()
    index = next(i for i in range(section.tabs.count()) if section.tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def shown_title(section: CasesSection) -> str:
    """The name of the case tab on show."""
    return section.tabs.tabText(section.tabs.currentIndex())


FOCUS_YELLOW = QColor("#ffbf47")


def yellow_share(bar: QTabBar, index: int) -> float:
    """The share of the tab's pixels, as drawn on screen, in the keyboard's focus yellow."""
    image = bar.grab(bar.tabRect(index)).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return sum(1 for colour in pixels if colour == FOCUS_YELLOW) / len(pixels)
