"""The two forms beside the action plan: track the chosen action, and add an action."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.after_meeting.action_plan import (
    ActionSource,
    ActionStatus,
    ActionTracking,
    PlanAction,
)
from rrdesk.domain.cases.cases import CaseSummary
from rrdesk.domain.timetable.dates import DateError
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import DateInput, FormField, fits_the_page, hint_label, name_widget
from rrdesk.ui.kit.narrative_edit import NarrativeEdit


class ActionTrackingForm(QGroupBox):
    """Status, evidence and "embedded" for the action chosen in the table."""

    save_requested = Signal(object)
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("The chosen action", parent)
        name_widget(self, "action_tracking_form", "The chosen action")
        self.action_label = QLabel("Choose an action in the table.")
        self.action_label.setObjectName("chosen_action")
        self.action_label.setWordWrap(True)
        self.status = QComboBox()
        name_widget(self.status, "action_status", "Status")
        for status in ActionStatus:
            self.status.addItem(status.label, status)
        self.evidence = NarrativeEdit(  # the partnership's word lists are given by the wiring
            build_text_checker(), object_name="action_evidence", accessible="Evidence of completion"
        )
        self.evidence.setMaximumHeight(80)
        self.completed_on = DateInput("action_completed_on", "Date completed")
        self.embedded = QCheckBox("Embedded in practice")
        name_widget(self.embedded, "action_embedded", "Embedded")
        self.embedded_by = QLineEdit()
        name_widget(self.embedded_by, "action_embedded_by", "Confirmed by")
        self.embedded_on = DateInput("action_embedded_on", "Date confirmed")
        self.save_button = QPushButton("Save the action")
        name_widget(self.save_button, "save_action", "Save the action")
        self.remove_button = QPushButton("Remove this added action")
        name_widget(self.remove_button, "remove_action", "Remove this added action")
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_label)
        layout.addWidget(FormField("Status", self.status))
        layout.addWidget(
            FormField(
                "Evidence of completion",
                CheckedText(self.evidence),
                hint="What shows the action was done, for example an audit of records",
            )
        )
        layout.addWidget(FormField("Date completed", self.completed_on))
        layout.addWidget(
            hint_label("Tick when the working group confirms the change is embedded in practice")
        )
        layout.addWidget(self.embedded)
        layout.addWidget(FormField("Confirmed by (who in the working group)", self.embedded_by))
        layout.addWidget(FormField("Date confirmed", self.embedded_on))
        layout.addWidget(self.save_button)
        layout.addWidget(self.remove_button)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.remove_button.clicked.connect(self.remove_requested)
        self.setEnabled(False)

    def show_action(self, action: PlanAction | None) -> None:
        self.setEnabled(action is not None)
        if action is None:
            self.action_label.setText("Choose an action in the table.")
            return
        self.remove_button.setVisible(action.source is ActionSource.ADDED)
        t = action.tracking
        self.action_label.setText(
            f"{action.case_reference}: {action.action} ({action.owner_agency})"
        )
        self.status.setCurrentIndex(self.status.findData(t.status))
        self.evidence.setPlainText(t.evidence)
        self.completed_on.set_value(t.completed_on)
        self.embedded.setChecked(t.embedded_on is not None)
        self.embedded_by.setText(t.embedded_by)
        self.embedded_on.set_value(t.embedded_on)

    def tracking(self) -> ActionTracking:
        """What the form says, or :class:`DateError` for a date that cannot be read."""
        status = self.status.currentData()
        assert isinstance(status, ActionStatus)
        completed = self.completed_on.value(what="The date completed")
        embedded_on = self.embedded_on.value(what="The date confirmed")
        if self.embedded.isChecked() and embedded_on is None:
            raise DateError("Enter the date the working group confirmed it is embedded")
        return ActionTracking(
            status=status,
            evidence=self.evidence.toPlainText(),
            completed_on=completed,
            embedded_by=self.embedded_by.text() if self.embedded.isChecked() else "",
            embedded_on=embedded_on if self.embedded.isChecked() else None,
        )

    def _on_save_button_clicked(self) -> None:
        self.save_requested.emit(None)


class ActionAddForm(QGroupBox):
    """Add an action to the plan directly, against the case it comes from."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add an action", parent)
        name_widget(self, "action_add_form", "Add an action")
        self.case = fits_the_page(QComboBox())
        name_widget(self.case, "new_action_case", "Source case")
        self.text = NarrativeEdit(
            build_text_checker(), object_name="new_action_text", accessible="Action"
        )
        self.text.setMaximumHeight(self.text.fontMetrics().lineSpacing() * 2 + 16)
        self.owner = fits_the_page(QComboBox())
        self.owner.setEditable(True)
        name_widget(self.owner, "new_action_owner", "Owner agency")
        self.due = DateInput("new_action_due", "Due date")
        self.add_button = QPushButton("Add the action")
        name_widget(self.add_button, "add_action", "Add the action")
        layout = QVBoxLayout(self)
        layout.addWidget(FormField("Source case", self.case))
        layout.addWidget(FormField("Action", CheckedText(self.text)))
        layout.addWidget(FormField("Owner agency", self.owner))
        layout.addWidget(FormField("Due date", self.due, hint="For example, 27 3 2027"))
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(self.add_requested)

    def set_choices(self, cases: Sequence[CaseSummary], agencies: Sequence[str]) -> None:
        current = self.case.currentData()
        self.case.clear()
        for summary in cases:
            self.case.addItem(f"{summary.reference} ({summary.pseudonyms})", summary.case_id)
        if current is not None and self.case.findData(current) >= 0:
            self.case.setCurrentIndex(self.case.findData(current))
        typed = self.owner.currentText()
        self.owner.clear()
        self.owner.addItems(list(agencies))
        self.owner.setEditText(typed)

    def due_date(self) -> date | None:
        return self.due.value(what="The due date")

    def clear(self) -> None:
        self.text.clear()
        self.owner.setEditText("")
        self.due.set_value(None)
