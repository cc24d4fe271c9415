"""Where a table's columns are on screen, as a person would see them."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView, QTableWidget


def right_edge(table: QTableView, column: int) -> int:
    """Where ``column`` ends in the visible area (past its width: scrolled out of view)."""
    header = table.horizontalHeader()
    return header.sectionViewportPosition(column) + header.sectionSize(column)


def cut_cells(table: QTableWidget) -> list[str]:
    """Each cell whose words, wrapped at its column's width, need more room than it has."""
    metrics = QFontMetrics(table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            text = table.item(row, column).text()
            room = table.columnWidth(column) - 2 * margin
            words = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
            if words.width() > room or words.height() > table.rowHeight(row):
                cut.append(
                    f"{text!r}: {words.width()} by {words.height()} in {room} by "
                    f"{table.rowHeight(row)}"
                )
    return cut
