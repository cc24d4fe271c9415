"""Cases sent to the National Panel on the countdown board: the Panel's response as a stage,
or when one is expected (about 10 working days after the decision was sent)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.after_meeting.panel_response_service import PanelResponseRow
from rrdesk.ui.board.board_table_model import STATUS_COLOURS

COLUMNS = ("Reference", "Child or children", "Sent", "The National Panel's response", "Status")
STATUS_COLUMN = len(COLUMNS) - 1
PanelResponses = Callable[[date], Sequence[PanelResponseRow]]


def response_cells(row: PanelResponseRow) -> tuple[str, ...]:
    status = "Chase" if row.status is ReviewStatus.OVERDUE else row.status.words
    if row.response is not None and row.response.needs_action:
        status = "Send what was asked for"
    elif row.response is not None:
        status = "Answered"
    return (row.reference, row.pseudonyms, format_date(row.sent_on), row.words, status)


class PanelResponseTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("panel_response_table")
        self.setAccessibleName("Decisions sent to the National Panel and its responses")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.case_ids: list[int] = []
        self._shown: list[tuple[str, ...]] = []

    def show_rows(self, rows: Sequence[PanelResponseRow]) -> None:
        lines = [response_cells(row) for row in rows]
        if lines == self._shown:
            return
        self._shown = lines
        self.case_ids = [row.case_id for row in rows]
        self.setRowCount(len(rows))
        for number, (row, cells) in enumerate(zip(rows, lines, strict=True)):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == STATUS_COLUMN:
                    background, foreground = STATUS_COLOURS[row.status]
                    item.setBackground(QBrush(QColor(background)))
                    item.setForeground(QBrush(QColor(foreground)))
                self.setItem(number, column, item)
        self.resizeRowsToContents()
        self.setFixedHeight(
            self.horizontalHeader().sizeHint().height()
            + 4
            + sum(self.rowHeight(r) for r in range(len(rows)))
        )
