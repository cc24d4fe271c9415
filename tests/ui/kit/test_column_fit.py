"""A column that fills the room the others leave, but is never squeezed below its minimum."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from rrdesk.ui.kit.column_fit import FillingColumn
from tests.ui.table_geometry import right_edge


def _table(qtbot: QtBot) -> QTableView:
    model = QStandardItemModel(3, 4)
    for row in range(3):
        for column in range(4):
            model.setItem(row, column, QStandardItem(f"cell {row} {column}"))
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    for column in (0, 1, 3):
        table.horizontalHeader().resizeSection(column, 100)
    return table


def test_the_column_fills_the_room_left_in_a_wide_table(qtbot: QtBot) -> None:
    table = _table(qtbot)
    fit = FillingColumn(table, 2, 150)
    table.resize(800, 300)
    table.show()
    qtbot.waitUntil(lambda: table.viewport().width() > 700)
    room = table.viewport().width() - 300
    assert table.horizontalHeader().sectionSize(fit.column) == room
    assert right_edge(table, 3) == table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0


def test_a_narrow_table_scrolls_rather_than_squeeze_the_column(qtbot: QtBot) -> None:
    table = _table(qtbot)
    FillingColumn(table, 2, 150)
    table.resize(360, 300)
    table.show()
    qtbot.waitUntil(lambda: table.viewport().width() < 360)
    assert table.horizontalHeader().sectionSize(2) == 150
    assert table.horizontalScrollBar().maximum() > 0


def test_the_column_gives_way_when_another_is_widened(qtbot: QtBot) -> None:
    table = _table(qtbot)
    FillingColumn(table, 2, 150)
    table.resize(800, 300)
    table.show()
    qtbot.waitUntil(lambda: table.viewport().width() > 700)
    before = table.horizontalHeader().sectionSize(2)
    table.horizontalHeader().resizeSection(0, 200)
    assert table.horizontalHeader().sectionSize(2) == before - 100
