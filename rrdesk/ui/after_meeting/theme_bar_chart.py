"""Themes by frequency as horizontal bars, drawn with QPainter; each bar has its count in words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#1d70b8")
INK = QColor("#0b0c0c")
_ROW = 24
_GAP = 6


class ThemeBarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("theme_bar_chart")
        self.setAccessibleName("Themes by frequency")
        self._bars: tuple[tuple[str, int], ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._bars = tuple(bars)
        described = "; ".join(f"{label}: {count}" for label, count in self._bars)
        self.setAccessibleDescription(described or "No themes recorded")
        self.setToolTip(described)
        self.updateGeometry()
        self.update()

    @property
    def bars(self) -> tuple[tuple[str, int], ...]:
        return self._bars

    def sizeHint(self) -> QSize:
        return QSize(600, max(len(self._bars), 1) * (_ROW + _GAP) + _GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        if not self._bars:
            painter.setPen(INK)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No themes recorded.")
            painter.end()
            return
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self._bars) + 12,
            int(self.width() * 0.45),
        )
        top = max(count for _, count in self._bars)
        count_room = metrics.horizontalAdvance(str(top)) + 12
        room = min(max(self.width() - label_width - count_room - 8, 10), 640)
        for row, (label, count) in enumerate(self._bars):
            y = _GAP + row * (_ROW + _GAP)
            painter.setPen(INK)
            text_rect = QRectF(0, y, label_width - 8, _ROW)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
            width = room * count / top
            painter.fillRect(QRectF(label_width, y + 3, width, _ROW - 6), BAR_COLOUR)
            painter.drawText(
                QRectF(label_width + width + 6, y, count_room, _ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(count),
            )
        painter.end()
