"""Local reviews on the countdown board: each review's next milestone, its date and status.

Local review milestones are counted in calendar months (completion six months after
commissioning, the implementation workshop a year after publication), so they are listed apart
from the 15-working-day strips.

The rows are held by a model that is reset only when what it shows changes: the board refreshes
often, and after some years there are dozens of local reviews.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from rrdesk.domain.after_meeting.local_review import milestone_status
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.after_meeting.local_review_service import LocalReviewBoardRow
from rrdesk.ui.board.board_table_model import STATUS_COLOURS

COLUMNS = ("Reference", "Child or children", "Next milestone", "Due", "When", "Status")
STATUS_COLUMN = len(COLUMNS) - 1
LocalReviews = Callable[[date], Sequence[LocalReviewBoardRow]]
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LocalReviewLine:
    """One local review as the table shows it."""

    case_id: int
    cells: tuple[str, ...]
    status: ReviewStatus


def review_line(row: LocalReviewBoardRow, today: date) -> LocalReviewLine:
    milestone = row.next_milestone
    status = row.status if milestone is None else milestone_status(milestone, today)
    cells = (
        row.reference,
        row.pseudonyms,
        "All milestones done" if milestone is None else milestone.label,
        "" if milestone is None or milestone.due is None else format_date(milestone.due),
        "" if milestone is None else milestone.status_words(today),
        status.words,
    )
    return LocalReviewLine(row.case_id, cells, status)


class LocalReviewTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[LocalReviewLine] = []

    def set_lines(self, lines: list[LocalReviewLine]) -> bool:
        """Show ``lines``; returns whether anything changed."""
        if lines == self.lines:
            return False
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return line.cells[column]
        if column == STATUS_COLUMN and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[line.status][0])
        if column == STATUS_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[line.status][1])
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class LocalReviewTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("local_review_table")
        self.setAccessibleName("Local reviews and their next milestones")
        self.review_model = LocalReviewTableModel()
        self.setModel(self.review_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    @property
    def case_ids(self) -> list[int]:
        return [line.case_id for line in self.review_model.lines]

    def show_rows(self, rows: Sequence[LocalReviewBoardRow], today: date) -> None:
        if not self.review_model.set_lines([review_line(row, today) for row in rows]):
            return
        self.setFixedHeight(
            self.horizontalHeader().sizeHint().height()
            + 4
            + sum(self.rowHeight(r) for r in range(len(rows)))
        )
