"""The "Rapid Review meeting" box of a case's Timetable tab: its date, time and place, booking,
moving and cancelling it, and saving its calendar invitation (or cancellation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import (
    DateError,
    format_date_with_weekday,
    format_time,
    parse_time,
)
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.timetable.timetable_changes import TimetableError
from rrdesk.services.timetable.timetable_record import TimetableRecord
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.kit.form_widgets import DateInput, ErrorSummary, FormField, read_date
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.timetable.deadline_records import action_button


class MeetingBookingWidget(QGroupBox):
    changed = Signal()  # the meeting was booked, moved, changed or cancelled

    def __init__(
        self,
        case_id: int,
        timetables: TimetableService,
        messages: Messages,
        errors: ErrorSummary,
        *,
        files: FileDialogs,
        now: Callable[[], datetime],  # aware: invitations are stamped with it
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Rapid Review meeting", parent)
        self.setObjectName("meeting_booking")
        self._case_id = case_id
        self._timetables = timetables
        self._messages = messages
        self._errors = errors
        self._files = files
        self._now = now
        self.meeting_label = QLabel()
        self.meeting_label.setObjectName("meeting_label")
        self.meeting_label.setWordWrap(True)
        self.meeting_date = FormField(
            "Date of the Rapid Review meeting",
            DateInput("meeting_date", "Date of the Rapid Review meeting"),
            hint="For example, 27 11 2026",
        )
        self.meeting_start = FormField(
            "Start time",
            _line_box("meeting_start", "Start time", width=180),
            hint="For example, 10am",
        )
        self.meeting_end = FormField(
            "End time", _line_box("meeting_end", "End time", width=180), hint="For example, 12:30pm"
        )
        self.meeting_place = FormField(
            "Where it is held",
            _line_box("meeting_place", "Where it is held"),
            hint="The room and building, or the online meeting service",
        )
        self.book_button = action_button("Book the meeting", "book_meeting_button", primary=True)
        self.export_button = action_button("Save the invitation (.ics)", "export_ics_button")
        self.cancel_button = action_button("Cancel the meeting", "cancel_meeting_button")
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.meeting_label)
        layout.addWidget(self.meeting_date)
        times = QHBoxLayout()
        times.addWidget(self.meeting_start)
        times.addWidget(self.meeting_end)
        times.addStretch(1)
        layout.addLayout(times)
        layout.addWidget(self.meeting_place)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.book_button.clicked.connect(self._on_book_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    def show_record(self, record: TimetableRecord) -> None:
        self.meeting_label.setText(_meeting_words(record))
        cancelled = record.meeting_date is None and record.cancelled_date is not None
        self.export_button.setEnabled(record.meeting_date is not None or cancelled)
        self.export_button.setText(
            "Save the cancellation (.ics)" if cancelled else "Save the invitation (.ics)"
        )
        self.cancel_button.setVisible(record.meeting_date is not None)
        boxes = self.meeting_date.field
        # What is booked is shown to change from, but never over what is being typed.
        if record.meeting_date is not None and isinstance(boxes, DateInput) and boxes.is_blank():
            boxes.set_value(record.meeting_date)
        for field, value in (
            (self.meeting_start, format_time(record.meeting_start) if record.meeting_start else ""),
            (self.meeting_end, format_time(record.meeting_end) if record.meeting_end else ""),
            (self.meeting_place, record.meeting_place),
        ):
            box = field.field
            if isinstance(box, QLineEdit) and not box.text().strip():
                box.setText(value)
        self.book_button.setText(
            "Book the meeting" if record.meeting_date is None else "Move the meeting"
        )

    def _fail(self, field: FormField, message: str) -> None:
        field.set_error(message)
        self._errors.show_errors([(field, message)])

    def _clear_errors(self) -> None:
        for field in (self.meeting_date, self.meeting_start, self.meeting_end):
            field.set_error("")
        self._errors.clear()

    # Actions -------------------------------------------------------------------------------

    def _on_book_button_clicked(self) -> None:
        self._clear_errors()
        day, problem = read_date(self.meeting_date, what="The meeting date", required=True)
        if day is None:
            self._fail(self.meeting_date, problem)
            return
        times = []
        for field, what in ((self.meeting_start, "start"), (self.meeting_end, "end")):
            try:
                times.append(parse_time(_text(field)))
            except DateError:
                self._fail(field, f"Enter the {what} time like 10am or 14:30")
                return
        start, end = times
        if start is not None and end is not None and end <= start:
            self._fail(self.meeting_end, "The end time must be after the start time")
            return
        try:
            check = self._timetables.check_meeting(self._case_id, day)
            if not check.allowed:
                reasons = " ".join(check.refusals)
                self._fail(self.meeting_date, reasons)
                self._messages.error(self, "The meeting was not booked", reasons)
                return
            if check.warnings and not self._messages.confirm(
                self,
                "Check the meeting date",
                " ".join(check.warnings),
                yes="Book it anyway",
                no="Choose another date",
            ):
                return
            self._timetables.book_meeting(
                self._case_id, day, start=start, end=end, place=_text(self.meeting_place)
            )
        except UserError as error:
            self._messages.error(self, "The meeting was not booked", str(error))
            return
        self.changed.emit()

    def _on_cancel_button_clicked(self) -> None:
        if not self._messages.confirm(
            self,
            "Cancel the meeting?",
            "The meeting will be taken off the timetable. Save the cancellation afterwards and "
            "send it to the panel, so their calendars drop it.",
            yes="Cancel the meeting",
            no="Keep the meeting",
            default_yes=False,
        ):
            return
        try:
            self._timetables.cancel_meeting(self._case_id)
        except UserError as error:
            self._messages.error(self, "The meeting was not cancelled", str(error))
            return
        self.changed.emit()

    def _on_export_button_clicked(self) -> None:
        record = self._timetables.record(self._case_id)
        if record.meeting_date is None and record.cancelled_date is None:
            return
        reference = self._timetables.case_reference(self._case_id)
        cancelled = record.meeting_date is None
        path = self._files.save_file(
            self,
            "Save the cancellation" if cancelled else "Save the meeting invitation",
            f"{reference} Rapid Review meeting{' cancelled' if cancelled else ''}.ics",
            "Calendar invitations (*.ics)",
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            data = self._timetables.meeting_invitation(self._case_id, self._now())
            write_exported_file(path, data)
        except (TimetableError, FileNotSavedError) as error:
            self._messages.error(self, "The invitation was not saved", str(error))
            return
        if cancelled:
            words, advice = "The cancellation", "their calendars will drop the meeting."
        else:
            words = "The invitation"
            advice = (
                "if the meeting changes, save and send it again and calendars will update the "
                "same event."
            )
        self._messages.info(
            self,
            "Cancellation saved" if cancelled else "Invitation saved",
            f"{words} for {reference} was saved as {path.name}. Send it to the panel: {advice}",
        )


def _line_box(name: str, accessible: str, *, width: int = 0) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    if width:
        box.setFixedWidth(width)
    return box


def _text(field: FormField) -> str:
    box = field.field
    return box.text().strip() if isinstance(box, QLineEdit) else ""


def _meeting_words(record: TimetableRecord) -> str:
    if record.meeting_date is None:
        if record.cancelled_date is not None:
            return (
                f"The meeting on {format_date_with_weekday(record.cancelled_date)} was "
                "cancelled. Save the cancellation and send it to the panel."
            )
        return "No meeting booked yet."
    words = f"Meeting booked for {format_date_with_weekday(record.meeting_date)}"
    if record.meeting_start is not None and record.meeting_end is not None:
        words += f", {format_time(record.meeting_start)} to {format_time(record.meeting_end)}"
    if record.meeting_place:
        words += f", at {record.meeting_place}"
    return words + "."
