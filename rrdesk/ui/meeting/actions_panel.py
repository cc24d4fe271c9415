"""Immediate actions agreed at the meeting: action, owner agency and due date."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.timetable.dates import format_date
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import DateInput, FormField, fits_the_page, read_date
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    NoteEdit,
    compact,
    discard,
    name,
    status_label,
)


class ActionsPanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("actions", "Immediate actions", apply)
        self.list_host = QWidget()
        self.list_grid = QGridLayout(self.list_host)
        self.list_grid.setContentsMargins(0, 0, 0, 0)
        self.list_grid.setColumnStretch(0, 1)
        self.body.addWidget(self.list_host)
        self.empty = status_label("actions_empty", "No immediate actions")
        self.body.addWidget(self.empty)
        self.action_edit = NoteEdit("action_text", "Action", lines=2)
        self.action_field = FormField("Action", CheckedText(self.action_edit))
        self.owner_combo = fits_the_page(QComboBox())
        self.owner_combo.setEditable(True)
        name(self.owner_combo, "action_owner", "Agency that owns the action")
        self.owner_field = FormField("Agency that owns it", self.owner_combo)
        self.due_input = DateInput("action_due", "Due date")
        self.due_field = FormField(
            "Due date (optional)", self.due_input, hint="For example, 11 12 2026"
        )
        self.add_button = compact(QPushButton("Add action"))
        self.add_button.setProperty("role", "primary")
        name(self.add_button, "add_action_button", "Add action")
        for widget in (self.action_field, self.owner_field, self.due_field, self.add_button):
            self.body.addWidget(widget)
        self._rows: list[QWidget] = []
        self.add_button.clicked.connect(self._on_add_clicked)

    def refresh(self, view: MeetingView) -> None:
        if self.owner_combo.count() != len(view.agencies):
            text = self.owner_combo.currentText()
            self.owner_combo.clear()
            self.owner_combo.addItems(list(view.agencies))
            self.owner_combo.setCurrentText(text)
        for widget in self._rows:
            self.list_grid.removeWidget(widget)
            discard(widget)
        self._rows = []
        for index, action in enumerate(view.meeting.actions):
            due = f", due {format_date(action.due)}" if action.due else ""
            label = QLabel(f"{index + 1}. {action.action} ({action.owner_agency}{due})")
            label.setWordWrap(True)
            label.setObjectName(f"action_{index}")
            label.setAccessibleName(label.text())
            remove = compact(QPushButton("Remove"))
            name(remove, f"remove_action_{index}", f"Remove action {index + 1}")
            remove.clicked.connect(lambda _c=False, i=index: self._on_remove_clicked(i))
            self.list_grid.addWidget(label, index, 0)
            self.list_grid.addWidget(remove, index, 1)
            self._rows.extend((label, remove))
        self.empty.setVisible(not view.meeting.actions)
        self.empty.setText("No immediate actions yet")

    def _on_add_clicked(self) -> None:
        errors: list[tuple[FormField, str]] = []
        if not self.action_edit.text().strip():
            errors.append((self.action_field, "Enter the action"))
        if not self.owner_combo.currentText().strip():
            errors.append((self.owner_field, "Enter the agency that owns the action"))
        due, due_error = read_date(self.due_field, what="The due date")
        if due_error:
            errors.append((self.due_field, due_error))
        action = ImmediateAction(self.action_edit.text(), self.owner_combo.currentText(), due)
        for field in (self.action_field, self.owner_field, self.due_field):
            field.set_error(next((m for f, m in errors if f is field), ""))
        if errors:
            self.errors.show_errors(errors)
            return
        if self.change(
            lambda m: m.with_action(action), f"Action added: {action.action}", self.action_field
        ):
            self.action_edit.clear()
            self.due_input.set_value(None)

    def _on_remove_clicked(self, index: int) -> None:
        self.change(
            lambda m: m.without_action(index), f"Action {index + 1} removed", self.action_field
        )
