"""When and where the meeting is held, and who chairs it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.dates import DateError, format_date, format_time, parse_time
from rrdesk.ui.kit.form_widgets import DateInput, FormField, fits_the_page, read_date
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    name,
    set_text_quietly,
)

TIME_ERROR = "Enter the time the meeting starts, like 10am or 14:30"


class DetailsPanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("details", "Date, time and place", apply)
        self.date_input = DateInput("meeting_date", "Date of the meeting")
        self.date_field = FormField(
            "Date of the meeting", self.date_input, hint="For example, 27 11 2026"
        )
        self.time_edit = QLineEdit()
        name(self.time_edit, "meeting_time", "Time the meeting starts")
        self.time_edit.setMaximumWidth(160)
        self.time_field = FormField("Time", self.time_edit, hint="For example, 10am or 14:30")
        self.place_edit = QLineEdit()
        name(self.place_edit, "meeting_place", "Where the meeting is held")
        self.place_field = FormField("Place", self.place_edit)
        self.online_box = QCheckBox("Held online, or partly online")
        name(self.online_box, "meeting_online", "Held online, or partly online")
        self.chair_combo = fits_the_page(QComboBox())
        name(self.chair_combo, "meeting_chair", "Chair")
        self.chair_field = FormField(
            "Chair", self.chair_combo, hint="Someone marked present on the attendance list"
        )
        for widget in (
            self.date_field,
            self.time_field,
            self.place_field,
            self.online_box,
            self.chair_field,
        ):
            self.body.addWidget(widget)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for box in (self.date_input.day, self.date_input.month, self.date_input.year):
            box.editingFinished.connect(self._on_date_editing_finished)
        self.time_edit.editingFinished.connect(self._on_time_editing_finished)
        self.place_edit.editingFinished.connect(self._on_place_editing_finished)
        self.online_box.toggled.connect(self._on_online_toggled)
        self.chair_combo.activated.connect(self._on_chair_activated)

    def refresh(self, view: MeetingView) -> None:
        meeting = view.meeting
        if not any(
            box.hasFocus()
            for box in (self.date_input.day, self.date_input.month, self.date_input.year)
        ):
            try:
                shown = self.date_input.value()
            except DateError:
                shown = None
            if shown != meeting.held_on:
                self.date_input.set_value(meeting.held_on)
        starts = meeting.starts_at
        set_text_quietly(self.time_edit, "" if starts is None else format_time(starts))
        set_text_quietly(self.place_edit, meeting.place)
        blocked = self.online_box.blockSignals(True)
        self.online_box.setChecked(meeting.online)
        self.online_box.blockSignals(blocked)
        blocked = self.chair_combo.blockSignals(True)
        self.chair_combo.clear()
        self.chair_combo.addItem("Choose the chair", None)
        for attendee in meeting.attendees:
            if attendee.present:
                self.chair_combo.addItem(f"{attendee.name}, {attendee.agency}", attendee.member_id)
        self.chair_combo.setCurrentIndex(max(0, self.chair_combo.findData(meeting.chair_id)))
        self.chair_combo.blockSignals(blocked)

    def _on_date_editing_finished(self) -> None:
        if (
            any(
                not box.text().strip()
                for box in (self.date_input.day, self.date_input.month, self.date_input.year)
            )
            and not self.date_input.is_blank()
        ):
            return  # still typing: wait for all three boxes
        value, error = read_date(self.date_field, what="The date of the meeting")
        if error:
            self.show_error(self.date_field, error)
            return
        if value == self.view.meeting.held_on:
            return
        self.change(
            lambda m: replace(m, held_on=value),
            f"Meeting date: {format_date(value) if value else 'removed'}",
            self.date_field,
        )

    def _on_time_editing_finished(self) -> None:
        try:
            value = parse_time(self.time_edit.text())
        except DateError:
            self.show_error(self.time_field, TIME_ERROR)
            return
        if value == self.view.meeting.starts_at:
            self.time_field.set_error("")
            return
        self.change(
            lambda m: replace(m, starts_at=value),
            f"Start time: {format_time(value) if value else 'removed'}",
            self.time_field,
        )

    def _on_place_editing_finished(self) -> None:
        place = self.place_edit.text().strip()
        if place == self.view.meeting.place:
            return
        self.change(lambda m: replace(m, place=place), f"Place: {place}", self.place_field)

    def _on_online_toggled(self, online: bool) -> None:
        self.change(
            lambda m: replace(m, online=online),
            "Held online" if online else "Not online",
            self.place_field,
        )

    def _on_chair_activated(self, _index: int) -> None:
        member_id = self.chair_combo.currentData()

        def choose(m: Meeting) -> Meeting:
            return m.with_chair(member_id)

        self.change(
            choose,
            f"Chair: {self.view.meeting.name_of(member_id) if member_id else 'none'}",
            self.chair_field,
        )
