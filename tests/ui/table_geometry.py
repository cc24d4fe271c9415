"""Where a table's columns are on screen, as a person would see them."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def right_edge(table: QTableView, column: int) -> int:
    """Where ``column`` ends in the visible area (past its width: scrolled out of view)."""
    header = table.horizontalHeader()
    return header.sectionViewportPosition(column) + header.sectionSize(column)
