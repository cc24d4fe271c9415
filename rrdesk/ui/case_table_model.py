"""The case list as a Qt item model: reference, children's pseudonyms, stage, notification."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rrdesk.domain.cases import CaseSummary
from rrdesk.domain.dates import format_date

COLUMNS = ("Reference", "Child or children", "Stage", "Notification sent", "Working day")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    def __init__(self, working_day: Callable[[date], int | None]) -> None:
        super().__init__()
        self._rows: list[CaseSummary] = []
        self._working_day = working_day

    def set_cases(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role == CASE_ID_ROLE:
            return case.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == SORT_ROLE:
            return self._sort_key(case, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column]}: {self._display(case, column)}"
        return None

    def _display(self, case: CaseSummary, column: int) -> str:
        if column == 0:
            return case.reference
        if column == 1:
            return case.pseudonyms
        if column == 2:
            return case.stage.label
        if column == 3:
            return format_date(case.notification_sent) if case.notification_sent else "Not notified"
        if column == 4:
            if case.notification_sent is None or not case.stage.is_open:
                return ""
            day = self._working_day(case.notification_sent)
            return "" if day is None else f"Day {day}"
        return ""

    def _sort_key(self, case: CaseSummary, column: int) -> Any:
        if column == 3:
            return case.notification_sent.isoformat() if case.notification_sent else ""
        if column == 4:
            if case.notification_sent is None or not case.stage.is_open:
                return -1
            day = self._working_day(case.notification_sent)
            return -1 if day is None else day
        return self._display(case, column).casefold()
