"""The requests table of the Agency forms tab: each agency's status in words first, the colour
and symbol only repeating them, and where its form has got to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from rrdesk.domain.agency_forms.agency_requests import RequestStatus
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.agency_forms.request_chasing import RequestRow
from rrdesk.ui.kit.column_fit import rows_fit_their_words

# Status words always come first; the colour and symbol only repeat them.
STATUS_LOOK = {
    RequestStatus.NOT_SENT: ("\u25cb", "#e5e6e7"),
    RequestStatus.SENT: ("\u2709", "#d2e2f1"),
    RequestStatus.DUE_SOON: ("\u25d4", "#fff2b3"),
    RequestStatus.OVERDUE: ("\u26a0", "#f4cdc6"),
    RequestStatus.RECEIVED: ("\u2b07", "#e8f1f8"),
    RequestStatus.RETURNED: ("\u21a9", "#fbe2c8"),
    RequestStatus.QUALITY_ASSURED: ("\u2713", "#cce2d8"),
}
COLUMNS = ("Agency", "Status", "Due back", "Form")
ROOM_FOR_ROWS = 5
"""The rows the table always has room for, whole: below that the tab scrolls (a long quality
assurance text under the table on a 1024 by 768 screen) rather than squeeze the table."""


def requests_table() -> QTableWidget:
    """The table, empty. Several agencies can be selected, to record their requests together.
    The agency and its status share the width and wrap rather than being cut short on a small
    screen: the status's date is what the coordinator reads it for."""
    table = QTableWidget(0, len(COLUMNS))
    table.setObjectName("requests_table")
    table.setAccessibleName("Agency check form requests")
    table.setHorizontalHeaderLabels(COLUMNS)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    rows_fit_their_words(table)
    header = table.horizontalHeader()
    for column, mode in enumerate(
        (
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.Stretch,
            QHeaderView.ResizeMode.ResizeToContents,
            QHeaderView.ResizeMode.ResizeToContents,
        )
    ):
        header.setSectionResizeMode(column, mode)
    # The rows are fitted to their words again as the columns change width: the room kept
    # follows them.
    table.verticalHeader().sectionResized.connect(lambda *_: keep_room_for_rows(table))
    return table


def keep_room_for_rows(table: QTableWidget) -> None:
    """Make the table at least as tall as its heading and its first :data:`ROOM_FOR_ROWS` rows."""
    rows = sum(table.rowHeight(row) for row in range(min(table.rowCount(), ROOM_FOR_ROWS)))
    heading = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(heading + rows + 2 * table.frameWidth())


def due_back_text(row: RequestRow) -> str:
    """The "Due back" cell: the date awaited, a dash once the form is in, and otherwise why
    there is no date."""
    status = row.status.status
    if status in (RequestStatus.RECEIVED, RequestStatus.QUALITY_ASSURED):
        return "\u2014"
    due = row.status.due_on or row.request.due_on
    if due is not None:
        return format_date(due)
    if status is RequestStatus.NOT_SENT:
        return "Not sent yet"
    if status is RequestStatus.RETURNED:
        return "No new date set"
    return "No date set"


def fill_requests_table(table: QTableWidget, rows: Sequence[RequestRow]) -> None:
    """One row per agency chosen: agency, status, due back and the form."""
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        symbol, colour = STATUS_LOOK[row.status.status]
        due_text = due_back_text(row)
        form_text = (
            "Ready for quality assurance"
            if row.form_ready
            else "Being entered"
            if row.form_started
            else "Not started"
        )
        if row.status.status is RequestStatus.QUALITY_ASSURED:
            form_text = "In the panel pack"
        status_text = f"{symbol} {row.status.words}"
        if row.meeting_warning:  # due after the meeting: said in words, where the due date is
            status_text += f" {row.meeting_warning}"
            due_text += "\n\u26a0 After the meeting"
        cells = (row.agency, status_text, due_text, form_text)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 1:
                item.setBackground(QBrush(QColor(colour)))
                item.setForeground(QBrush(QColor("#0b0c0c")))
            table.setItem(number, column, item)
    keep_room_for_rows(table)
