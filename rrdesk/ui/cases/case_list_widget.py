"""The case list: sortable by any column, filterable by stage, searchable.

The cases are read from the store when they change; a stage chosen or a keystroke in the search
box filters the rows already read (:class:`CaseFilterModel`)."""

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
from rrdesk.ui.cases.case_filter_model import CaseFilterModel
from rrdesk.ui.cases.case_table_model import CaseTableModel
from rrdesk.ui.kit.form_widgets import heading_label

NO_CASES_YET = (
    "No cases yet. To enter the first, a referral or a notification, press New case (Ctrl+N)."
)


class CaseListWidget(QWidget):
    case_opened = Signal(int)
    new_case_requested = Signal()

    def __init__(self, cases: CaseService, model: CaseTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("case_list")
        self._cases = cases
        self.cases_model = model
        self.model = CaseFilterModel(model)
        """The cases as shown, at the stage chosen and holding the words typed."""
        self._search_texts: dict[int, str] | None = None  # read when first searched

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
        self.table.setModel(self.model)
        # A heading starts on the first column, descending: the newest case (the highest
        # reference) first, as the model starts, until the person clicks a heading. The case
        # table model sorts itself, told by sectionClicked (a number), which comes once the
        # heading has turned its arrow: sortIndicatorChanged carries a Qt.SortOrder, which
        # PySide6 cannot hand to Python before the Qt namespace is built
        # (rrdesk.ui.kit.item_roles).
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().sectionClicked.connect(self._on_heading_clicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fixed starting widths: sizing every column to its contents reads every cell many
        # times, which is slow with hundreds of cases. Together with the last column's heading
        # they fit a 1024-pixel-wide screen without scrolling sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 190, 200, 160)):
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
        self.search.textChanged.connect(self._on_filter_changed)
        self.stage_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table.activated.connect(self._on_table_activated)
        self.new_button.clicked.connect(self.new_case_requested)

    def refresh(self) -> None:
        """Read the cases again (one has changed); each is filtered as it is listed."""
        self._search_texts = None
        self._filter()
        self.cases_model.set_cases(self._cases.summaries())
        self._show_count()

    def _on_filter_changed(self) -> None:
        self._filter()
        self._show_count()

    def _filter(self) -> None:
        words = self.search.text()[:200]
        if words.strip() and self._search_texts is None:
            self._search_texts = self._cases.search_texts()
        value = self.stage_filter.currentData()
        self.model.show_only(
            stage=Stage(value) if value else None,
            words=words,
            search_texts=self._search_texts or {},
        )

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if not self.cases_model.rowCount():
            self.count_label.setText(NO_CASES_YET)
            return
        self.count_label.setText(
            "No cases match" if not shown else f"{shown} case{'s' if shown != 1 else ''}"
        )

    def _on_heading_clicked(self, column: int) -> None:
        from PySide6.QtCore import Qt  # named only once the window is painted

        order = self.table.horizontalHeader().sortIndicatorOrder()
        self.cases_model.sort_by(column, descending=order == Qt.SortOrder.DescendingOrder)

    def _on_table_activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id_at(index.row())
        if case_id is not None:
            self.case_opened.emit(case_id)

    def point_at(self, case_id: int) -> None:
        """Choose the case's row, if it is listed, and give the table the keyboard: coming back
        from a case, Enter opens it again and the arrow keys move on from it."""
        for row in range(self.model.rowCount()):
            if self.model.case_id_at(row) == case_id:
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                break
        self.table.setFocus()

    def open_row(self, row: int) -> None:
        """Open the case shown on ``row`` (as a double-click or Enter does)."""
        self._on_table_activated(self.model.index(row, 0))
