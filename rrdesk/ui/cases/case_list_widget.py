"""The case list: sortable by any column, filterable by stage, searchable."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.cases.case_table_model import CaseTableModel
from rrdesk.ui.kit.form_widgets import heading_label


class CaseListWidget(QWidget):
    case_opened = Signal(int)
    new_case_requested = Signal()

    def __init__(self, cases: CaseService, model: CaseTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("case_list")
        self._cases = cases
        self.model = model

        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setAccessibleName("Search cases")
        self.search.setPlaceholderText("Search by reference, pseudonym or authority")
        self.search.setClearButtonEnabled(True)
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stage_filter")
        self.stage_filter.setAccessibleName("Show cases at stage")
        self.stage_filter.addItem("All stages", None)
        for stage in Stage:
            self.stage_filter.addItem(stage.label, stage.value)
        self.new_button = QPushButton("New case")
        self.new_button.setObjectName("new_case_button")
        self.new_button.setProperty("role", "primary")
        self.count_label = QLabel()
        self.count_label.setObjectName("case_count")

        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setAccessibleName("Cases")
        self.table.setModel(model)
        # A table view's heading starts on the first column, descending: the newest case (the
        # highest reference) first, as the model starts, until the person clicks a heading.
        self.table.setSortingEnabled(True)
        # Told by sectionClicked (a number), which comes once Qt has sorted: sortIndicatorChanged
        # carries a Qt.SortOrder, which PySide6 cannot hand to Python before the Qt namespace is
        # built (rrdesk.ui.kit.item_roles).
        self.table.horizontalHeader().sectionClicked.connect(self._on_heading_clicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fixed starting widths: sizing every column to its contents reads every cell many
        # times, which is slow with hundreds of cases.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 220, 240, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setAlternatingRowColors(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Search"))
        filters.addWidget(self.search, 2)
        stage_label = QLabel("Stage")
        stage_label.setBuddy(self.stage_filter)
        filters.addWidget(stage_label)
        filters.addWidget(self.stage_filter, 1)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Cases"))
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self.refresh)
        self.stage_filter.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(self._on_table_activated)
        self.new_button.clicked.connect(self.new_case_requested)

    def refresh(self) -> None:
        value = self.stage_filter.currentData()
        stage = Stage(value) if value else None
        rows = self._cases.summaries(stage=stage, search=self.search.text()[:200])
        self.model.set_cases(rows)
        self.count_label.setText(
            "No cases match" if not rows else f"{len(rows)} case{'s' if len(rows) != 1 else ''}"
        )

    def _on_heading_clicked(self, _column: int) -> None:
        header = self.table.horizontalHeader()
        self.model.remember_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _on_table_activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id_at(index.row())
        if case_id is not None:
            self.case_opened.emit(case_id)

    def open_row(self, row: int) -> None:
        """Open the case shown on ``row`` (as a double-click or Enter does)."""
        self._on_table_activated(self.model.index(row, 0))
