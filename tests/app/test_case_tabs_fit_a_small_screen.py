"""A case's nine tabs all on show, each with its words whole, in a maximised window on a 1024 by
768 screen as on a 1366 by 768 one: no tab behind the tab bar's scroll arrows. At 1024 pixels
across, no case tab and no section cuts a button or its words at the right edge."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.app.window import CASE_TAB_ORDER
from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.main_window import MainWindow, first_size


def _case_open(qtbot: QtBot, context: AppContext, width: int) -> tuple[MainWindow, QTabBar]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(width, 768)
    window.show()
    window.show_section("cases")
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    cases.open_case(context.session.cases.summaries()[0].case_id)
    QApplication.processEvents()
    return window, cases.tabs.tabBar()


def _hidden_or_cut(bar: QTabBar) -> list[str]:
    """Tabs not wholly within the bar's width, or too narrow for their words (in bold on the tab
    on show)."""
    bold = QFont(bar.font())
    bold.setBold(True)
    found = []
    for index in range(bar.count()):
        text, rect = bar.tabText(index), bar.tabRect(index)
        metrics = QFontMetrics(bold if index == bar.currentIndex() else bar.font())
        if rect.left() < 0 or rect.right() >= bar.width():
            found.append(f"{text}: at {rect.left()} to {rect.right()} of {bar.width()}")
        if rect.width() < metrics.horizontalAdvance(text):
            found.append(f"{text}: {rect.width()} wide, needs {metrics.horizontalAdvance(text)}")
    return found


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("width", [1024, 1366], ids=["1024x768", "1366x768"])
def test_every_case_tab_is_on_show_with_its_words_whole(
    qtbot: QtBot, context: AppContext, width: int
) -> None:
    window, bar = _case_open(qtbot, context, width)
    if folder := os.environ.get("RRDESK_SHOTS"):
        window.grab().save(os.path.join(folder, f"case-tabs-{width}.png"))
    assert [bar.tabText(i) for i in range(bar.count())] == ["Case details", *CASE_TAB_ORDER]
    assert bar.elideMode() == Qt.TextElideMode.ElideNone
    # Less padding only where the usual would not fit: the usual at 1366 wide.
    assert bool(bar.property("narrow")) == (width == 1024)
    for index in range(bar.count()):
        if bar.isTabEnabled(index):
            bar.setCurrentIndex(index)
            QApplication.processEvents()
            assert _hidden_or_cut(bar) == [], bar.tabText(index)
    scroll_arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert scroll_arrows == []


def _cut_across(page: QWidget) -> list[str]:
    """Buttons and words on ``page`` drawn only in part across: cut at the page's right edge
    with no way to scroll to the rest (one scrolled out of sight below is not counted)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel) or not widget.isVisible():
            continue
        shown = widget.visibleRegion().boundingRect()
        if not shown.isEmpty() and shown.width() < widget.width():
            found.append(f"{widget.text()[:40]!r}: {shown.width()} of {widget.width()} wide shown")
    return found


@pytest.mark.usefixtures("styled")
def test_every_case_tab_shows_its_buttons_and_words_whole_across_at_1024(
    qtbot: QtBot, context: AppContext
) -> None:
    window, bar = _case_open(qtbot, context, 1024)
    window.resize(*first_size(1024, 768))  # as rrdesk first opens on that screen
    QApplication.processEvents()
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    for index in range(bar.count()):
        if bar.isTabEnabled(index):
            bar.setCurrentIndex(index)
            QApplication.processEvents()
            page = cases.tabs.currentWidget()
            assert page is not None
            assert _cut_across(page) == [], bar.tabText(index)


@pytest.mark.usefixtures("styled")
def test_every_section_shows_its_buttons_and_words_whole_across_at_1024(
    qtbot: QtBot, context: AppContext, passphrase: str
) -> None:
    # A certificate, as the demo has: its fingerprint has no space to wrap at.
    SigningService(context.session).ensure_identity(datetime(2026, 11, 2, 9, 0), passphrase)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(*first_size(1024, 768))  # as rrdesk first opens on that screen
    window.show()
    keys = [
        window.nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(window.nav.count())
    ]
    assert len(keys) >= 10
    for key in keys:
        window.show_section(key)
        QApplication.processEvents()
        assert _cut_across(window.section(key)) == [], key
