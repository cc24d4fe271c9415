"""The countdown board's columns: each on its own where the window has room for them and the
timeline; in a narrower window (a 1024 by 768 screen), some shown together, one under the other
(``COMBINED_INTO``), so the table never scrolls sideways and the timeline keeps the room it
needs to number every day. Nothing is left out: the same words, fewer columns."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.ui.board.board_table_model import (
    COMBINED_HIDDEN,
    COMBINED_INTO,
    DAY_COLUMN,
    DAYS_LEFT_COLUMN,
    NEXT_MILESTONE_COLUMN,
    PSEUDONYM_COLUMN,
    REFERENCE_COLUMN,
    RETURNS_COLUMN,
    STATUS_COLUMN,
    TIMELINE_COLUMN,
    BoardTableModel,
)
from rrdesk.ui.kit.column_fit import FillingColumn

RESIZE_SAMPLE_ROWS = 40
"""Columns fit their contents, and rows their words, judged from this many rows (the most urgent),
so 1,000 cases stay quick."""
WRAPPED_WIDTHS = {
    PSEUDONYM_COLUMN: 96,
    DAY_COLUMN: 92,
    DAYS_LEFT_COLUMN: 92,
    NEXT_MILESTONE_COLUMN: 150,
    RETURNS_COLUMN: 150,
}
"""Columns of words that wrap at these widths (tooltips give them whole), so that on a 1366 by
768 laptop the table and its timeline fit without scrolling sideways."""
ROW_LINES = 3
"""Every row is at least this many lines tall, and as tall as the tallest row's wrapped words:
the rows are all one height, so the strips line up, and no cell's words are cut short."""
COMBINED_WIDTHS = {
    REFERENCE_COLUMN: 90,
    STATUS_COLUMN: 124,
    NEXT_MILESTONE_COLUMN: 118,
    RETURNS_COLUMN: 132,
}
"""The widths of the columns that show others too, in a narrow window, one under the other (the
returns' column is wide enough for its meeting line, "Meeting Wed 27 May", on one line)."""
TIMELINE_MIN_WIDTH = 260
"""The narrowest the timeline strip is drawn: about 14 pixels a working day, the least at which
day 0 to day 15 and their three weekends each keep their number (the strip's lettering shrinks
to fit), so that the whole strip is in view beside the combined columns in a window on a 1024
by 768 screen. In a window too narrow for it even with the columns combined, the table scrolls
sideways to it instead."""
HEADER_PADDING = 6
"""The padding each side of a header's words (``QHeaderView::section`` in resources/style.qss)."""


class CombinedCells(QStyledItemDelegate):
    """Draws a cell with the words of the columns it stands for in a narrow window, and names
    them all on pointing at it."""

    def __init__(self, model: BoardTableModel, parent: QObject) -> None:
        super().__init__(parent)
        self._model = model

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._model.combined and index.column() in COMBINED_INTO:
            # As Qt shows a cell's own words: each line break a line separator.
            text = self._model.shown_text(index.row(), index.column())
            option.text = text.replace("\n", "\u2028")

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            event.type() == QEvent.Type.ToolTip
            and self._model.combined
            and index.column() in COMBINED_INTO
        ):
            tip = self._model.shown_tooltip(index.row(), index.column())
            QToolTip.showText(event.globalPos(), tip, view)
            return True
        return super().helpEvent(event, view, option, index)


class BoardColumns(QObject):
    """Arranges ``table``'s columns for the width it has, as the width changes."""

    def __init__(self, table: QTableView, model: BoardTableModel) -> None:
        viewport = table.viewport()
        super().__init__(viewport)  # kept by the viewport it watches, as FillingColumn is
        self._table = table
        self._viewport = viewport
        self._model = model
        self._full_needs = 0
        self._arranging = False
        self._measured: dict[int, tuple[BoardRow, int]] = {}  # each row's words' height
        self._measured_layout: tuple[object, ...] = ()  # the font, columns and widths measured at
        table.setItemDelegate(CombinedCells(model, table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        header.setMinimumSectionSize(60)
        # The timeline takes the room the other columns leave, but never less than it needs.
        self.timeline_fit = FillingColumn(table, TIMELINE_COLUMN, TIMELINE_MIN_WIDTH)
        self._arrange(combined=False)
        header.sectionResized.connect(self._on_section_resized)
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(self._on_data_changed)
        viewport.installEventFilter(self)

    @property
    def combined(self) -> bool:
        return self._model.combined

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Each column on its own if they and the timeline fit the width; else combined."""
        if self._arranging:
            return
        room = self._viewport.width()
        if not self._model.combined:
            needs = self._others_width() + TIMELINE_MIN_WIDTH
            if room < needs:
                self._full_needs = needs
                self._arrange(combined=True)
        elif room >= self._full_needs:
            self._arrange(combined=False)
            self.fit()  # the cases shown may need more room now than when they were combined
        elif self._drifted():
            self._arrange(combined=True)

    def _drifted(self) -> bool:
        """Whether the combined columns lost their widths: Qt's header hands hidden columns'
        widths on to the next ones when the style is applied (the board put in the window)."""
        header = self._table.horizontalHeader()
        return any(header.sectionSize(c) != w for c, w in COMBINED_WIDTHS.items()) or not all(
            header.isSectionHidden(column) for column in COMBINED_HIDDEN
        )

    def _others_width(self) -> int:
        header = self._table.horizontalHeader()
        return sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != TIMELINE_COLUMN and not header.isSectionHidden(column)
        )

    def _arrange(self, *, combined: bool) -> None:
        self._arranging = True
        try:
            header = self._table.horizontalHeader()
            self._model.set_combined(combined)
            for column in COMBINED_HIDDEN:
                header.setSectionHidden(column, combined)
            for column in (REFERENCE_COLUMN, STATUS_COLUMN):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            # Combined columns keep their widths (dragging one would only give the timeline too
            # little room); each on its own, a column of words can be widened by dragging.
            mode = QHeaderView.ResizeMode.Fixed if combined else QHeaderView.ResizeMode.Interactive
            for column, width in (COMBINED_WIDTHS if combined else WRAPPED_WIDTHS).items():
                header.setSectionResizeMode(column, mode)
                header.resizeSection(column, width)
            self.timeline_fit.fit()
            self.fit_rows()
        finally:
            self._arranging = False

    def fit_rows(self) -> None:
        """Every row as tall as the tallest row's words wrapped at the columns' widths now (and at
        least ``ROW_LINES`` lines), measured as a cell lays out its words: inside its margins. A
        row measured before, unchanged and at the same widths, is not measured again."""
        table, model = self._table, self._model
        metrics = table.fontMetrics()
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
        columns = [c for c in range(TIMELINE_COLUMN) if not table.isColumnHidden(c)]
        inner = {c: max(1, table.columnWidth(c) - 2 * (margin + 1)) for c in columns}
        room = {c: QRect(0, 0, width, 10_000) for c, width in inner.items()}
        layout = (metrics.lineSpacing(), model.combined, tuple(inner.values()))
        measured: dict[int, tuple[BoardRow, int]] = {}
        tallest = metrics.lineSpacing() * ROW_LINES
        for number in range(min(model.rowCount(), RESIZE_SAMPLE_ROWS)):
            row = model.row_at(number)
            known = self._measured.get(id(row))
            if known is not None and known[0] is row and self._measured_layout == layout:
                height = known[1]
            else:
                height = max(
                    metrics.boundingRect(
                        room[c], Qt.TextFlag.TextWordWrap, model.shown_text(number, c)
                    ).height()
                    for c in columns
                )
            measured[id(row)] = (row, height)
            tallest = max(tallest, height)
        self._measured, self._measured_layout = measured, layout
        height = max(34, tallest + 10)
        if table.verticalHeader().defaultSectionSize() != height:
            table.verticalHeader().setDefaultSectionSize(height)

    def fit_timeline_header(self) -> None:
        """The timeline's header on three lines where the strip is narrower than its words about
        today on one (they are never cut off at its sides), else on two."""
        header = self._table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # as the house style draws headers
        metrics = QFontMetrics(font)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        lines = self._model.timeline_header(narrow=False).split("\n")
        needed = max(metrics.horizontalAdvance(line) for line in lines)
        needed += 2 * (HEADER_PADDING + margin)
        self._model.set_timeline_narrow(header.sectionSize(TIMELINE_COLUMN) < needed)

    def _on_model_reset(self) -> None:
        """Other cases: each column on its own again if they now fit."""
        self._full_needs = 0
        self.fit()
        self.fit_rows()
        self.fit_timeline_header()

    def _on_data_changed(self) -> None:
        if not self._arranging:  # a case's words changed: its row may need a line more or less
            self.fit_rows()
            self.fit_timeline_header()  # and today, in the timeline's header, may be another day

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == TIMELINE_COLUMN:
            self.fit_timeline_header()
            return
        self.fit()
        if not self._arranging:
            self.fit_rows()
