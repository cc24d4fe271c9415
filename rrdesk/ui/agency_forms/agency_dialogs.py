"""The small questions the agency forms tab asks: which agencies, which date, why a form goes
back. One seam (:class:`AgencyFormsDialogs`) that tests replace; files are asked for through
:class:`~rrdesk.ui.shell.file_dialogs.FileDialogs`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.domain.timetable.dates import DateError
from rrdesk.ui.kit.form_widgets import DateInput, ErrorSummary, FormField, heading_label, hint_label


@dataclass(frozen=True)
class ReturnChoice:
    reasons: tuple[ReturnReason, ...]
    note: str
    due_on: date | None = None
    """When the form should come back: the "Due back" date while it is awaited again."""


class AgencyFormsDialogs:
    """Real dialogs. Every method returns ``None`` when the user cancels."""

    def choose_agencies(
        self, parent: QWidget | None, names: list[str], chosen: set[str]
    ) -> list[str] | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle("Choose the agencies")
        layout = QVBoxLayout(dialog)
        layout.addWidget(heading_label("Which agencies should complete a check form?", level=2))
        layout.addWidget(hint_label("Select every agency that may have known the child or family"))
        items = QListWidget()
        items.setObjectName("agency_choices")
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            items.addItem(item)
        layout.addWidget(items)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return [
            items.item(i).text()
            for i in range(items.count())
            if items.item(i).checkState() == Qt.CheckState.Checked
        ]

    def ask_date(
        self, parent: QWidget | None, title: str, question: str, default: date
    ) -> date | None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        summary = ErrorSummary()
        layout.addWidget(summary)
        layout.addWidget(heading_label(question, level=2))
        when = DateInput("dialog_date", question)
        when.set_value(default)
        field = FormField("Date", when, hint="For example, 27 3 2026", object_name="dialog_date")
        layout.addWidget(field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        chosen: list[date] = []

        def accept() -> None:
            try:
                value = when.value(what="The date")
            except DateError as error:
                field.set_error(str(error))
                summary.show_errors([(field, str(error))])
                return
            if value is None:
                field.set_error("Enter the date")
                summary.show_errors([(field, "Enter the date")])
                return
            chosen.append(value)
            dialog.accept()

        buttons.accepted.connect(accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.exec()
        return chosen[0] if chosen else None

    def ask_return(
        self, parent: QWidget | None, agency: str, due: date | None = None
    ) -> ReturnChoice | None:
        """Why the form goes back, what is needed, and when it should come back (``due`` is
        suggested)."""
        dialog = QDialog(parent)
        dialog.setWindowTitle("Return for more information")
        layout = QVBoxLayout(dialog)
        summary = ErrorSummary()
        layout.addWidget(summary)
        layout.addWidget(heading_label(f"Why is the form from {agency} going back?", level=2))
        layout.addWidget(hint_label("Select all that apply"))
        boxes = {reason: QCheckBox(reason.value) for reason in ReturnReason}
        for box in boxes.values():
            layout.addWidget(box)
        note = QPlainTextEdit()
        note.setObjectName("return_note")
        note_field = FormField(
            "What is needed (optional unless you selected Other)", note, object_name="return_note"
        )
        layout.addWidget(note_field)
        back = DateInput("return_due", "When should the form come back?")
        if due is not None:
            back.set_value(due)
        back_field = FormField(
            "When should the form come back?",
            back,
            hint="For example, 27 3 2026. The requests table shows it as due back then.",
            object_name="return_due",
        )
        layout.addWidget(back_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        chosen: list[ReturnChoice] = []

        def accept() -> None:
            errors: list[tuple[FormField, str]] = []
            reasons = tuple(r for r, box in boxes.items() if box.isChecked())
            if not reasons:
                errors.append((note_field, "Select at least one reason for returning the form"))
            elif ReturnReason.OTHER in reasons and not note.toPlainText().strip():
                note_field.set_error("Enter the reason for returning the form")
                errors.append((note_field, "Enter the reason for returning the form"))
            try:
                due_on = back.value(what="The date the form should come back")
            except DateError as error:
                due_on = None
                back_field.set_error(str(error))
                errors.append((back_field, str(error)))
            else:
                if due_on is None:
                    back_field.set_error("Enter the date the form should come back")
                    errors.append((back_field, "Enter the date the form should come back"))
            if errors or due_on is None:
                summary.show_errors(errors)
                return
            chosen.append(ReturnChoice(reasons, note.toPlainText().strip(), due_on))
            dialog.accept()

        buttons.accepted.connect(accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.exec()
        return chosen[0] if chosen else None
