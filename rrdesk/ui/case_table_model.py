"""The case list as a Qt item model: reference, children's pseudonyms, stage, notification.

The model sorts itself (clicking a column heading calls :meth:`CaseTableModel.sort`): each row's
key is worked out once in Python and the rows put in order, rather than Qt asking for two cells
at every comparison. A new list of cases keeps the column and direction last chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rrdesk.domain.cases import CaseSummary
from rrdesk.domain.dates import format_date

COLUMNS = ("Reference", "Child or children", "Stage", "Notification sent", "Working day")
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
NOTIFICATION_COLUMN = 3
WORKING_DAY_COLUMN = 4

# Plain numbers, compared for every cell painted.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_CASE_ID = int(CASE_ID_ROLE)

Index = QModelIndex | QPersistentModelIndex


class _Row:
    """One case as shown: its cells are worked out when first asked for, then kept."""

    __slots__ = ("cells", "summary", "working_day")

    def __init__(self, summary: CaseSummary) -> None:
        self.summary = summary
        self.cells: list[str | None] = [None] * len(COLUMNS)
        self.working_day: int | None = None


class CaseTableModel(QAbstractTableModel):
    def __init__(self, working_day: Callable[[date], int | None]) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._working_day = working_day
        self._sort_column = -1
        self._descending = False

    def set_cases(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = [_Row(summary) for summary in rows]
        if self._sort_column >= 0:
            self._rows.sort(key=self._key_for(self._sort_column), reverse=self._descending)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row].summary

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._rows):
            return None
        row = self._rows[row_number]
        if role == _DISPLAY:
            return self._cell(row, index.column())
        if role == _CASE_ID:
            return row.summary.case_id
        if role == _ACCESSIBLE:
            column = index.column()
            return f"{COLUMNS[column]}: {self._cell(row, column)}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [self._rows[index.row()] for index in before]
        self._rows.sort(key=self._key_for(column), reverse=self._descending)
        where = {id(row): number for number, row in enumerate(self._rows)}
        after = [
            self.index(where[id(row)], index.column())
            for row, index in zip(moved, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _cell(self, row: _Row, column: int) -> str:
        text = row.cells[column] if 0 <= column < len(COLUMNS) else ""
        if text is None:
            text = row.cells[column] = self._display(row, column)
        return text

    def _display(self, row: _Row, column: int) -> str:
        case = row.summary
        if column == 0:
            return case.reference
        if column == 1:
            return case.pseudonyms
        if column == 2:
            return case.stage.label
        if column == NOTIFICATION_COLUMN:
            return format_date(case.notification_sent) if case.notification_sent else "Not notified"
        day = self._day(row)
        return "" if day < 0 else f"Day {day}"

    def _day(self, row: _Row) -> int:
        """The working day reached, or -1 for a case with no running clock."""
        if row.working_day is None:
            case = row.summary
            day = None
            if case.notification_sent is not None and case.stage.is_open:
                day = self._working_day(case.notification_sent)
            row.working_day = -1 if day is None else day
        return row.working_day

    def _key_for(self, column: int) -> Callable[[_Row], Any]:
        if column == NOTIFICATION_COLUMN:
            return lambda row: row.summary.notification_sent or date.min
        if column == WORKING_DAY_COLUMN:
            return self._day
        return lambda row: self._cell(row, column).casefold()
