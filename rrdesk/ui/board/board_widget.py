"""The countdown board: every open case's clock on one screen, most urgent first.

The board is one page that scrolls as a whole when the window is too short for it: the table of
open cases is as tall as its rows (it never scrolls inside the page), so every open case is on
the page, with the National Panel's responses and the local reviews below it.

It refreshes when anything changes (the app calls :meth:`BoardWidget.refresh` and
:meth:`BoardWidget.invalidate_case`) and when the date rolls over: a timer checks ``today()``
every second while the board is on show, so it moves on at midnight without a restart. A clock
is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.timetable.dates import format_date_with_weekday, format_time
from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_columns import BoardColumns
from rrdesk.ui.board.board_table_model import CASE_ID_ROLE, TIMELINE_COLUMN, BoardTableModel
from rrdesk.ui.board.local_review_table import LocalReviews, LocalReviewTable
from rrdesk.ui.board.panel_response_table import PanelResponses, PanelResponseTable
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.quiet_updates import show_text
from rrdesk.ui.kit.scrolling_page import plain_scrolling
from rrdesk.ui.timetable.timeline_delegate import TimelineDelegate
from rrdesk.ui.timetable.timeline_strip import LEGEND

TICK_MILLISECONDS = 1000


def clock_text(moment: datetime) -> str:
    return f"{format_date_with_weekday(moment.date())}, {format_time(moment)}"


class BoardWidget(QWidget):
    case_opened = Signal(int)
    projector_requested = Signal(int)
    refreshed = Signal()

    def __init__(
        self,
        timetables: TimetableService,
        *,
        today: Callable[[], date],
        now: Callable[[], datetime],
        local_reviews: LocalReviews | None = None,
        panel_responses: PanelResponses | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("board_widget")
        self._local_reviews = local_reviews
        self._panel_responses = panel_responses
        self.panel_response_heading = heading_label(
            "The National Panel's responses", level=2, object_name="panel_response_heading"
        )
        self.panel_response_table = PanelResponseTable()
        self.local_review_heading = heading_label(
            "Local reviews", level=2, object_name="local_review_heading"
        )
        self.local_review_table = LocalReviewTable()
        self.setAccessibleName("Countdown board")
        self._timetables = timetables
        self._today = today
        self._now = now
        self._shown_day: date | None = None
        self._choices: list[tuple[str, int]] = []
        self._drawn = False
        self.model = BoardTableModel()
        self.heading = heading_label("Countdown board")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("board_clock")
        self.clock_label.setAccessibleName("Date and time now")
        self.clock_label.setProperty("role", "summary_key")
        self.convention = hint_label(DAY_ZERO_CONVENTION)
        self.convention.setObjectName("board_convention")
        self.overlap_banner = self._banner("overlap_banner", "Several reviews at once")
        self.coverage_banner = self._banner("coverage_banner", "Calendar warning")
        self.empty_label = hint_label("There are no open cases. Cases appear here once notified.")
        self.empty_label.setObjectName("board_empty")
        self.table = QTableView()
        self.table.setObjectName("board_table")
        self.table.setAccessibleName("Open cases, most urgent first")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TIMELINE_COLUMN, TimelineDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # As tall as its header and rows, so it never scrolls inside the page: the page scrolls.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Each column on its own, or some combined in a narrow window, the timeline filling the
        # rest: the table fits 1366 and 1024 wide with every day numbered.
        self.columns = BoardColumns(self.table, self.model)
        self.timeline_fit = self.columns.timeline_fit
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.case_choice = QComboBox()
        self.case_choice.setObjectName("project_case_choice")
        self.case_choice.setAccessibleName("Case to project")
        self.project_button = QPushButton("Project")
        self.project_button.setObjectName("project_button")
        self.project_button.setAccessibleName("Project the countdown for the chosen case")
        self.project_button.setProperty("role", "primary")
        self.open_button = QPushButton("Open case")
        self.open_button.setObjectName("open_case_button")
        self._build_layout()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MILLISECONDS)
        self._connect_signals()
        self.refresh()

    def _banner(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setProperty("role", "banner")
        label.setWordWrap(True)
        label.hide()
        return label

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.clock_label, 0, Qt.AlignmentFlag.AlignRight)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Case:"))
        controls.addWidget(self.case_choice)
        controls.addWidget(self.project_button)
        controls.addWidget(self.open_button)
        controls.addStretch(1)
        page = self._page_contents = QWidget()
        page.setObjectName("board_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.convention)
        layout.addWidget(self.overlap_banner)
        layout.addWidget(self.coverage_banner)
        layout.addLayout(controls)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        legend = hint_label(LEGEND)
        legend.setObjectName("board_legend")
        layout.addWidget(legend)
        layout.addWidget(self.panel_response_heading)
        layout.addWidget(self.panel_response_table)
        layout.addWidget(self.local_review_heading)
        layout.addWidget(self.local_review_table)
        layout.addStretch()  # with few open cases, what is shown stays at the top of the board
        self.page = plain_scrolling(page)
        self.page.setObjectName("board_scroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)

    def _connect_signals(self) -> None:
        self.timer.timeout.connect(self._on_timer_timeout)
        self.table.activated.connect(self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.project_button.clicked.connect(self._on_project_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)

    # Public --------------------------------------------------------------------------------

    @property
    def rows(self) -> list[BoardRow]:
        return self.model.rows

    def refresh(self) -> None:
        """Read the open cases again (cached rows are reused where nothing changed)."""
        today = self._today()
        self._shown_day = today
        rows = self._timetables.board_rows(today)
        unchanged = len(rows) == len(self.model.rows) and all(
            new is old for new, old in zip(rows, self.model.rows, strict=True)
        )
        if not unchanged or not self._drawn:
            self.model.set_rows(rows)
            self._show_banners(rows)
            self._fill_case_choice(rows)
            self._drawn = True
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        reviews = list(self._local_reviews(today)) if self._local_reviews is not None else []
        self.local_review_table.show_rows(reviews, today)
        self.local_review_heading.setVisible(bool(reviews))
        self.local_review_table.setVisible(bool(reviews))
        responses = list(self._panel_responses(today)) if self._panel_responses else []
        self.panel_response_table.show_rows(responses)
        self.panel_response_heading.setVisible(bool(responses))
        self.panel_response_table.setVisible(bool(responses))
        self._show_clock()
        self.refreshed.emit()

    def invalidate_case(self, case_id: int) -> None:
        """A case changed elsewhere (for example its referral date): recompute it."""
        self._timetables.invalidate(case_id)
        self.refresh()

    def check_date(self) -> bool:
        """Refresh if the date has changed since the board was last drawn."""
        self._show_clock()
        if self._today() != self._shown_day:
            self.refresh()
            return True
        return False

    def chosen_case(self) -> int | None:
        value = self.case_choice.currentData()
        return int(value) if value is not None else None

    # Private -------------------------------------------------------------------------------

    def _show_clock(self) -> None:
        show_text(self.clock_label, clock_text(self._now()))

    def _show_banners(self, rows: list[BoardRow]) -> None:
        advice = self._timetables.overlap_advice(rows)
        self.overlap_banner.setText(advice or "")
        self.overlap_banner.setVisible(bool(advice))
        beyond = [row for row in rows if row.coverage_warning]
        text = ""
        if beyond:
            references = ", ".join(row.reference for row in beyond)
            text = (
                f"Check the deadline of {references}: {beyond[0].coverage_warning} "
                "Import a newer list of bank holidays on the Calendar screen."
            )
        self.coverage_banner.setText(text)
        self.coverage_banner.setVisible(bool(text))

    def _fill_case_choice(self, rows: list[BoardRow]) -> None:
        choices = [(f"{row.reference} ({row.stage.label})", row.case_id) for row in rows]
        self.project_button.setEnabled(bool(rows))
        self.open_button.setEnabled(bool(rows))
        if choices == self._choices:
            return
        self._choices = choices
        chosen = self.chosen_case()
        self.case_choice.blockSignals(True)
        self.case_choice.clear()
        for text, case_id in choices:
            self.case_choice.addItem(text, case_id)
        if chosen is not None:
            position = self.case_choice.findData(chosen)
            if position >= 0:
                self.case_choice.setCurrentIndex(position)
        self.case_choice.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.check_date()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # nothing ticks behind another section, a lock or a closed window
        super().hideEvent(event)

    def _on_timer_timeout(self) -> None:
        self.check_date()

    def _on_table_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.case_opened.emit(int(case_id))

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The page scrolls to the case reached with the arrow keys (the table does not scroll)."""
        if not current.isValid():
            return
        rect = self.table.visualRect(current)
        middle = self.table.viewport().mapTo(self._page_contents, rect.center())
        self.page.ensureVisible(middle.x(), middle.y(), 0, rect.height() // 2 + 8)

    def _on_project_button_clicked(self) -> None:
        case_id = self.chosen_case()
        if case_id is not None:
            self.projector_requested.emit(case_id)

    def _on_open_button_clicked(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if selected:
            self._on_table_activated(selected[0])
            return
        case_id = self.chosen_case()
        if case_id is not None:
            self.case_opened.emit(case_id)
