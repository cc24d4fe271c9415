"""The board's timeline column: each case's strip painted in its cell, and the day under the
pointer named on hover."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.ui.timetable.timeline_strip import LIGHT, ROW_ROLE, paint_timeline, tooltip_at

Index = QModelIndex | QPersistentModelIndex


class TimelineDelegate(QStyledItemDelegate):
    """Paints the board's timeline column; hover shows the day under the pointer."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        rect = QRectF(option.rect).adjusted(2, 4, -2, -4)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        if isinstance(row, BoardRow):
            paint_timeline(painter, rect, row, LIGHT)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(360, 30)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        row = index.data(ROW_ROLE)
        if event.type() == QEvent.Type.ToolTip and isinstance(row, BoardRow):
            rect = QRectF(option.rect).adjusted(2, 4, -2, -4)
            text = tooltip_at(rect, row, QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)
