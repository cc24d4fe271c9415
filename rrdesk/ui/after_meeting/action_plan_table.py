"""The action plan's table and its columns, each shown whole, so that nobody scrolls sideways to
see that an action is overdue or meets a column cut at the edge. Every column on its own where
the room beside the chosen action's form has them all (a window as wide as a 1920 by 1080
screen); where it has only which case, the action, its owner agency, when it is due and its
status (a 1366 by 768 laptop), those, with the evidence and whether the change is embedded left
to the chosen action's form; in a narrower window (a 1024 by 768 screen) the owner agency under
the action's words and the due date above the status as well. Switched as the width changes, as
the countdown board's columns are."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from rrdesk.ui.after_meeting.action_plan_table_model import (
    ACTION_COLUMN,
    CASE_COLUMN,
    COLUMNS,
    DUE_COLUMN,
    EMBEDDED_COLUMN,
    EVIDENCE_COLUMN,
    LEFT_TO_THE_FORM,
    OWNER_COLUMN,
    STATUS_COLUMN,
    ActionPlanTableModel,
    ColumnLayout,
)
from rrdesk.ui.kit.column_fit import FillingColumn
from rrdesk.ui.kit.form_widgets import name_widget

ACTION_MIN_WIDTH = 220
"""The narrowest the action's own words are shown with each column on its own: about 30
characters a line, with the status still beside them in a 1280-wide window."""
OWN_WIDTHS = {
    CASE_COLUMN: 135,
    OWNER_COLUMN: 130,
    DUE_COLUMN: 95,
    STATUS_COLUMN: 110,
    EVIDENCE_COLUMN: 120,
    EMBEDDED_COLUMN: 85,
}
"""Each column's first width when each is on its own (a person may drag them wider): the
status's wide enough for "Overdue by 20" in bold on a line, and "working days" under it."""
IN_VIEW = (CASE_COLUMN, OWNER_COLUMN, DUE_COLUMN, STATUS_COLUMN)
"""With the action, the columns that must be in view without scrolling sideways: each column is
on its own only where the room has these and the action at its narrowest."""
EACH_ON_ITS_OWN_WIDTH = ACTION_MIN_WIDTH + sum(OWN_WIDTHS[column] for column in IN_VIEW)
"""The room the columns in view need, each on its own (the evidence and embedded left out)."""
EVERY_COLUMN_WIDTH = EACH_ON_ITS_OWN_WIDTH + sum(OWN_WIDTHS[c] for c in LEFT_TO_THE_FORM)
"""The room every column needs, each on its own."""
COMBINED_WIDTHS = {CASE_COLUMN: 130, STATUS_COLUMN: 140}
"""In a narrow window, the case's column and the due date and status's: wide enough for "Child
Safeguarding", and for "22 September 2026" in bold (as an overdue action's is), on a line."""
COMBINED_ACTION_MIN_WIDTH = 150
"""The narrowest the action and its owner agency are shown in a narrow window (the table
scrolls sideways only in a window narrower still)."""


class ActionPlanTable(QTableView):
    """The actions, one a row, each row as tall as the words it shows."""

    def __init__(self, model: ActionPlanTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, "action_table", "Actions")
        self.setModel(model)
        self._model = model
        self._arranging = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        # Each row as tall as the words it shows (not those of hidden columns), worked out again
        # as the columns change width.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(70)
        # The action itself, a sentence or two, takes the room left but is never squeezed into
        # a column a word wide: in a window narrower still, the table scrolls sideways.
        self.action_fit = FillingColumn(self, ACTION_COLUMN, ACTION_MIN_WIDTH)
        self._arrange(ColumnLayout.EVERY_COLUMN)

    @property
    def combined(self) -> bool:
        """Whether some columns are shown together, for a narrow window."""
        return self._model.combined

    @property
    def column_layout(self) -> ColumnLayout:
        """How the columns are shown now."""
        return self._model.layout

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def room(self) -> int:
        """The width the columns have, less the vertical scroll bar's whether it is shown or not,
        so that the columns do not swing to and fro: without the evidence the rows are shorter,
        the scroll bar may go, and the room it leaves must not bring the evidence back."""
        return self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width()

    def fit_columns(self) -> None:
        """Every column on its own if the room has them all; else each of those in ``IN_VIEW``
        and the action at its narrowest on its own, if it has those; else combined."""
        if self._arranging:
            return
        room = self.room()
        if room >= EVERY_COLUMN_WIDTH:
            layout = ColumnLayout.EVERY_COLUMN
        elif room >= EACH_ON_ITS_OWN_WIDTH:
            layout = ColumnLayout.TRACKING_LEFT_TO_THE_FORM
        else:
            layout = ColumnLayout.COMBINED
        if layout is not self.column_layout:
            self._arrange(layout)

    def _arrange(self, layout: ColumnLayout) -> None:
        self._arranging = True
        try:
            header = self.horizontalHeader()
            self._model.set_layout(layout)
            for column in range(len(COLUMNS)):
                header.setSectionHidden(column, column in layout.hidden)
            combined = layout is ColumnLayout.COMBINED
            # Combined, the columns keep their widths; each on its own, one can be dragged wider.
            mode = QHeaderView.ResizeMode.Fixed if combined else QHeaderView.ResizeMode.Interactive
            for column, width in (COMBINED_WIDTHS if combined else OWN_WIDTHS).items():
                header.setSectionResizeMode(column, mode)
                header.resizeSection(column, width)
            self.action_fit.minimum = COMBINED_ACTION_MIN_WIDTH if combined else ACTION_MIN_WIDTH
            self.action_fit.fit()
            self.resizeRowsToContents()
        finally:
            self._arranging = False
