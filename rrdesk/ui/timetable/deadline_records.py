"""The two records a case's timetable can need after it is set: an extension the National Panel
agreed, and why the decision reached the Panel after the deadline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.extensions import ExtensionError, ReasonError
from rrdesk.services.timetable.timetable_record import TimetableRecord
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.kit.form_widgets import DateInput, ErrorSummary, FormField, hint_label, read_date
from rrdesk.ui.shell.messages import Messages


def reason_box(name: str, accessible: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setFixedHeight(70)
    box.setTabChangesFocus(True)
    return box


def action_button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    if primary:
        button.setProperty("role", "primary")
    return button


class DeadlineRecordsWidget(QWidget):
    """ "Extension agreed with the National Panel" and "A decision sent after the deadline"."""

    recorded = Signal()  # an extension or a late decision was recorded

    def __init__(
        self,
        case_id: int,
        timetables: TimetableService,
        messages: Messages,
        errors: ErrorSummary,
        *,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._case_id = case_id
        self._timetables = timetables
        self._messages = messages
        self._errors = errors
        self._today = today
        self.extension_date = FormField(
            "New deadline agreed with the National Panel",
            DateInput("extension_date", "New deadline agreed with the National Panel"),
        )
        self.extension_reason = FormField(
            "Why the National Panel agreed it",
            reason_box("extension_reason", "Why the National Panel agreed it"),
        )
        self.extension_button = action_button("Record the extension", "record_extension_button")
        self.extensions_label = QLabel()
        self.extensions_label.setObjectName("extensions_label")
        self.extensions_label.setWordWrap(True)
        self.sent_on = FormField(
            "Date the decision was sent to the National Panel",
            DateInput("sent_on", "Date the decision was sent to the National Panel"),
        )
        self.lateness_reason = FormField(
            "Why it was sent after the deadline",
            reason_box("lateness_reason", "Why it was sent after the deadline"),
        )
        self.lateness_button = action_button("Record why it was late", "record_lateness_button")
        self.lateness_label = QLabel()
        self.lateness_label.setObjectName("lateness_label")
        self.lateness_label.setWordWrap(True)
        self._build_layout()
        self.extension_button.clicked.connect(self._on_extension_button_clicked)
        self.lateness_button.clicked.connect(self._on_lateness_button_clicked)

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        extension = QGroupBox("Extension agreed with the National Panel")
        extension_layout = QVBoxLayout(extension)
        extension_layout.addWidget(self.extensions_label)
        extension_layout.addWidget(self.extension_date)
        extension_layout.addWidget(self.extension_reason)
        extension_layout.addWidget(self.extension_button)
        layout.addWidget(extension)
        late = QGroupBox("A decision sent after the deadline")
        late_layout = QVBoxLayout(late)
        late_layout.addWidget(
            hint_label(
                "The 15 working days are the National Panel's expectation. You can carry on "
                "after the deadline: record why, for the submission."
            )
        )
        late_layout.addWidget(self.lateness_label)
        late_layout.addWidget(self.sent_on)
        late_layout.addWidget(self.lateness_reason)
        late_layout.addWidget(self.lateness_button)
        layout.addWidget(late)

    def show_record(self, record: TimetableRecord) -> None:
        self.extensions_label.setText(
            "\n".join(
                f"Agreed {format_date(item.agreed_on)}: new deadline "
                f"{format_date(item.new_deadline)}. {item.reason}"
                for item in record.extensions
            )
            or "No extension recorded."
        )
        late = record.lateness
        self.lateness_label.setText(
            "Nothing recorded."
            if late is None
            else f"Sent {format_date(late.sent_on)}, {late.working_days_late} working day"
            f"{'' if late.working_days_late == 1 else 's'} late: {late.reason}"
        )

    def _fail(self, field: FormField, message: str) -> None:
        field.set_error(message)
        self._errors.show_errors([(field, message)])

    def _clear_errors(self, *fields: FormField) -> None:
        for field in fields:
            field.set_error("")
        self._errors.clear()

    def _on_extension_button_clicked(self) -> None:
        self._clear_errors(self.extension_date, self.extension_reason)
        day, problem = read_date(self.extension_date, what="The new deadline", required=True)
        if day is None:
            self._fail(self.extension_date, problem)
            return
        reason = self.extension_reason.field
        assert isinstance(reason, QPlainTextEdit)
        try:
            self._timetables.agree_extension(
                self._case_id, day, reason.toPlainText(), self._today()
            )
        except ExtensionError as error:
            target = (
                self.extension_reason if isinstance(error, ReasonError) else self.extension_date
            )
            self._fail(target, error.message)
            return
        reason.clear()
        self.extension_date.field.set_value(None)  # type: ignore[attr-defined]
        self.recorded.emit()

    def _on_lateness_button_clicked(self) -> None:
        self._clear_errors(self.sent_on, self.lateness_reason)
        day, problem = read_date(self.sent_on, what="The date the decision was sent", required=True)
        if day is None:
            self._fail(self.sent_on, problem)
            return
        reason = self.lateness_reason.field
        assert isinstance(reason, QPlainTextEdit)
        try:
            lateness = self._timetables.record_lateness(self._case_id, day, reason.toPlainText())
        except ExtensionError as error:
            self._fail(self.lateness_reason, error.message)
            return
        if lateness is None:
            self._messages.info(
                self,
                "Sent on time",
                f"{format_date(day)} is on or before the deadline, so there is nothing to record.",
            )
            return
        self.recorded.emit()
