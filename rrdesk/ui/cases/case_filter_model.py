"""The case list as shown: the cases at the chosen stage whose words hold what was typed.

It filters the rows :class:`CaseTableModel` already holds, so a keystroke in the search box or
a stage chosen reads nothing from the store and builds no row: with ten years of cases that is
well inside a frame. The order is the case table model's own (it sorts itself when a heading is
clicked); this model keeps it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from rrdesk.domain.cases.cases import CaseSummary, Stage
from rrdesk.services.cases.case_service import matches_search
from rrdesk.ui.cases.case_table_model import CaseTableModel


class CaseFilterModel(QSortFilterProxyModel):
    def __init__(self, cases: CaseTableModel) -> None:
        super().__init__()
        self._cases = cases
        self.setSourceModel(cases)
        self._stage: Stage | None = None
        self._words = ""
        self._search_texts: Mapping[int, str] = {}

    def show_only(
        self, *, stage: Stage | None, words: str, search_texts: Mapping[int, str]
    ) -> None:
        """Show the cases at ``stage`` (all with ``None``) whose search text holds ``words``."""
        self.beginFilterChange()
        self._stage = stage
        self._words = words
        self._search_texts = search_texts
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self._stage is None and not self._words.strip():
            return True
        case = self._cases.case_at(source_row)
        if self._stage is not None and case.stage is not self._stage:
            return False
        return matches_search(self._search_texts.get(case.case_id, ""), self._words)

    def case_id_at(self, row: int) -> int | None:
        """The case shown on ``row``."""
        found = self.mapToSource(self.index(row, 0))
        return self._cases.case_id_at(found.row()) if found.isValid() else None

    def case_at(self, row: int) -> CaseSummary:
        found = self.mapToSource(self.index(row, 0))
        if not found.isValid():
            raise IndexError(f"no case on row {row}")
        return self._cases.case_at(found.row())
