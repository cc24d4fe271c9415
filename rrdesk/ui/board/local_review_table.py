"""Local reviews on the countdown board: each review's next milestone, its date and status.

Local review milestones are counted in calendar months (completion six months after
commissioning, the implementation workshop a year after publication), so they are listed apart
from the 15-working-day strips.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from rrdesk.domain.after_meeting.local_review import milestone_status
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.after_meeting.local_review_service import LocalReviewBoardRow
from rrdesk.ui.board.board_table_model import STATUS_COLOURS

COLUMNS = ("Reference", "Child or children", "Next milestone", "Due", "When", "Status")
LocalReviews = Callable[[date], Sequence[LocalReviewBoardRow]]


class LocalReviewTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("local_review_table")
        self.setAccessibleName("Local reviews and their next milestones")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.case_ids: list[int] = []

    def show_rows(self, rows: Sequence[LocalReviewBoardRow], today: date) -> None:
        self.setRowCount(len(rows))
        self.case_ids = [row.case_id for row in rows]
        for number, row in enumerate(rows):
            milestone = row.next_milestone
            status = row.status if milestone is None else milestone_status(milestone, today)
            values = (
                row.reference,
                row.pseudonyms,
                "All milestones done" if milestone is None else milestone.label,
                "" if milestone is None or milestone.due is None else format_date(milestone.due),
                "" if milestone is None else milestone.status_words(today),
                status.words,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == len(COLUMNS) - 1:
                    background, foreground = STATUS_COLOURS[status]
                    item.setBackground(QColor(background))
                    item.setForeground(QColor(foreground))
                self.setItem(number, column, item)
        self.setFixedHeight(
            self.horizontalHeader().height() + 4 + sum(self.rowHeight(r) for r in range(len(rows)))
        )
