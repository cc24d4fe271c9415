"""'Check your answers' for an agency check form: every answer with a Change link, the findings
the author should look at, and the confirmation before "Ready for quality assurance"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.check_form import CHRONOLOGY_COLUMNS, FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import Answers, summary_rows
from rrdesk.domain.agency_forms.text_checks import Finding, describe_findings
from rrdesk.ui.kit.findings_panel import KIND_WORDS
from rrdesk.ui.kit.form_widgets import ErrorSummary, FormField, heading_label, hint_label

LONG_ANSWER = 600


class FormCheckAnswersWidget(QWidget):
    change_requested = Signal(str, str)
    ready_requested = Signal()

    def __init__(self, form: FormDefinition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("form_check_answers")
        self._form = form
        self.errors = ErrorSummary()
        self.heading = heading_label(
            "Check your answers before the form goes for quality assurance",
            object_name="check_heading",
        )
        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        self.looked_at = QCheckBox(
            "I have looked at every finding and fixed it, or kept it for a reason"
        )
        self.looked_at.setObjectName("findings_looked_at")
        self.looked_at_field = FormField(
            "Findings", self.looked_at, object_name="findings_looked_at"
        )
        self.ready_button = QPushButton("Ready for quality assurance")
        self.ready_button.setObjectName("ready_for_qa")
        self.ready_button.setProperty("role", "primary")
        self.ready_button.clicked.connect(self.ready_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addWidget(self.heading)
        layout.addWidget(hint_label("Nothing goes to quality assurance until you confirm."))
        layout.addWidget(self._body)
        layout.addWidget(self.looked_at_field)
        layout.addWidget(self.ready_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.change_buttons: dict[str, QPushButton] = {}
        self.values: dict[str, QLabel] = {}
        self.findings_summary = QLabel()

    def show_answers(
        self,
        answers: Answers,
        findings: dict[str, tuple[Finding, ...]],
        pasted: str,
        looked_at: bool,
    ) -> None:
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.change_buttons = {}
        self.values = {}
        self._show_findings(findings, pasted)
        section_titles = {s.key: s.title for s in self._form.sections}
        current = ""
        grid: QGridLayout | None = None
        for row_number, row in enumerate(summary_rows(self._form, answers)):
            if row.section != current:
                current = row.section
                self._body_layout.addWidget(
                    heading_label(section_titles[current], level=2, object_name=f"check_{current}")
                )
                holder = QWidget()
                grid = QGridLayout(holder)
                grid.setColumnStretch(1, 1)
                self._body_layout.addWidget(holder)
            assert grid is not None
            key = QLabel(f"<b>{_escape(row.label)}</b>")
            key.setWordWrap(True)
            key.setFixedWidth(280)
            value_text = row.value
            if len(value_text) > LONG_ANSWER:
                value_text = value_text[:LONG_ANSWER].rstrip() + "\u2026"
            value = QLabel(value_text)
            value.setObjectName(f"check_value_{row.question}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            change = QPushButton("Change")
            change.setObjectName(f"change_{row.question}")
            change.setAccessibleName(f"Change {row.label}")
            change.setProperty("role", "link")
            change.clicked.connect(
                lambda _c=False, s=row.section, q=row.question: self.change_requested.emit(s, q)
            )
            self.change_buttons[row.question] = change
            self.values[row.question] = value
            grid.addWidget(key, row_number, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row_number, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(change, row_number, 2, Qt.AlignmentFlag.AlignTop)
        every = [f for group in findings.values() for f in group]
        self.looked_at_field.setVisible(bool(every) or bool(pasted))
        self.looked_at.setChecked(looked_at)
        self.errors.clear()
        self.looked_at_field.set_error("")

    def _show_findings(self, findings: dict[str, tuple[Finding, ...]], pasted: str) -> None:
        every = [f for group in findings.values() for f in group]
        title = heading_label("Things to look at", level=2, object_name="check_findings")
        self._body_layout.addWidget(title)
        summary = QLabel(
            f"{describe_findings(every)}. {pasted or 'No pasted text'}."
            if every
            else f"The checks found nothing to look at. {pasted or 'No pasted text'}."
        )
        summary.setObjectName("check_findings_summary")
        self.findings_summary = summary
        summary.setWordWrap(True)
        self._body_layout.addWidget(summary)
        lines = []
        for field, group in findings.items():
            parts = field.split(".")
            label = self._form.question(parts[0]).name
            if len(parts) == 3:
                column = dict(CHRONOLOGY_COLUMNS).get(parts[2], parts[2]).lower()
                where = f"{label} (entry {parts[1]}, {column})"
            else:
                where = label
            shown = ", ".join(
                f"\u201c{f.text}\u201d ({KIND_WORDS[f.kind].lower()})" for f in group[:8]
            )
            more = f" and {len(group) - 8} more" if len(group) > 8 else ""
            lines.append(f"{where}: {shown}{more}")
        if lines:
            detail = QLabel("\n".join(lines))
            detail.setObjectName("check_findings_list")
            detail.setWordWrap(True)
            detail.setTextFormat(Qt.TextFormat.PlainText)
            self._body_layout.addWidget(detail)

    def show_looked_at_error(self) -> None:
        message = "Confirm that you have looked at every finding"
        self.looked_at_field.set_error(message)
        self.errors.show_errors([(self.looked_at_field, message)])

    def show_incomplete(self, sections: list[tuple[FormField, str]]) -> None:
        self.errors.show_errors(sections)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
