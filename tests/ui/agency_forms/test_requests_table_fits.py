"""The agencies chosen, in a 1024 by 768 window as in a maximised 1366 by 768 one: every Status,
Due back and Form shown whole, wrapped onto as many lines as it needs, with no sideways
scrolling; and again when the window is made smaller or larger while the table is on show."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.agency_forms.agency_requests import RequestStatus, ReturnReason
from rrdesk.domain.cases.cases import Case
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.ui.agency_forms.agency_forms_widget import AgencyFormsWidget
from rrdesk.ui.cases.cases_section import CasesSection
from tests.builders import HOUSING, POLICE, book_meeting
from tests.ui.agency_forms.forms_setup import EARLY_HELP, FakeDialogs, click, open_tab
from tests.ui.table_geometry import cut_cells

LAPTOP = (1366, 740)  # a maximised window's inside, less the title and task bars
SMALL_SCREEN = (1024, 700)


def _agency_forms_tab(qtbot: QtBot, context: AppContext, case: Case, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    cases = window.section("cases")
    assert isinstance(cases, CasesSection)
    assert case.case_id is not None
    cases.open_case(case.case_id)
    bar = cases.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Agency forms")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    tab = cases.tabs.currentWidget()
    assert isinstance(tab, AgencyFormsWidget)
    QApplication.processEvents()
    return window, tab


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("first", [LAPTOP, SMALL_SCREEN], ids=["from-1366", "at-1024"])
def test_every_status_is_shown_whole_at_1024_and_after_the_window_changes_size(
    qtbot: QtBot, blank_context: AppContext, collecting: Case, first: tuple[int, int]
) -> None:
    # The meeting before early help's form is due: its status says so at length.
    book_meeting(blank_context.session, collecting, date(2026, 11, 27))
    window, tab = _agency_forms_tab(qtbot, blank_context, collecting, first)
    table = tab.table
    statuses = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert any("after the meeting on 27 November 2026" in status for status in statuses)
    for size in (SMALL_SCREEN, LAPTOP, SMALL_SCREEN):
        window.resize(*size)
        QApplication.processEvents()
        assert (window.width(), window.height()) == size
        assert table.horizontalScrollBar().maximum() == 0, size
        assert cut_cells(table) == [], size
        for row in range(table.rowCount()):
            item = table.item(row, 1)
            assert item.toolTip() == item.text()  # the same words on pointing at it


def test_a_request_recorded_at_a_small_width_is_stored_and_its_status_shown_whole(
    qtbot: QtBot, blank_context: AppContext, dialogs: FakeDialogs, collecting: Case, today: date
) -> None:
    widget, _service = open_tab(qtbot, blank_context, dialogs, collecting, height=560)
    widget.resize(790, 560)  # the tab's width in a 1024-wide window
    QApplication.processEvents()
    widget.select_agency(HOUSING)
    dialogs.date = date(2026, 11, 20)
    click(qtbot, widget.buttons["sent"])
    QApplication.processEvents()
    assert collecting.case_id is not None
    rows_stored = AgencyFormsService(blank_context.session).status_rows(collecting.case_id, today)
    stored = {row.request.agency: row.status for row in rows_stored}
    assert stored[HOUSING].status is RequestStatus.SENT
    assert (
        stored[HOUSING].words
        == stored[EARLY_HELP].words
        == ("Sent 20 November 2026, due 2 December 2026.")
    )
    table = widget.table
    rows = {table.item(row, 0).text(): row for row in range(table.rowCount())}
    assert (
        table.item(rows[HOUSING], 1).text().endswith("Sent 20 November 2026, due 2 December 2026.")
    )
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_cells(table) == []


@pytest.mark.usefixtures("styled")
def test_a_long_quality_assurance_text_leaves_the_table_room_for_five_agencies_at_1024(
    qtbot: QtBot, blank_context: AppContext, collecting: Case
) -> None:
    """The police form's findings, pasted text, three returns and a reminder under Quality
    assurance, on a 1024 by 768 screen: the table of seven agencies keeps room for five of them
    whole rather than being squeezed to a row or two (the tab scrolls down to the words below
    it when the window is too short for both), and every word below it is shown whole."""
    service = AgencyFormsService(blank_context.session)
    assert collecting.case_id is not None
    for day in (21, 22):
        service.record_received(collecting.case_id, POLICE, date(2026, 11, day))
        service.record_returned(
            collecting.case_id,
            POLICE,
            date(2026, 11, day),
            (ReturnReason.INFORMATION_MISSING,),
            "The chronology still stops in August: please add the contacts from September and "
            "October, with who was involved in each, before the form comes back to us.",
        )
    service.record_reminder(collecting.case_id, POLICE, date(2026, 11, 22))
    _window, tab = _agency_forms_tab(qtbot, blank_context, collecting, SMALL_SCREEN)
    table = tab.table
    assert table.rowCount() == 7
    police = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == POLICE)
    cell = table.visualRect(table.model().index(police, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QApplication.processEvents()
    assert tab.quality.text().count("  Returned ") == 3
    five_rows = sum(table.rowHeight(row) for row in range(5))
    assert table.viewport().height() >= five_rows, (table.viewport().height(), five_rows)
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_cells(table) == []
    # The quality assurance words are whole: as tall as they need at the width they have.
    quality = tab.quality
    assert quality.height() >= quality.heightForWidth(quality.width())


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("size", [LAPTOP, SMALL_SCREEN], ids=["1366", "1024"])
def test_choosing_an_agency_does_not_move_the_buttons(
    qtbot: QtBot, blank_context: AppContext, collecting: Case, size: tuple[int, int]
) -> None:
    """The words under Quality assurance grow from one line to several as an agency is chosen:
    the buttons stay where the person is about to click."""
    service = AgencyFormsService(blank_context.session)
    assert collecting.case_id is not None
    service.record_received(collecting.case_id, POLICE, date(2026, 11, 21))
    window, tab = _agency_forms_tab(qtbot, blank_context, collecting, size)
    table = tab.table

    def where_the_buttons_are() -> list[tuple[int, int]]:
        places = [button.mapTo(window, button.rect().topLeft()) for button in tab.buttons.values()]
        return [(place.x(), place.y()) for place in places]

    before = where_the_buttons_are()
    assert tab.quality.text().count("\n") == 0
    for row in range(table.rowCount()):
        cell = table.visualRect(table.model().index(row, 0)).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        QApplication.processEvents()
        assert tab.quality.text().count("\n") < 6, tab.quality.text()
        assert where_the_buttons_are() == before, table.item(row, 0).text()
