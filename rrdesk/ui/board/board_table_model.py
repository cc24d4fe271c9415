"""The countdown board as a Qt item model: one row per open case, most urgent first.

Status is given in words in its own column, and coloured as well (never colour alone).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from rrdesk.domain.timetable.dates import format_short_date
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.domain.timetable.timeline import DayKind
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.ui.timetable.timeline_strip import ROW_ROLE, strip_summary

# Status comes straight after the clock, so it is in view however narrow the window: the
# columns after it give way first.
COLUMNS = (
    "Reference",
    "Child or children",
    "Day",
    "Working days left",
    "Status",
    "Next milestone",
    "Agency returns",
    "Meeting",
    "Timeline",
)
PSEUDONYM_COLUMN = 1
DAY_COLUMN = 2
DAYS_LEFT_COLUMN = 3
STATUS_COLUMN = 4
NEXT_MILESTONE_COLUMN = 5
RETURNS_COLUMN = 6
MEETING_COLUMN = 7
TIMELINE_COLUMN = 8
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HEADER_LINES = {
    PSEUDONYM_COLUMN: "Child or\nchildren",
    DAYS_LEFT_COLUMN: "Working\ndays left",
    NEXT_MILESTONE_COLUMN: "Next\nmilestone",
    RETURNS_COLUMN: "Agency\nreturns",
}
"""Headers of the columns whose words wrap, on two lines, so the table fits a laptop's width."""
REFERENCE_COLUMN = 0
COMBINED_INTO = {
    REFERENCE_COLUMN: (REFERENCE_COLUMN, PSEUDONYM_COLUMN),
    STATUS_COLUMN: (STATUS_COLUMN, DAY_COLUMN, DAYS_LEFT_COLUMN),
    RETURNS_COLUMN: (RETURNS_COLUMN, MEETING_COLUMN),
}
"""In a narrow window, the columns each of these shows too, one under the other (the others are
hidden): the table then fits a 1024-wide screen with its timeline, and every word is still on
the board."""
COMBINED_HIDDEN = tuple(
    column for shown, columns in COMBINED_INTO.items() for column in columns if column != shown
)
COMBINED_HEADERS = {
    REFERENCE_COLUMN: "Case",
    STATUS_COLUMN: "Status\nand day",
    RETURNS_COLUMN: "Returns and\nmeeting",
}

STATUS_COLOURS: dict[ReviewStatus, tuple[str, str]] = {
    # (background, text): each pair is at least 7:1
    ReviewStatus.ON_TRACK: ("#cce2d8", "#005a30"),
    ReviewStatus.DUE_SOON: ("#fff7bf", "#594d00"),
    ReviewStatus.OVERDUE: ("#f4cdc6", "#6f0a13"),
    ReviewStatus.DONE: ("#e8eaec", "#0b0c0c"),
}

Index = QModelIndex | QPersistentModelIndex


def short_date(day: date) -> str:
    """``Wed 25 Nov``: short enough for the board; tooltips and the case page give it in full."""
    return format_short_date(day)


def _meeting_short(row: BoardRow) -> str:
    if row.meeting_date is None:
        return "Not booked"
    return short_date(row.meeting_date) + (", late" if row.meeting_late else "")


def _day_short(row: BoardRow) -> str:
    """The day of the clock, and ``notified late`` when the notification was over 5 working days
    after the local authority became aware."""
    late = row.notification is not None and row.notification.late
    return f"{row.day_of_total}, notified late" if late else row.day_of_total


def _days_left_short(row: BoardRow) -> str:
    """The working days left; a deadline just passed (no working day since) by its short date."""
    if row.progress.deadline_just_passed:
        return f"Deadline passed, {short_date(row.progress.deadline)}"
    return row.days_left_words


class BoardTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BoardRow] = []
        self.combined = False
        self.timeline_narrow = False

    def set_combined(self, combined: bool) -> None:
        """Show the narrow window's columns (``COMBINED_INTO``), or each column on its own."""
        if combined == self.combined:
            return
        self.combined = combined
        last = len(COLUMNS) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    def set_timeline_narrow(self, narrow: bool) -> None:
        """Break the timeline's header about today onto two lines, for a strip narrower than its
        words on one (a 1024 by 768 screen), or give them on one line."""
        if narrow == self.timeline_narrow:
            return
        self.timeline_narrow = narrow
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, TIMELINE_COLUMN, TIMELINE_COLUMN)

    def set_rows(self, rows: list[BoardRow]) -> None:
        """Show ``rows``; when the same cases are in the same order only the changed rows (from
        the first to the last of them) repaint."""
        same_cases = [r.case_id for r in rows] == [r.case_id for r in self._rows]
        if not same_cases:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        old, self._rows = self._rows, list(rows)
        changed = [n for n, (was, now) in enumerate(zip(old, rows, strict=True)) if was is not now]
        if changed:  # one signal for them all: each one makes the rows' heights be fitted again
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def row_at(self, row: int) -> BoardRow:
        return self._rows[row]

    @property
    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == TIMELINE_COLUMN:
                return self.timeline_header()
            if self.combined and section in COMBINED_HEADERS:
                return COMBINED_HEADERS[section]
            return HEADER_LINES.get(section, COLUMNS[section])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if self.combined and section in COMBINED_INTO:
                return ", ".join(COLUMNS[c] for c in COMBINED_INTO[section])
            return COLUMNS[section]
        return None

    def timeline_header(self, *, narrow: bool | None = None) -> str:
        """The timeline's header names today, the day in yellow on every strip; on three
        lines if ``narrow`` (by default, as the strip is now)."""
        if not self._rows:
            return "Timeline"
        today = self._rows[0].progress.today
        working = any(
            day.is_today and day.kind is DayKind.WORKING for day in self._rows[0].timeline
        )
        words = "is in yellow" if working else "is not a working day"
        space = "\n" if (self.timeline_narrow if narrow is None else narrow) else " "
        return f"Timeline\nToday, {short_date(today)},{space}{words}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if column == TIMELINE_COLUMN else self.text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and self.combined:
            return self.shown_tooltip(index.row(), column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{COLUMNS[column]}: {self.full_text(row, column)}"
        if column == STATUS_COLUMN and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[row.status][0])
        if column == STATUS_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[row.status][1])
        return None

    def shown_text(self, number: int, column: int) -> str:
        """The words the cell shows: in a narrow window, those of the columns it stands for too,
        one under the other."""
        row = self._rows[number]
        if not self.combined or column not in COMBINED_INTO:
            return self.text(row, column)
        return "\n".join(self.text(row, c, in_words=True) for c in COMBINED_INTO[column])

    def shown_tooltip(self, number: int, column: int) -> str:
        """The cell's words in full, each column's named: in a narrow window, every column's it
        stands for."""
        row = self._rows[number]
        columns = COMBINED_INTO.get(column, (column,)) if self.combined else (column,)
        return "\n".join(f"{COLUMNS[c]}: {self.full_text(row, c)}" for c in columns)

    @classmethod
    def full_text(cls, row: BoardRow, column: int) -> str:
        """The cell's words with dates in full (for tooltips and screen readers)."""
        if column == NEXT_MILESTONE_COLUMN:
            return row.next_milestone_words
        if column == MEETING_COLUMN:
            return row.meeting_words
        if column == DAYS_LEFT_COLUMN:
            return row.days_left_words
        if column == RETURNS_COLUMN:
            return row.returns_full_words
        if column == DAY_COLUMN and row.notification is not None:
            return f"{row.day_of_total}. Notified {row.notification.words}"
        return cls.text(row, column)

    @staticmethod
    def text(row: BoardRow, column: int, *, in_words: bool = False) -> str:
        """The cell's words; ``in_words`` for a line among others, where a bare date or "Not
        booked" would not say what it is of."""
        if in_words and column == MEETING_COLUMN:
            if row.meeting_date is None:
                return "Meeting not booked"
            return f"Meeting {_meeting_short(row)}"
        milestone, meeting = row.next_milestone, row.next_meeting
        if milestone is None or milestone.due is None:
            next_words = "None left"
        elif meeting is not None:
            next_words = meeting.words(short_date, separator=", ")
        else:
            next_words = f"{milestone.label}, {short_date(milestone.due)}"
        values = (
            row.reference,
            row.pseudonyms,
            _day_short(row),
            _days_left_short(row),
            row.status.words,
            next_words,
            row.returns_words,
            _meeting_short(row),
            strip_summary(row),
        )
        return values[column]
