"""A case's "Timetable" tab: the timeline with dates, the milestones, and where the coordinator
books the meeting, records an extension or why the decision was late, and exports the meeting
invitation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday
from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION
from rrdesk.domain.timetable.extensions import lateness_prompt
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_changes import TimetableError
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.kit.form_widgets import (
    DateInput,
    ErrorSummary,
    FormField,
    heading_label,
    hint_label,
    read_date,
)
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.timetable.deadline_records import DeadlineRecordsWidget, action_button
from rrdesk.ui.timetable.timeline_strip import LEGEND, TimelineStripWidget


class CaseTimetableWidget(QWidget):
    timetable_changed = Signal(int)

    def __init__(
        self,
        case_id: int,
        timetables: TimetableService,
        messages: Messages,
        *,
        today: Callable[[], date],
        files: FileDialogs,
        now: Callable[[], datetime],  # aware: invitations are stamped with it
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_timetable")
        self.case_id = case_id
        self._timetables = timetables
        self._messages = messages
        self._today = today
        self._files = files
        self._now = now
        self.errors = ErrorSummary()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("timetable_summary")
        self.summary_label.setProperty("role", "summary_key")
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("timetable_deadline")
        self.deadline_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("timetable_warning")
        self.warning_label.setProperty("role", "banner")
        self.warning_label.setWordWrap(True)
        self.strip = TimelineStripWidget(height=80)
        self.milestone_grid = QGridLayout()
        self.done_boxes: dict[str, QCheckBox] = {}
        self.meeting_label = QLabel()
        self.meeting_label.setObjectName("meeting_label")
        self.meeting_date = FormField(
            "Date of the Rapid Review meeting",
            DateInput("meeting_date", "Date of the Rapid Review meeting"),
            hint="For example, 27 11 2026",
        )
        self.book_button = action_button("Book the meeting", "book_meeting_button", primary=True)
        self.export_button = action_button("Save the invitation (.ics)", "export_ics_button")
        self.records = DeadlineRecordsWidget(
            case_id, timetables, messages, self.errors, today=today
        )
        self.no_timetable = hint_label(
            "Enter the date the notification was sent, on the Case details tab, to see the "
            "timetable."
        )
        self.no_timetable.setObjectName("no_timetable")
        self.body = QWidget()
        self._build_layout()
        self._connect_signals()
        self.refresh()

    def _build_layout(self) -> None:
        body = QVBoxLayout(self.body)
        body.addWidget(heading_label("Timetable", level=2, object_name="timetable_heading"))
        body.addWidget(hint_label(DAY_ZERO_CONVENTION))
        body.addWidget(self.errors)
        body.addWidget(self.summary_label)
        body.addWidget(self.deadline_label)
        body.addWidget(self.warning_label)
        body.addWidget(self.strip)
        body.addWidget(hint_label(LEGEND))
        milestones = QGroupBox("Milestones")
        milestones.setLayout(self.milestone_grid)
        body.addWidget(milestones)
        meeting = QGroupBox("Rapid Review meeting")
        meeting_layout = QVBoxLayout(meeting)
        meeting_layout.addWidget(self.meeting_label)
        meeting_layout.addWidget(self.meeting_date)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        meeting_layout.addLayout(buttons)
        body.addWidget(meeting)
        body.addWidget(self.records)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_timetable)
        layout.addWidget(scroll, 1)
        layout.addStretch()  # with no timetable, the notice stays at the top of the page
        self._scroll = scroll

    def _connect_signals(self) -> None:
        self.book_button.clicked.connect(self._on_book_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.records.recorded.connect(self._changed)

    # Showing -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Read the case again each time the tab is shown: its dates may have been edited."""
        self.refresh()
        super().showEvent(event)

    @property
    def row(self) -> BoardRow | None:
        return self._timetables.case_row(self.case_id, self._today())

    def refresh(self) -> None:
        row = self.row
        self.no_timetable.setVisible(row is None)
        self._scroll.setVisible(row is not None)
        if row is None:
            return
        self.summary_label.setText(
            f"{row.day_of_total}. {row.days_left_words}. Status: {row.status.words}."
        )
        self.deadline_label.setText(
            f"The decision is due to reach the National Panel by "
            f"{format_date_with_weekday(row.deadline)}."
            + (" This deadline was extended." if row.extended else "")
        )
        calendar = self._timetables.settings.calendar()
        meeting = row.record.meeting_date
        warnings = [
            text
            for text in (
                row.coverage_warning,
                *(
                    self._timetables.check_meeting(self.case_id, meeting, booked=True).warnings
                    if meeting is not None
                    else ()
                ),
                None
                if row.record.lateness
                else lateness_prompt(self._today(), row.deadline, calendar),
            )
            if text
        ]
        self.warning_label.setText(" ".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.strip.set_row(row)
        self._fill_milestones(row)
        self._show_records(row)

    def _fill_milestones(self, row: BoardRow) -> None:
        while self.milestone_grid.count():
            taken = self.milestone_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.done_boxes = {}
        for number, heading in enumerate(("Milestone", "Due", "Day", "Counted from", "")):
            label = QLabel(heading)
            label.setProperty("role", "summary_key")
            self.milestone_grid.addWidget(label, 0, number)
        for line, item in enumerate(row.timetable.milestones, start=1):
            due = "When the date it counts from is known"
            if item.due is not None:
                due = format_date_with_weekday(item.due)
                if item.earliest is not None:
                    due = f"{format_date(item.earliest)} to {due}"
            day = "" if item.review_day is None else f"Day {item.review_day}"
            box = QCheckBox("Done")
            box.setObjectName(f"done_{item.key}")
            box.setAccessibleName(f"{item.label}: done")
            box.setChecked(item.key in row.record.done)
            box.toggled.connect(lambda checked, key=item.key: self._on_done_toggled(key, checked))
            self.done_boxes[item.key] = box
            for column, text in enumerate((item.label, due, day, item.counted_from_words)):
                label = QLabel(text)
                label.setWordWrap(True)
                self.milestone_grid.addWidget(label, line, column)
            self.milestone_grid.addWidget(box, line, 4)

    def _show_records(self, row: BoardRow) -> None:
        record = row.record
        if record.meeting_date is None:
            self.meeting_label.setText("No meeting booked yet.")
        else:
            self.meeting_label.setText(
                f"Meeting booked for {format_date_with_weekday(record.meeting_date)}."
            )
        self.export_button.setEnabled(record.meeting_date is not None)
        boxes = self.meeting_date.field
        # The booked date is shown to move from, but never over a date being typed.
        if record.meeting_date is not None and isinstance(boxes, DateInput) and boxes.is_blank():
            boxes.set_value(record.meeting_date)
        self.book_button.setText(
            "Book the meeting" if record.meeting_date is None else "Move the meeting"
        )
        self.records.show_record(record)

    def _changed(self) -> None:
        self.errors.clear()
        self._timetables.invalidate(self.case_id)
        self.refresh()
        self.timetable_changed.emit(self.case_id)

    def _fail(self, field: FormField, message: str) -> None:
        field.set_error(message)
        self.errors.show_errors([(field, message)])

    def _clear_errors(self, *fields: FormField) -> None:
        for field in fields:
            field.set_error("")
        self.errors.clear()

    # Actions -------------------------------------------------------------------------------

    def _on_book_button_clicked(self) -> None:
        self._clear_errors(self.meeting_date)
        day, problem = read_date(self.meeting_date, what="The meeting date", required=True)
        if day is None:
            self._fail(self.meeting_date, problem)
            return
        try:
            check = self._timetables.check_meeting(self.case_id, day)
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
            self._timetables.book_meeting(self.case_id, day)
        except UserError as error:
            self._messages.error(self, "The meeting was not booked", str(error))
            return
        self._changed()

    def _on_export_button_clicked(self) -> None:
        row = self.row
        if row is None or row.meeting_date is None:
            return
        path = self._files.save_file(
            self,
            "Save the meeting invitation",
            f"{row.reference} Rapid Review meeting.ics",
            "Calendar invitations (*.ics)",
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            data = self._timetables.meeting_invitation(self.case_id, self._now())
            write_exported_file(path, data)
        except (TimetableError, FileNotSavedError) as error:
            self._messages.error(self, "The invitation was not saved", str(error))
            return
        self._messages.info(
            self,
            "Invitation saved",
            f"The invitation for {row.reference} was saved as {path.name}. Send it to the "
            "panel: if the meeting moves, save and send it again and calendars will update "
            "the same event.",
        )

    def _on_done_toggled(self, key: str, checked: bool) -> None:
        try:
            self._timetables.set_done(self.case_id, key, checked)
        except UserError as error:
            self._messages.error(self, "Not saved", str(error))
            return
        self._changed()
