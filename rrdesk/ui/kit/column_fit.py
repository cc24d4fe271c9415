"""Fitting a table's words to its width: a column that takes the room the others leave, but never
less than it needs, and rows as tall as their wrapped words.

Qt's own stretching squeezes a stretched column to almost nothing when the window is narrow,
which makes a column of sentences one word wide, or a timeline strip a sliver. A
:class:`FillingColumn` keeps the column at least ``minimum`` pixels wide: when the others leave
less room than that, the table scrolls sideways to it instead.

:func:`rows_fit_their_words` keeps each row as tall as its words wrapped at the columns' widths
now. Fitting the rows once when the table is filled, or as each column is resized, measures them
at widths about to change (the others' not yet resized), which cut the words short.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class FillingColumn(QObject):
    """Keeps ``column`` of ``table`` filling the width the other columns leave, or ``minimum``."""

    def __init__(self, table: QTableView, column: int, minimum: int) -> None:
        # Kept by the viewport it watches, so it goes with it; it names the viewport it was
        # given, as the table's own wrapper is gone while the table is being taken down.
        viewport = table.viewport()
        super().__init__(viewport)
        self._table = table
        self._viewport = viewport
        self.column = column
        self.minimum = minimum
        header = table.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._on_section_resized)
        viewport.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != self.column and not header.isSectionHidden(column)
        )
        width = max(self.minimum, self._viewport.width() - others)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:
            self.fit()


def rows_fit_their_words(table: QTableView) -> None:
    """Wrap ``table``'s words and keep each row as tall as them at the columns' widths now:
    fitted again whenever the columns change width (a window made smaller, a scroll bar
    appearing), not only when the table is filled."""
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
