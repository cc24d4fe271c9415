"""The Meeting tab, in a maximised window on a 1366 by 768 laptop and on a 1024 by 768 screen:
nothing on it scrolls sideways, the list of the meeting's parts included, each part's name is
shown whole (wrapped, not cut), and the record still saves as it is typed in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.builders import add_case, add_directory, decided, meeting_held, voted
from tests.ui.meeting.meeting_cases import HELD, LONG, NOTIFIED, TODAY

# A maximised window's inside on each screen, less the title and task bars.
SCREENS = {"1366": (1366, 740), "1024": (1024, 700)}
ITEM_PADDING = (6, 5)  # each part's padding in the house style, across and down


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("screen", SCREENS)
def test_nothing_on_the_meeting_tab_scrolls_sideways_and_every_part_is_named_whole(
    qtbot: QtBot, blank_context: AppContext, screen: str, tmp_path: Path
) -> None:
    session = blank_context.session
    people = add_directory(session, LONG)  # names, roles and agencies as long as real ones get
    case = add_case(session, today=TODAY, notified=NOTIFIED)
    meeting = meeting_held(session, case, held_on=HELD, chair=people["Alex Chair"])
    decided(session, case, voted(session, case, meeting))
    assert case.case_id is not None
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(*SCREENS[screen])
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    cases.open_case(case.case_id)
    bar = cases.tabs.tabBar()
    meeting_index = next(i for i in range(bar.count()) if bar.tabText(i) == "Meeting")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(meeting_index).center())
    tab = cases.tabs.currentWidget()
    assert isinstance(tab, MeetingWidget)
    qtbot.waitUntil(lambda: tab.scroll_area.viewport().width() > 400)
    QApplication.processEvents()  # scroll bars are shown or hidden once their range settles
    window.grab().save(str(tmp_path / f"meeting-{screen}.png"))

    areas = [a for a in tab.findChildren(QAbstractScrollArea) if a.isVisibleTo(tab)]
    assert tab.contents in areas
    assert tab.scroll_area in areas
    for area in areas:
        scroll_bar = area.horizontalScrollBar()
        assert not scroll_bar.isVisible(), area.objectName()
        assert scroll_bar.maximum() == 0, area.objectName()

    contents = tab.contents
    width = contents.viewport().width()
    metrics = QFontMetrics(contents.font())
    across, down = ITEM_PADDING
    for row in range(contents.count()):
        item = contents.item(row)
        shown = contents.visualItemRect(item)
        assert shown.left() >= 0, item.text()
        assert shown.right() < width, item.text()
        words = metrics.boundingRect(
            QRect(0, 0, shown.width() - 2 * across, 1000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert words.height() <= shown.height() - 2 * down, item.text()

    # Choosing a part in the list brings it to the top of the page.
    last = contents.item(contents.count() - 1)
    assert last.text() == "The National Panel's response"
    qtbot.mouseClick(
        contents.viewport(),
        Qt.MouseButton.LeftButton,
        pos=contents.visualItemRect(last).center(),
    )
    assert tab.scroll_area.verticalScrollBar().value() > 0
    assert tab.panel_response.visibleRegion().boundingRect().height() > 0

    # The record still saves as a box is left.
    place = tab.details.place_edit
    tab.scroll_area.ensureWidgetVisible(place)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    place.setFocus()
    qtbot.waitUntil(place.hasFocus)
    place.selectAll()
    qtbot.keyClicks(place, "Westbury Civic Centre, Committee Room 4 (second floor, east wing)")
    qtbot.keyClick(place, Qt.Key.Key_Tab)
    stored = MeetingService(session).load(case.case_id).place
    assert stored == "Westbury Civic Centre, Committee Room 4 (second floor, east wing)"
    assert tab.scroll_area.horizontalScrollBar().maximum() == 0
