"""The themes logs, recording a theme (with the other cases that share it), and the taxonomy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.themes import (
    CaseThemes,
    Theme,
    ThemeError,
    ThemeLog,
    ThemeTaxonomy,
    recurrence_sentence,
)
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.after_meeting.theme_catalogue import reset_taxonomy, save_taxonomy
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.form_widgets import FormField, heading_label, hint_label, name_widget
from rrdesk.ui.kit.save_paths import save_export
from rrdesk.ui.kit.shown_tabs import ShownTabWidget
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages

LOG_CHOICES: tuple[tuple[str, ThemeLog | None], ...] = (
    ("Rapid Review and local review themes", ThemeLog.REVIEWS),
    ("Themes from notifications (threshold not met)", ThemeLog.NOTIFICATIONS),
    ("Both logs", None),
)


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ThemesWidget(QWidget):
    def __init__(
        self,
        session: Session,
        messages: Messages,
        today: Callable[[], date],
        *,
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("themes_widget")
        self._session = session
        self._service = ThemeService(session)
        self._messages = messages
        self._today = today
        self._files = files
        self._taxonomy = self._service.taxonomy()
        self._shown_entries: list[CaseThemes] = []
        self.log_choice = QComboBox()
        name_widget(self.log_choice, "theme_log_choice", "Which log")
        for label, _ in LOG_CHOICES:
            self.log_choice.addItem(label)
        self.log_table = QTableWidget(0, 4)
        name_widget(self.log_table, "theme_log_table", "Themes log")
        self.log_table.verticalHeader().hide()
        self.log_table.setHorizontalHeaderLabels(["Case", "Child", "Date", "Themes"])
        self.log_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table.setWordWrap(True)
        self.case_choice = QComboBox()
        name_widget(self.case_choice, "theme_case", "Case")
        self.theme_choice = QComboBox()
        name_widget(self.theme_choice, "theme_choice", "Theme")
        self.record_button = QPushButton("Record the theme")
        name_widget(self.record_button, "record_theme", "Record the theme")
        self.recurrence = QLabel()
        self.recurrence.setWordWrap(True)
        name_widget(self.recurrence, "theme_recurrence", "Other cases with this theme")
        self.recurrence.setProperty("role", "notice")
        self.export_button = QPushButton("Save the logs as CSV")
        name_widget(self.export_button, "export_themes_csv", "Save the logs as CSV")
        self.taxonomy_table = QTableWidget(0, 3)
        name_widget(self.taxonomy_table, "taxonomy_table", "The list of themes")
        self.taxonomy_table.setHorizontalHeaderLabels(["Key", "Label", "Description"])
        self.taxonomy_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.add_theme_button = QPushButton("Add a theme")
        name_widget(self.add_theme_button, "add_taxonomy_theme", "Add a theme")
        self.save_taxonomy_button = QPushButton("Save the list")
        name_widget(self.save_taxonomy_button, "save_taxonomy", "Save the list")
        self.reset_taxonomy_button = QPushButton("Go back to the shipped list")
        name_widget(self.reset_taxonomy_button, "reset_taxonomy", "Go back to the shipped list")
        self.tabs = ShownTabWidget()
        name_widget(self.tabs, "themes_tabs", "Themes logs and the list of themes")
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        logs = QWidget()
        layout = QVBoxLayout(logs)
        top = QHBoxLayout()
        top.addWidget(QLabel("Log"))
        top.addWidget(self.log_choice)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        layout.addWidget(self.log_table, 1)
        record = QGroupBox("Record a theme for a case")
        record_layout = QVBoxLayout(record)
        record_layout.addWidget(
            hint_label(
                "Themes from the meeting are recorded with its learning. Record themes here for "
                "cases without a meeting, such as those where the threshold was not met."
            )
        )
        row = QHBoxLayout()
        row.addWidget(FormField("Case", self.case_choice), 1)
        row.addWidget(FormField("Theme", self.theme_choice), 1)
        record_layout.addLayout(row)
        record_layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        record_layout.addWidget(self.recurrence)
        layout.addWidget(record)
        self.tabs.addTab(logs, "Themes logs")
        taxonomy = QWidget()
        tax_layout = QVBoxLayout(taxonomy)
        tax_layout.addWidget(
            hint_label(
                "The shared list of themes. Change a label or description, or add a theme; "
                "do not change the key of a theme that cases already use."
            )
        )
        tax_layout.addWidget(self.taxonomy_table, 1)
        buttons = QHBoxLayout()
        for button in (
            self.add_theme_button,
            self.save_taxonomy_button,
            self.reset_taxonomy_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        tax_layout.addLayout(buttons)
        self.tabs.addTab(taxonomy, "The list of themes")
        outer = QVBoxLayout(self)
        outer.addWidget(heading_label("Themes", object_name="themes_heading"))
        outer.addWidget(self.tabs, 1)

    def _connect_signals(self) -> None:
        self.log_choice.currentIndexChanged.connect(self._on_log_choice_changed)
        self.log_table.itemSelectionChanged.connect(self._on_log_selection_changed)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.add_theme_button.clicked.connect(self._on_add_theme_clicked)
        self.save_taxonomy_button.clicked.connect(self._on_save_taxonomy_clicked)
        self.reset_taxonomy_button.clicked.connect(self._on_reset_taxonomy_clicked)

    # --- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._taxonomy = self._service.taxonomy()
        self._fill_log()
        chosen_case = self.case_choice.currentData()
        self.case_choice.clear()
        for case in self._session.cases.all_cases():
            self.case_choice.addItem(f"{case.reference} ({case.pseudonyms})", case.case_id)
        if chosen_case is not None and self.case_choice.findData(chosen_case) >= 0:
            self.case_choice.setCurrentIndex(self.case_choice.findData(chosen_case))
        self.theme_choice.clear()
        for theme in self._taxonomy.themes:
            self.theme_choice.addItem(theme.label, theme.key)
            self.theme_choice.setItemData(
                self.theme_choice.count() - 1, theme.description, Qt.ItemDataRole.ToolTipRole
            )
        self._fill_taxonomy(self._taxonomy)

    def _fill_log(self) -> None:
        which = LOG_CHOICES[max(self.log_choice.currentIndex(), 0)][1]
        entries = self._service.log(which)
        self._shown_entries = entries
        self.log_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            labels = ", ".join(self._taxonomy.label_of(k) for k in entry.theme_keys)
            values = (
                entry.reference,
                entry.pseudonyms,
                format_date(entry.on) if entry.on else "No date",
                labels or "None recorded yet",
            )
            for column, text in enumerate(values):
                self.log_table.setItem(row, column, _item(text))
        self.log_table.resizeColumnsToContents()
        self.log_table.resizeRowsToContents()

    def _fill_taxonomy(self, taxonomy: ThemeTaxonomy) -> None:
        self.taxonomy_table.setRowCount(len(taxonomy.themes))
        for row, theme in enumerate(taxonomy.themes):
            for column, text in enumerate((theme.key, theme.label, theme.description)):
                self.taxonomy_table.setItem(row, column, QTableWidgetItem(text))
        self.taxonomy_table.resizeColumnToContents(0)
        self.taxonomy_table.resizeColumnToContents(1)

    def log_rows(self) -> list[list[str]]:
        """The visible text of the log table, row by row."""
        rows = []
        for r in range(self.log_table.rowCount()):
            cells = [self.log_table.item(r, c) for c in range(self.log_table.columnCount())]
            rows.append([cell.text() if cell is not None else "" for cell in cells])
        return rows

    def taxonomy_from_table(self) -> ThemeTaxonomy:
        themes = []
        for row in range(self.taxonomy_table.rowCount()):
            cells = [self.taxonomy_table.item(row, c) for c in range(3)]
            key, label, description = (cell.text().strip() if cell else "" for cell in cells)
            if key or label:
                themes.append(Theme(key, label, description))
        return ThemeTaxonomy(tuple(themes))

    # --- slots ----------------------------------------------------------------------------

    def _on_log_choice_changed(self, _index: int) -> None:
        self._fill_log()

    def _on_log_selection_changed(self) -> None:
        """For the chosen case, each theme and the other cases that had it in 24 months."""
        rows = {index.row() for index in self.log_table.selectedIndexes()}
        if len(rows) != 1:
            return
        entry = self._shown_entries[rows.pop()]
        if not entry.theme_keys:
            self.recurrence.setText(f"No themes are recorded yet for {entry.reference}.")
            return
        lines = [
            recurrence_sentence(
                self._service.others_with_theme(entry.case_id, key, self._today()),
                self._taxonomy.label_of(key),
            )
            for key in entry.theme_keys
        ]
        self.recurrence.setText(f"{entry.reference}:\n" + "\n".join(lines))

    def _on_record_button_clicked(self) -> None:
        case_id = self.case_choice.currentData()
        key = self.theme_choice.currentData()
        if case_id is None or key is None:
            return
        try:
            others = self._service.record_theme(int(case_id), str(key), self._today())
        except ThemeError as error:
            self._messages.error(self, "The theme was not recorded", str(error))
            return
        self.recurrence.setText(recurrence_sentence(others, self._taxonomy.label_of(str(key))))
        self._fill_log()

    def _on_export_button_clicked(self) -> None:
        from rrdesk.exports.spreadsheets.action_plan_files import themes_csv

        def make(_path: Path) -> bytes:
            return themes_csv(self._service.log(), self._taxonomy)

        save_export(
            self,
            self._messages,
            self._files,
            title="Save the themes logs",
            suggested_name=f"themes-{self._today().isoformat()}.csv",
            name_filter="CSV file (*.csv)",
            make=make,
        )

    def _on_add_theme_clicked(self) -> None:
        row = self.taxonomy_table.rowCount()
        self.taxonomy_table.insertRow(row)
        for column in range(3):
            self.taxonomy_table.setItem(row, column, QTableWidgetItem(""))
        self.taxonomy_table.setCurrentCell(row, 0)
        first = self.taxonomy_table.item(row, 0)
        if first is not None:
            self.taxonomy_table.editItem(first)

    def _on_save_taxonomy_clicked(self) -> None:
        try:
            save_taxonomy(self._session, self.taxonomy_from_table())
        except ThemeError as error:
            self._messages.error(self, "The list was not saved", str(error))
            return
        self.refresh()
        self._messages.info(self, "The list of themes", "The partnership's list was saved.")

    def _on_reset_taxonomy_clicked(self) -> None:
        if not self._messages.confirm(
            self,
            "Go back to the shipped list",
            "Your partnership's changes to the list of themes will be lost.",
            yes="Go back to the shipped list",
            no="Keep our list",
        ):
            return
        reset_taxonomy(self._session)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
