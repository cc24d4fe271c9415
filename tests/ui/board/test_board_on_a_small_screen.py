"""The countdown board in a 1024 by 768 window: the whole table, timeline and all, without
scrolling sideways, some columns shown together, one under the other; every word still on the
board and none cut short; every working day on every strip numbered; today named; and nothing
that names a child (the board is projected)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_table_model import (
    COLUMNS,
    DAY_COLUMN,
    DAYS_LEFT_COLUMN,
    MEETING_COLUMN,
    PSEUDONYM_COLUMN,
    REFERENCE_COLUMN,
    RETURNS_COLUMN,
    STATUS_COLUMN,
    TIMELINE_COLUMN,
)
from rrdesk.ui.board.board_widget import BoardWidget
from tests.ui.board.board_fixtures import add_case
from tests.ui.board.board_on_screen import (
    LAPTOP,
    SMALL_SCREEN,
    assert_every_working_day_numbered_and_monday_today,
    board_in_main_window,
    cut_board_cells,
)

WIDE = (1600, 900)
REAL_NAME = "Quentin Fictional-Name"  # the board_fixtures' child's name, never on the board


def _board(qtbot: QtBot, context: AppContext) -> BoardWidget:
    session = context.session
    add_case(session, "RR-2026-001", date(2026, 11, 16), pseudonym="Child A and Child B")
    late = add_case(session, "RR-2026-002", date(2026, 11, 2))
    add_case(session, "RR-2026-003", date(2026, 11, 20))
    TimetableService(session).book_meeting(late, date(2026, 11, 25))
    return board_in_main_window(qtbot, context, SMALL_SCREEN)


@pytest.mark.usefixtures("styled")
def test_the_board_fits_1024_wide_with_every_word_every_day_numbered_and_today_named(
    qtbot: QtBot, blank_context: AppContext, tmp_path: Path
) -> None:
    board = _board(qtbot, blank_context)
    board.grab().save(str(tmp_path / "board-1024.png"))
    table, model = board.table, board.model
    scroll_bar = table.horizontalScrollBar()
    assert scroll_bar.maximum() == 0, "nothing is reached by scrolling sideways"
    assert not scroll_bar.isVisible()
    header = table.horizontalHeader()
    timeline_end = header.sectionViewportPosition(TIMELINE_COLUMN) + header.sectionSize(
        TIMELINE_COLUMN
    )
    assert timeline_end <= table.viewport().width()

    # Some columns are shown together, under headers that say so.
    assert board.columns.combined
    hidden = [COLUMNS[c] for c in range(len(COLUMNS)) if table.isColumnHidden(c)]
    assert hidden == ["Child or children", "Day", "Working days left", "Meeting"]
    shown_headers = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(len(COLUMNS))
        if not table.isColumnHidden(c)
    ]
    assert shown_headers == [
        "Case",
        "Status\nand day",
        "Next\nmilestone",
        "Returns and\nmeeting",
        "Timeline\nToday, Mon 23 Nov, is in yellow",
    ]
    references = [model.row_at(n).reference for n in range(model.rowCount())]
    late = references.index("RR-2026-002")
    first = references.index("RR-2026-001")
    assert model.shown_text(first, REFERENCE_COLUMN) == "RR-2026-001\nChild A and Child B"
    row = model.row_at(late)
    assert model.shown_text(late, STATUS_COLUMN) == "\n".join(
        model.text(row, c) for c in (STATUS_COLUMN, DAY_COLUMN, DAYS_LEFT_COLUMN)
    )
    assert model.shown_text(late, RETURNS_COLUMN) == "No requests yet\nMeeting Wed 25 Nov, late"
    assert model.shown_text(first, RETURNS_COLUMN).endswith("\nMeeting not booked")
    # Pointing at a cell, or a screen reader, gives every column it stands for in full.
    tip = model.shown_tooltip(late, RETURNS_COLUMN)
    assert tip.startswith("Agency returns: ")
    assert "\nMeeting: " in tip
    accessible = model.index(late, RETURNS_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == tip
    assert cut_board_cells(board) == []

    # Every working day on every strip numbered; today is on every strip.
    assert_every_working_day_numbered_and_monday_today(board)

    # Nothing on the board names the child: only references and pseudonyms.
    everything = [
        text
        for number in range(model.rowCount())
        for column in range(TIMELINE_COLUMN)
        for text in (model.shown_text(number, column), model.shown_tooltip(number, column))
    ]
    assert not [text for text in everything if REAL_NAME in text or "Quentin" in text]


@pytest.mark.usefixtures("styled")
def test_made_wider_the_board_shows_each_column_on_its_own_again(
    qtbot: QtBot, blank_context: AppContext
) -> None:
    board = _board(qtbot, blank_context)
    assert board.columns.combined
    window = board.window()
    table, model = board.table, board.model
    # At 1366 the late meeting's "Wed 25 Nov, late" leaves the timeline too little room beside
    # every column on its own: the board stays combined rather than scrolling sideways.
    window.resize(*LAPTOP)
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_board_cells(board) == []

    window.resize(*WIDE)
    QApplication.processEvents()
    assert not board.columns.combined
    assert not [c for c in range(len(COLUMNS)) if table.isColumnHidden(c)]
    assert model.headerData(PSEUDONYM_COLUMN, Qt.Orientation.Horizontal) == "Child or\nchildren"
    assert model.shown_text(0, REFERENCE_COLUMN) == model.row_at(0).reference
    assert "Wed 25 Nov, late" in [model.shown_text(n, MEETING_COLUMN) for n in range(3)]
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_board_cells(board) == []

    window.resize(*SMALL_SCREEN)  # and back: combined again, still with no sideways scrolling
    QApplication.processEvents()
    assert board.columns.combined
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_board_cells(board) == []

    # Another case notified: the board shows it, and still fits.
    add_case(blank_context.session, "RR-2026-004", date(2026, 11, 23), pseudonym="Child E")
    board.refresh()
    QApplication.processEvents()
    assert model.rowCount() == 4
    assert board.columns.combined
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_board_cells(board) == []
