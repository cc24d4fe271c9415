"""The countdown board's next milestone names the Rapid Review meeting for what it is, as the
panel pack does: not booked yet (by the latest day the process expects it) or booked (on the
day booked), never the process's "meeting held" before it is; and its words fit the column in a
1024-wide window and a 1366-wide one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_table_model import NEXT_MILESTONE_COLUMN, TIMELINE_COLUMN
from rrdesk.ui.board.board_widget import BoardWidget
from tests.ui.board.board_fixtures import add_case
from tests.ui.board.board_on_screen import (
    LAPTOP,
    SMALL_SCREEN,
    board_in_main_window,
    cut_board_cells,
)


def _next_milestones(board: BoardWidget) -> dict[str, tuple[str, str]]:
    """Each case's next milestone as the cell shows it and as pointing at it gives it."""
    model = board.model
    return {
        model.row_at(n).reference: (
            model.shown_text(n, NEXT_MILESTONE_COLUMN),
            str(model.index(n, NEXT_MILESTONE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)),
        )
        for n in range(model.rowCount())
    }


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("size", [SMALL_SCREEN, LAPTOP], ids=["1024", "1366"])
def test_the_next_milestone_says_whether_the_meeting_is_booked(
    qtbot: QtBot, blank_context: AppContext, size: tuple[int, int]
) -> None:
    session = blank_context.session
    # The statutory process's label for the meeting is "Rapid Review meeting held".
    add_case(session, "RR-2026-011", date(2026, 11, 16), profile="statutory")
    booked = add_case(session, "RR-2026-012", date(2026, 11, 17), profile="statutory")
    TimetableService(session).book_meeting(booked, date(2026, 11, 27))
    board = board_in_main_window(qtbot, blank_context, size)

    assert _next_milestones(board) == {
        "RR-2026-011": (
            "Rapid Review meeting (not booked yet), by Thu 3 Dec",  # day 13, the latest
            "Next milestone: Rapid Review meeting (not booked yet): by 3 December 2026",
        ),
        "RR-2026-012": (
            "Rapid Review meeting (booked), Fri 27 Nov",
            "Next milestone: Rapid Review meeting (booked): 27 November 2026",
        ),
    }
    shown = [
        board.model.shown_text(n, column)
        for n in range(board.model.rowCount())
        for column in range(TIMELINE_COLUMN)
    ]
    assert not [text for text in shown if "held" in text]
    assert board.table.horizontalScrollBar().maximum() == 0
    assert cut_board_cells(board) == []
