"""What a returned Word form says, question by question beside the current answers, with the
text checks' findings, before anything is stored. "Accept" stores it; "Cancel" changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.form_matching import ReturnRow
from rrdesk.domain.agency_forms.returned_form import FoundBy
from rrdesk.domain.agency_forms.text_checks import Finding
from rrdesk.services.agency_forms.word_form_results import ReturnPreview
from rrdesk.ui.kit.column_fit import rows_fit_their_words
from rrdesk.ui.kit.form_widgets import heading_label, hint_label

COLUMNS = ("Question", "In the returned form", "Now", "Things to look at")
CELL_CHARACTERS = 160
CHANGED = "#fff2b3"


def _short(text: str) -> str:
    """A cell's text: the start of a long answer (the whole is shown below the table)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= CELL_CHARACTERS else flat[: CELL_CHARACTERS - 1] + "\u2026"


def findings_by_question(
    findings: Mapping[str, tuple[Finding, ...]],
) -> dict[str, list[Finding]]:
    """Findings grouped by question (a chronology's cells under the chronology)."""
    grouped: dict[str, list[Finding]] = {}
    for field, group in findings.items():
        grouped.setdefault(field.split(".")[0], []).extend(group)
    return grouped


def read_words(row: ReturnRow, *, noted: bool) -> str:
    """What the returned form says; ``noted`` adds how it was read, where that sets the row
    apart (:meth:`ReturnPreview.read_differently`)."""
    if row.found_by is FoundBy.MISSING:
        return "Not in the document: the current answer is kept"
    text = row.read or "Left empty"
    if noted:
        text += " (its answer box was deleted: read from under the question)"
    if row.problem:
        text += f" ({row.problem})"
    return text


def summary_words(preview: ReturnPreview) -> str:
    changed = len(preview.changed)
    missing = len(preview.not_found)
    count = preview.finding_count
    parts = [
        f"Version {preview.version} of {preview.agency}'s form, from {preview.file_name}"
        + (" (opened with its password)." if preview.encrypted else "."),
        f"{changed} {'answer changes' if changed == 1 else 'answers change'}",
        f"{count} {'thing' if count == 1 else 'things'} to look at",
    ]
    if missing:
        parts.append(
            f"{missing} {'question is' if missing == 1 else 'questions are'} not in the "
            "document (their answers are kept)"
        )
    return (
        parts[0]
        + " "
        + ", ".join(parts[1:])
        + (". The highlighted rows change when you accept; nothing is stored until then.")
    )


def _note(text: str, object_name: str, role: str) -> QLabel:
    """A sentence above the rows, shown only when there is one."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setVisible(bool(text))
    return label


class ReturnedFormReviewDialog(QDialog):
    """The returned form's answers beside the current ones; ``accepted_return`` on Accept."""

    accepted_return = Signal()

    def __init__(self, preview: ReturnPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("returned_form_review")
        self.setWindowTitle("Check the returned form")
        self._findings = findings_by_question(preview.findings)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(f"Check the form returned by {preview.agency}", level=2))
        self.summary = hint_label(summary_words(preview))
        self.summary.setObjectName("return_summary")
        layout.addWidget(self.summary)
        self.warning = _note(preview.warning, "return_warning", "banner")
        layout.addWidget(self.warning)
        # How the answers were read, once above the rows, when the whole form was read one way.
        self.reading_note = _note(preview.reading_note, "return_reading_note", "inset")
        layout.addWidget(self.reading_note)
        self.table = self._table()
        self.details = QPlainTextEdit()
        self.details.setObjectName("return_details")
        self.details.setAccessibleName("The selected question in full")
        self.details.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox()
        accept_words = (
            "Accept and replace the quality-assured form"
            if preview.replaces_quality_assured
            else "Accept the returned form"
        )
        self.accept_button = buttons.addButton(accept_words, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("accept_return")
        self.cancel_button = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel_return")
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(self._on_table_current_changed)
        first = next((n for n, row in enumerate(preview.rows) if row.changed), 0)
        self.table.setCurrentCell(first, 0)
        self._fit_screen()

    def _table(self) -> QTableWidget:
        rows = self.preview.rows
        table = QTableWidget(len(rows), len(COLUMNS))
        table.setObjectName("return_rows")
        table.setAccessibleName("What the returned form says beside the current answers")
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        rows_fit_their_words(table)
        header = table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for number, row in enumerate(rows):
            looks = self._findings.get(row.question, [])
            cells = (
                row.label,
                _short(read_words(row, noted=self.preview.read_differently(row))),
                _short(row.current),
                _short("; ".join(f"\u201c{f.text}\u201d: {f.message}" for f in looks)),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.changed:
                    item.setBackground(QBrush(QColor(CHANGED)))
                    item.setForeground(QBrush(QColor("#0b0c0c")))
                if column == 0:
                    font = QFont(item.font())
                    font.setBold(row.changed)
                    item.setFont(font)
                    item.setToolTip(f"{row.section}: {row.label}")
                table.setItem(number, column, item)
        return table

    def row_texts(self) -> dict[str, tuple[str, ...]]:
        """What each question's row shows: the returned form, now, the things to look at."""
        shown: dict[str, tuple[str, ...]] = {}
        for number in range(self.table.rowCount()):
            cells = [self.table.item(number, c) for c in range(len(COLUMNS))]
            texts = [cell.text() if cell is not None else "" for cell in cells]
            shown[texts[0]] = tuple(texts[1:])
        return shown

    def _on_table_current_changed(self, row: int, *_: int) -> None:
        if not 0 <= row < len(self.preview.rows):
            return
        shown = self.preview.rows[row]
        looks = self._findings.get(shown.question, [])
        lines = [
            f"{shown.section}: {shown.label}",
            "",
            "In the returned form:",
            read_words(shown, noted=self.preview.read_differently(shown)),
            "",
            "Now:",
            shown.current,
        ]
        if looks:
            lines += ["", "Things to look at:"]
            lines += [f"\u2022 \u201c{f.text}\u201d: {f.message}" for f in looks]
        self.details.setPlainText("\n".join(lines))

    def _on_buttons_accepted(self) -> None:
        self.accept()
        self.accepted_return.emit()

    def _fit_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.resize(fitted_size(screen.availableGeometry().size()))


def fitted_size(room: QSize) -> QSize:
    """The dialog's size on a screen with ``room`` free: as big as is comfortable, never
    bigger than the screen (a 1024 by 768 laptop less its taskbar, say)."""
    return QSize(min(1100, room.width() - 40), min(760, room.height() - 60))
