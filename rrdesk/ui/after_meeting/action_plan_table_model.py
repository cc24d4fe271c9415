"""The action plan as a table: overdue rows in words ("Overdue by 12 working days") and in
colour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from rrdesk.domain.after_meeting.action_plan import PlanAction, ShownStatus
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date

OVERDUE_BACKGROUND = QColor("#f9d4d2")
OVERDUE_INK = QColor("#942514")
COMPLETED_INK = QColor("#005a30")

COLUMNS = ("Case and review", "Action", "Owner agency", "Due", "Status", "Evidence", "Embedded")
ACTION_COLUMN = 1
STATUS_COLUMN = 4
_Index = QModelIndex | QPersistentModelIndex


def status_text(action: PlanAction, today: date, calendar: BankHolidayCalendar) -> str:
    shown = action.shown_status(today)
    if shown is ShownStatus.OVERDUE:
        days = action.days_overdue(today, calendar)
        return f"Overdue by {days} working day{'' if days == 1 else 's'}"
    return shown.label


def embedded_text(action: PlanAction) -> str:
    t = action.tracking
    if t.embedded_on is None:
        return "Not yet"
    return f"Yes: {t.embedded_by}, {format_date(t.embedded_on)}"


class ActionPlanTableModel(QAbstractTableModel):
    def __init__(self, today: date, calendar: BankHolidayCalendar) -> None:
        super().__init__()
        self._actions: tuple[PlanAction, ...] = ()
        self._today = today
        self._calendar = calendar

    def set_actions(self, actions: Sequence[PlanAction], today: date) -> None:
        self.beginResetModel()
        self._actions = tuple(actions)
        self._today = today
        self.endResetModel()

    def action_at(self, row: int) -> PlanAction:
        return self._actions[row]

    @property
    def actions(self) -> tuple[PlanAction, ...]:
        return self._actions

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def _text(self, action: PlanAction, column: int) -> str:
        values = (
            f"{action.case_reference}\n{action.review.label}",
            action.action,
            action.owner_agency,
            format_date(action.due) if action.due else "No date",
            status_text(action, self._today, self._calendar),
            action.tracking.evidence,
            embedded_text(action),
        )
        return values[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        action = self._actions[index.row()]
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        shown = action.shown_status(self._today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(action, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column]}: {self._text(action, column)}"
        if role == Qt.ItemDataRole.BackgroundRole and shown is ShownStatus.OVERDUE:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
            if shown is ShownStatus.OVERDUE:
                return QBrush(OVERDUE_INK)
            if shown is ShownStatus.COMPLETED:
                return QBrush(COMPLETED_INK)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == STATUS_COLUMN
            and shown is ShownStatus.OVERDUE
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None
