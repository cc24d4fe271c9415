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
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date_with_weekday
from rrdesk.domain.timetable.deadlines import DAY_ZERO_CONVENTION
from rrdesk.domain.timetable.extensions import lateness_prompt
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.kit.form_widgets import (
    ErrorSummary,
    heading_label,
    hint_label,
)
from rrdesk.ui.kit.scrolling_page import page_scroll
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.timetable.deadline_records import DeadlineRecordsWidget
from rrdesk.ui.timetable.meeting_booking import MeetingBookingWidget
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
        self.booking = MeetingBookingWidget(
            case_id, timetables, messages, self.errors, files=files, now=now
        )
        # The booking's parts, as the tab's own (tests and walks reach them here).
        self.meeting_label = self.booking.meeting_label
        self.meeting_date = self.booking.meeting_date
        self.book_button = self.booking.book_button
        self.export_button = self.booking.export_button
        self.records = DeadlineRecordsWidget(
            case_id, timetables, messages, self.errors, today=today
        )
        self.no_timetable = hint_label(
            "No timetable: the 15 working days count from the notification to the National "
            "Panel, and this case has not been notified. If it is, enter the date the "
            "notification was sent on the Case details tab."
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
        body.addWidget(self.booking)
        body.addWidget(self.records)
        body.addStretch(1)
        scroll = page_scroll(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_timetable)
        layout.addWidget(scroll, 1)
        layout.addStretch()  # with no timetable, the notice stays at the top of the page
        self._scroll = scroll

    def _connect_signals(self) -> None:
        self.booking.changed.connect(self._changed)
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
                row.forms_after_meeting_warning,
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
                    due = f"{format_date_with_weekday(item.earliest)} to {due}"
            day = "" if item.review_day is None else f"Day {item.review_day}"
            if item.review_day is not None and item.review_day < 0:
                day = "Before day 0"  # a referral's milestones can fall before the notification
            box = QCheckBox("Done")
            box.setObjectName(f"done_{item.key}")
            box.setAccessibleName(f"{item.label}: done")
            box.setChecked(item.key in row.done)
            shown_done = row.done_by_the_record.why(item.key)
            if shown_done:  # nothing to tick: the record shows it
                box.setEnabled(False)
                box.setToolTip(shown_done)
            box.toggled.connect(lambda checked, key=item.key: self._on_done_toggled(key, checked))
            self.done_boxes[item.key] = box
            for column, text in enumerate((item.label, due, day, item.counted_from_words)):
                label = QLabel(text)
                label.setWordWrap(True)
                self.milestone_grid.addWidget(label, line, column)
            self.milestone_grid.addWidget(box, line, 4)

    def _show_records(self, row: BoardRow) -> None:
        self.booking.show_record(row.record)
        self.records.show_record(row.record)

    def _changed(self) -> None:
        self.errors.clear()
        self._timetables.invalidate(self.case_id)
        self.refresh()
        self.timetable_changed.emit(self.case_id)

    # Actions -------------------------------------------------------------------------------

    def _on_done_toggled(self, key: str, checked: bool) -> None:
        try:
            self._timetables.set_done(self.case_id, key, checked)
        except UserError as error:
            self._messages.error(self, "Not saved", str(error))
            return
        self._changed()
