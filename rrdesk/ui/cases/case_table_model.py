"""The case list as a Qt item model: reference, children's pseudonyms, stage, notification.

Each cell is worked out once, when the cases are set, and kept by Qt with a sort key beside it
(:data:`SORT_ROLE`), so sorting by a column heading is done by Qt without asking Python for any
cell. A new list of cases is put in the order last chosen (:meth:`CaseTableModel.sort_by`):
at first, the newest case first (the highest reference), as a table view's heading starts.

The model names no value of PySide6's ``Qt`` namespace until a heading is clicked (see
:mod:`rrdesk.ui.kit.item_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QStandardItem, QStandardItemModel

from rrdesk.domain.cases.cases import CaseSummary
from rrdesk.domain.timetable.dates import format_date
from rrdesk.ui.kit.item_roles import ACCESSIBLE_TEXT_ROLE, USER_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

COLUMNS = ("Reference", "Child or children", "Stage", "Notification sent", "Working day")
REFERENCE_COLUMN = 0

SORT_ROLE = USER_ROLE + 1
CASE_ID_ROLE = USER_ROLE + 2

_REFERENCE = re.compile(r"([A-Za-z]+)-(\d+)-(\d+)")


def _reference_key(reference: str) -> str:
    """References sort by year then number (RR-2026-1000 after RR-2026-999)."""
    found = _REFERENCE.fullmatch(reference)
    if found is None:
        return reference.casefold()
    prefix, year, number = found.groups()
    return f"{prefix.casefold()}-{int(year):06d}-{int(number):09d}"


def _as_qt_compares(key: Any) -> Any:
    """A sort key put in the order Qt puts it: text by its UTF-16 code units, as Qt compares it
    (Python compares characters, which differs for those beyond U+FFFF, emoji for one)."""
    return key.encode("utf-16-be", "surrogatepass") if isinstance(key, str) else key


class CaseTableModel(QStandardItemModel):
    def __init__(self, working_day: Callable[[date], int | None]) -> None:
        super().__init__(0, len(COLUMNS))
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setSortRole(SORT_ROLE)
        self._working_day = working_day
        self._summaries: dict[int, CaseSummary] = {}
        self._sort_column = REFERENCE_COLUMN
        self._descending = True
        # Every cell is a copy of this one, shown and not edited: one call a cell instead of two.
        self._cell_template = QStandardItem()
        self._cell_template.setEditable(False)

    def set_cases(self, rows: list[CaseSummary]) -> None:
        """Show ``rows``, in the order last chosen."""
        shown = [(summary, self._cells(summary)) for summary in rows]
        column = self._sort_column
        shown.sort(key=lambda pair: _as_qt_compares(pair[1][column][1]), reverse=self._descending)
        self._summaries = {summary.case_id: summary for summary in rows}
        self.setRowCount(0)
        for summary, cells in shown:
            items = [self._item(number, text, key) for number, (text, key) in enumerate(cells)]
            items[0].setData(summary.case_id, CASE_ID_ROLE)
            self.appendRow(items)

    def sort_by(self, column: int, *, descending: bool) -> None:
        """Sort by ``column`` now, and put every new list of cases in that order."""
        from PySide6.QtCore import Qt

        if not 0 <= column < len(COLUMNS):
            return
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.sort(column, order)
        self.remember_sort(column, order)

    def remember_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Note the order Qt has just put the cases in (a column heading clicked)."""
        from PySide6.QtCore import Qt

        if 0 <= column < len(COLUMNS):
            self._sort_column = column
            self._descending = order == Qt.SortOrder.DescendingOrder

    def case_id_at(self, row: int) -> int | None:
        """The case shown on ``row`` (the first cell carries it)."""
        found = self.index(row, 0).data(CASE_ID_ROLE)
        return None if found is None else int(found)

    def case_at(self, row: int) -> CaseSummary:
        case_id = self.case_id_at(row)
        if case_id is None:
            raise IndexError(f"no case on row {row}")
        return self._summaries[case_id]

    def _item(self, column: int, text: str, key: Any) -> QStandardItem:
        item = self._cell_template.clone()
        item.setText(text)
        item.setData(key, SORT_ROLE)
        item.setData(f"{COLUMNS[column]}: {text}", ACCESSIBLE_TEXT_ROLE)
        return item

    def _cells(self, case: CaseSummary) -> list[tuple[str, Any]]:
        """Each cell's text and sort key."""
        sent = case.notification_sent
        day = None
        if sent is not None and case.stage.is_open:
            day = self._working_day(sent)
        return [
            (case.reference, _reference_key(case.reference)),
            (case.pseudonyms, case.pseudonyms.casefold()),
            (case.stage.label, case.stage.label.casefold()),
            (format_date(sent) if sent else "Not notified", sent.isoformat() if sent else ""),
            ("" if day is None else f"Day {day}", -1 if day is None else day),
        ]
