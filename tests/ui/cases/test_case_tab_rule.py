"""A case's tabs that do not apply at its stage are disabled with the reason on pointing at
them, rather than opening on a page that only says so; they follow the stage as it changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTabBar, QToolTip
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.ui.cases.cases_section import CasesSection
from tests.builders import add_case


def _darkest(bar: QTabBar, index: int) -> int:
    """The lightness of the darkest pixel of the tab as drawn (its words)."""
    image = bar.grab(bar.tabRect(index)).toImage()
    return min(
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
    )


def _tabs(section: CasesSection) -> dict[str, tuple[bool, str]]:
    tabs = section.tabs
    return {
        tabs.tabText(i): (tabs.isTabEnabled(i), tabs.tabToolTip(i)) for i in range(tabs.count())
    }


@pytest.mark.usefixtures("styled")
def test_tabs_that_do_not_apply_are_disabled_with_the_reason(
    qtbot: QtBot, blank_context: AppContext, today: date, tmp_path: Path
) -> None:
    referred = add_case(blank_context.session, today=today, notified=None, stage=Stage.REFERRED)
    notified = add_case(blank_context.session, today=today, notified=today)
    assert referred.case_id is not None
    assert notified.case_id is not None
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(referred.case_id)
    window.grab().save(str(tmp_path / "referred-case-tabs-1366.png"))
    tabs = _tabs(section)
    assert tabs["Submission"] == (
        False,
        "Only for a case notified to the National Panel: this one has not been notified.",
    )
    assert tabs["Local review"][0] is False
    assert tabs["Letter to referrer"][0] is False
    assert tabs["Timetable"] == (True, "")
    # A disabled tab is drawn greyed: none of the near-black of an enabled tab's words.
    bar = section.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Submission")
    timetable = next(i for i in range(bar.count()) if bar.tabText(i) == "Timetable")
    assert _darkest(bar, index) == QColor("#505a5f").lightness()
    assert _darkest(bar, timetable) < 40
    # A click on a disabled tab shows nothing else, and says at once why it cannot be shown.
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert section.tabs.currentIndex() == 0
    assert QToolTip.isVisible()
    assert QToolTip.text() == (
        "Only for a case notified to the National Panel: this one has not been notified."
    )

    section.open_case(notified.case_id)
    tabs = _tabs(section)
    assert tabs["Submission"] == (True, "")
    assert tabs["Letter to referrer"][0] is False
