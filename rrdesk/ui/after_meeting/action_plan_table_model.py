"""The action plan as a table: overdue rows in words ("Overdue by 12 working days") and in
colour. Where the seven columns do not fit, the evidence and whether the change is embedded are
left to the chosen action's form (``LEFT_TO_THE_FORM``), and in a narrower window still some
columns are shown together, one under the other (``COMBINED_INTO``): the headers say so
(:class:`ColumnLayout`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from rrdesk.domain.after_meeting.action_plan import PlanAction, ShownStatus
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date

OVERDUE_BACKGROUND = QColor("#f9d4d2")
OVERDUE_INK = QColor("#942514")
COMPLETED_INK = QColor("#005a30")

COLUMNS = ("Case and review", "Action", "Owner agency", "Due", "Status", "Evidence", "Embedded")
CASE_COLUMN = 0
ACTION_COLUMN = 1
OWNER_COLUMN = 2
DUE_COLUMN = 3
STATUS_COLUMN = 4
EVIDENCE_COLUMN = 5
EMBEDDED_COLUMN = 6
COMBINED_INTO = {
    ACTION_COLUMN: (ACTION_COLUMN, OWNER_COLUMN),
    STATUS_COLUMN: (DUE_COLUMN, STATUS_COLUMN),
}
"""In a narrow window, the columns each of these shows, one under the other: the action's words
with its owner agency under them, and the due date above the status (in the status's colour)."""
LEFT_TO_THE_FORM = (EVIDENCE_COLUMN, EMBEDDED_COLUMN)
"""Not shown where the seven columns do not fit: the chosen action's form shows them, as the
exports do."""
COMBINED_HIDDEN = (OWNER_COLUMN, DUE_COLUMN, *LEFT_TO_THE_FORM)
COMBINED_HEADERS = {ACTION_COLUMN: "Action and owner agency", STATUS_COLUMN: "Due and status"}
LEFT_OUT = (
    "Evidence and Embedded are not shown in a window this narrow: choose an action to see them "
    "under The chosen action (the saved Excel, CSV and PDF have every column)."
)
_Index = QModelIndex | QPersistentModelIndex


class ColumnLayout(Enum):
    """How the columns are shown, from the widest window to the narrowest."""

    EVERY_COLUMN = ()
    """Every column on its own."""
    TRACKING_LEFT_TO_THE_FORM = LEFT_TO_THE_FORM
    """Each column on its own but the evidence and whether embedded, left to the form."""
    COMBINED = COMBINED_HIDDEN
    """The owner agency under the action and the due date above the status (``COMBINED_INTO``),
    the evidence and whether embedded left to the form."""

    @property
    def hidden(self) -> tuple[int, ...]:
        """The columns not shown."""
        hidden: tuple[int, ...] = self.value
        return hidden


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
        self.layout = ColumnLayout.EVERY_COLUMN

    @property
    def combined(self) -> bool:
        """Whether some columns are shown together, one under the other (``COMBINED_INTO``)."""
        return self.layout is ColumnLayout.COMBINED

    def set_layout(self, layout: ColumnLayout) -> None:
        """Show the columns as ``layout`` has them: the headers say what it leaves out."""
        if layout is self.layout:
            return
        self.layout = layout
        last = len(COLUMNS) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._actions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._actions) - 1, last))

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
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.SizeHintRole:
                return QSize(0, 0)  # the row numbers are hidden: no row taller than its words
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(COLUMNS):
            return None
        combined = self.combined and section in COMBINED_INTO
        if role == Qt.ItemDataRole.DisplayRole:
            return COMBINED_HEADERS[section] if combined else COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and combined:
            shown = ", then ".join(COLUMNS[c] for c in COMBINED_INTO[section])
            return f"{shown}, one under the other. {LEFT_OUT}"
        if role == Qt.ItemDataRole.ToolTipRole and self.layout.hidden:
            return f"{COLUMNS[section]}. {LEFT_OUT}"
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

    def shown_text(self, row: int, column: int) -> str:
        """The words the cell shows: in a narrow window, those of the columns it stands for,
        one under the other, the owner agency named as such."""
        action = self._actions[row]
        if not self.combined or column not in COMBINED_INTO:
            return self._text(action, column)
        if column == ACTION_COLUMN:
            return f"{action.action}\nOwner: {action.owner_agency}"
        return "\n".join(self._text(action, c) for c in COMBINED_INTO[column])

    def _tooltip(self, row: int, column: int) -> str:
        """The cell's words, each column's named where the cell stands for more than one."""
        action = self._actions[row]
        if not self.combined or column not in COMBINED_INTO:
            return self._text(action, column)
        return "\n".join(f"{COLUMNS[c]}: {self._text(action, c)}" for c in COMBINED_INTO[column])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        action = self._actions[index.row()]
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        shown = action.shown_status(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown_text(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if self.combined and column in COMBINED_INTO:
                return self._tooltip(index.row(), column).replace("\n", ", ")
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
