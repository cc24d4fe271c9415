"""The countdown board on a 1024 by 768 screen with four open reviews: the coordinator sees every
open case at once, each row whole, without scrolling inside a small box (the table of open cases
is as tall as its rows, and the page scrolls as a whole when it must); every strip is whole, day
15 and all, with no scrolling sideways. On a 1366 by 768 laptop it is the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.timetable.timeline import DayKind
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_columns import HEADER_PADDING
from rrdesk.ui.board.board_table_model import TIMELINE_COLUMN
from rrdesk.ui.board.board_widget import BoardWidget
from rrdesk.ui.shell.main_window import first_size
from rrdesk.ui.timetable.timeline_strip import cell_rects
from tests.builders import HEALTH, POLICE, add_directory, requests_sent
from tests.ui.board.board_fixtures import add_case
from tests.ui.board.board_on_screen import (
    assert_every_working_day_numbered_and_monday_today,
    board_in_main_window,
    cut_board_cells,
)

SIZES = {
    "1024 by 768 window": (1024, 768),
    "first size on a 1024 by 768 screen": first_size(1024, 768),  # 1008 by 720
    "first size on a 1366 by 768 laptop": first_size(1366, 768),  # 1280 by 720
}


def add_four_open_cases(context: AppContext) -> None:
    """Four reviews open at once, at different days of their clocks: one with two children and
    its meeting booked late, one whose agency forms are due after the meeting, one with its
    meeting booked, one notified on Friday."""
    session = context.session
    add_directory(session)
    late = add_case(session, "RR-2026-001", date(2026, 11, 2), pseudonym="Child A and Child B")
    TimetableService(session).book_meeting(late, date(2026, 11, 25))
    asked = session.cases.get(add_case(session, "RR-2026-002", date(2026, 11, 16)))
    assert asked is not None
    requests_sent(session, asked, [POLICE, HEALTH], sent_on=date(2026, 11, 20))
    booked = add_case(session, "RR-2026-003", date(2026, 11, 11), pseudonym="Child M")
    TimetableService(session).book_meeting(booked, date(2026, 11, 27))
    add_case(session, "RR-2026-004", date(2026, 11, 20), pseudonym="Child T")


def scroll_areas_around(widget: QWidget) -> list[QAbstractScrollArea]:
    """The scroll areas ``widget`` is inside, nearest first."""
    areas = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    return areas


def on_page(board: BoardWidget, rect: QRect | QRectF) -> QRect:
    """``rect`` of the table's viewport, where it is in the page's viewport (what is in view)."""
    area = rect.toRect() if isinstance(rect, QRectF) else rect
    top_left = board.table.viewport().mapTo(board.page.viewport(), area.topLeft())
    return QRect(top_left, area.size())


def rows_on_page(board: BoardWidget) -> list[QRect]:
    """Each open case's whole row (every column shown), where it is in the page's viewport."""
    table, model = board.table, board.model
    return [
        on_page(
            board,
            table.visualRect(model.index(n, 0)).united(
                table.visualRect(model.index(n, TIMELINE_COLUMN))
            ),
        )
        for n in range(model.rowCount())
    ]


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.usefixtures("styled")
def test_every_open_case_is_in_view_at_once_with_its_whole_strip(
    qtbot: QtBot, blank_context: AppContext, tmp_path: Path, size: tuple[int, int]
) -> None:
    add_four_open_cases(blank_context)
    board = board_in_main_window(qtbot, blank_context, size)
    board.window().grab().save(str(tmp_path / f"board-{size[0]}x{size[1]}.png"))
    table, model, page = board.table, board.model, board.page
    assert model.rowCount() == 4

    # The table has no scroll bar of its own: it is as tall as its rows. The page is the one
    # scroll area around it, and no stop for Tab.
    assert table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert table.verticalScrollBar().maximum() == 0
    assert scroll_areas_around(table) == [page]
    assert page.focusPolicy() == Qt.FocusPolicy.NoFocus

    # With the page at its top, every row is wholly in view, every column of it.
    assert page.verticalScrollBar().value() == 0
    in_view = page.viewport().rect()
    rows = rows_on_page(board)
    outside = [model.row_at(n).reference for n, r in enumerate(rows) if not in_view.contains(r)]
    assert outside == []
    assert cut_board_cells(board) == []

    # Nothing is reached by scrolling sideways: the table's and the page's scroll bars.
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.horizontalScrollBar().isVisible()
    assert page.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    timeline_end = header.sectionViewportPosition(TIMELINE_COLUMN) + header.sectionSize(
        TIMELINE_COLUMN
    )
    assert timeline_end <= table.viewport().width()
    # Day 15's box is whole in view on every strip, with its number.
    for number in range(model.rowCount()):
        row = model.row_at(number)
        cell = table.visualRect(model.index(number, TIMELINE_COLUMN))
        strip = QRectF(cell).adjusted(2, 4, -2, -4)  # as the strip is drawn in its cell
        boxes = zip(cell_rects(strip, row.timeline), row.timeline, strict=True)
        last = [box for box, day in boxes if day.kind is DayKind.WORKING and day.review_day == 15]
        assert len(last) == 1, row.reference
        assert in_view.contains(on_page(board, last[0])), row.reference
    assert_every_working_day_numbered_and_monday_today(board)

    # The timeline's header says what the yellow outline is, each line whole in its width.
    words = model.headerData(TIMELINE_COLUMN, Qt.Orientation.Horizontal)
    assert " ".join(words.split()) == "Timeline Today, Mon 23 Nov, is in yellow"
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    room = header.sectionSize(TIMELINE_COLUMN) - 2 * HEADER_PADDING
    wider = [line for line in words.split("\n") if metrics.horizontalAdvance(line) > room]
    assert wider == []


def wheel_down(widget: QWidget) -> QWheelEvent:
    """One notch of the mouse wheel, down, over the middle of ``widget``: the event, accepted if
    ``widget`` took it (one it leaves, Qt hands on to the widget it is in)."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


@pytest.mark.usefixtures("styled")
def test_with_more_cases_than_the_window_holds_the_page_scrolls_as_one(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    add_four_open_cases(blank_context)
    for number in range(5, 11):
        add_case(blank_context.session, f"RR-2026-{number:03d}", date(2026, 11, 9 + number))
    board = board_in_main_window(qtbot, blank_context, first_size(1024, 768))
    table, model, page = board.table, board.model, board.page
    assert model.rowCount() == 10
    assert table.verticalScrollBar().maximum() == 0
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0, "the page is taller than the window"
    chosen = board.case_choice.currentText()

    # The wheel over the table is left to the page (the table has nothing to scroll), and the
    # page scrolls with it; it chooses nothing.
    assert not wheel_down(table.viewport()).isAccepted()
    assert table.verticalScrollBar().value() == 0
    assert wheel_down(page.viewport()).isAccepted()
    assert bar.value() > 0
    assert board.case_choice.currentText() == chosen
    assert not table.selectionModel().hasSelection()

    # From the keyboard: down the table to its last case, which the page brings into view.
    bar.setValue(0)
    first = table.visualRect(model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    for _ in range(model.rowCount() - 1):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == model.rowCount() - 1
    last = rows_on_page(board)[-1]
    assert page.viewport().rect().contains(last)
    assert bar.value() > 0
