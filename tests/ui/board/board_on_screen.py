"""The countdown board as a person sees it on a screen of a given size: shown in the main window,
its cells' words whole or cut short, and the working days numbered on each case's strip."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.timetable.timeline import DayKind
from rrdesk.ui.board.board_table_model import TIMELINE_COLUMN
from rrdesk.ui.board.board_widget import BoardWidget
from rrdesk.ui.timetable.timeline_strip import cell_rects, first_fitting, strip_font
from tests.ui.board.board_fixtures import MONDAY

SMALL_SCREEN = (1024, 700)  # a 1024 by 768 screen less the title and task bars
LAPTOP = (1366, 740)


def board_in_main_window(qtbot: QtBot, context: AppContext, size: tuple[int, int]) -> BoardWidget:
    """The main window, on Monday 23 November, at ``size`` and showing the board."""
    context.today = lambda: MONDAY
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_section("board")
    board = window.section("board")
    assert isinstance(board, BoardWidget)
    QApplication.processEvents()
    assert (window.width(), window.height()) == size
    return board


def cut_board_cells(board: BoardWidget) -> list[str]:
    """Each cell shown whose words, wrapped at its width, need more room than it has."""
    table, model = board.table, board.model
    metrics = QFontMetrics(table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for number in range(model.rowCount()):
        for column in range(TIMELINE_COLUMN):
            if table.isColumnHidden(column):
                continue
            text = model.shown_text(number, column)
            room = table.columnWidth(column) - 2 * margin
            words = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
            if words.width() > room or words.height() > table.rowHeight(number):
                cut.append(f"{text!r} in {room} by {table.rowHeight(number)}")
    return cut


def assert_every_working_day_numbered_and_monday_today(board: BoardWidget) -> None:
    """On every case's strip each working day shows its number (day 15 among them) and Monday
    23 November is outlined as today."""
    table, model = board.table, board.model
    for number in range(model.rowCount()):
        row = model.row_at(number)
        rect = QRectF(table.visualRect(model.index(number, TIMELINE_COLUMN))).adjusted(2, 4, -2, -4)
        metrics = QFontMetricsF(strip_font(table.font(), rect, row, with_dates=False))
        shown = [
            first_fitting((str(day.review_day),), cell.width() - 2, metrics)
            for cell, day in zip(cell_rects(rect, row.timeline), row.timeline, strict=True)
            if day.kind is DayKind.WORKING
        ]
        assert all(shown), (row.reference, shown)
        assert "15" in shown, row.reference
        assert any(day.is_today for day in row.timeline if day.day == MONDAY)
