"""The countdown board on a 1366 by 768 laptop: the whole table, timeline and all, without
scrolling sideways; every working day on every strip numbered; today named."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_table_model import (
    NEXT_MILESTONE_COLUMN,
    PSEUDONYM_COLUMN,
    TIMELINE_COLUMN,
)
from rrdesk.ui.board.board_widget import BoardWidget
from tests.ui.board.board_fixtures import Today, add_case
from tests.ui.board.board_on_screen import assert_every_working_day_numbered_and_monday_today

BOARD_AT_1366 = 1150
"""The board's width in a 1366-wide window, beside the list of sections."""


def test_the_board_fits_a_laptop_with_every_day_numbered_and_today_named(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16), pseudonym="Child A and Child B")
    add_case(session, "RR-2026-002", date(2026, 11, 2))
    add_case(session, "RR-2026-003", date(2026, 11, 20))
    board = BoardWidget(
        TimetableService(session), today=Today(), now=lambda: datetime(2026, 11, 23, 9, 41)
    )
    qtbot.addWidget(board)
    board.resize(BOARD_AT_1366, 700)
    board.show()
    qtbot.waitUntil(lambda: board.table.viewport().width() > 1000)
    board.grab().save(str(tmp_path / "board-1366.png"))
    table = board.table
    assert table.horizontalScrollBar().maximum() == 0, "nothing is reached by scrolling sideways"
    header = table.horizontalHeader()
    assert (
        header.sectionViewportPosition(TIMELINE_COLUMN) + header.sectionSize(TIMELINE_COLUMN)
        <= table.viewport().width()
    )
    model = table.model()
    header_text = model.headerData(TIMELINE_COLUMN, header.orientation())
    assert header_text == "Timeline\nToday, Mon 23 Nov, is in yellow"
    # The next milestone wraps rather than being cut, and its header is on two lines.
    assert model.headerData(NEXT_MILESTONE_COLUMN, header.orientation()) == "Next\nmilestone"
    assert model.headerData(PSEUDONYM_COLUMN, header.orientation()) == "Child or\nchildren"
    assert_every_working_day_numbered_and_monday_today(board)
