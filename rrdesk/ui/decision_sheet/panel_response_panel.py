"""The National Panel's response to the decision, recorded once it comes: the date, whether it
agrees, asks for more information or suggests otherwise, and what it said."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

from rrdesk.domain.after_meeting.panel_response import (
    PanelAnswer,
    record_panel_response,
    response_expected_by,
    response_stage_words,
)
from rrdesk.domain.timetable.dates import format_date
from rrdesk.ui.kit.form_widgets import DateInput, FormField, hint_label, read_date
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    compact,
    name,
    status_label,
)


class PanelResponsePanel(MeetingPanel):
    def __init__(self, apply: Apply, add_working_days: Callable[[date, int], date]) -> None:
        super().__init__("panel_response", "The National Panel's response", apply)
        self._add_working_days = add_working_days
        self.body.addWidget(
            hint_label(
                "The National Panel replies in about 10 working days (rrdesk's reading of"
                " 'about 10 days'). It advises; it cannot direct the partnership."
            )
        )
        self.status = status_label("panel_response_status", "The National Panel's response")
        self.body.addWidget(self.status)
        self.date_input = DateInput("panel_response_date", "Date of the response")
        self.date_field = FormField("Date of the response", self.date_input)
        self.answer = QComboBox()
        name(self.answer, "panel_response_answer", "What the National Panel said")
        for answer in PanelAnswer:
            self.answer.addItem(answer.label, answer.value)
        self.answer_field = FormField("What the National Panel said", self.answer)
        self.notes = QLineEdit()
        name(self.notes, "panel_response_notes", "The National Panel's words")
        self.notes_field = FormField(
            "Its words",
            self.notes,
            hint="Needed when it asks for more information or suggests otherwise",
        )
        self.record_button = compact(QPushButton("Record the response"))
        self.record_button.setProperty("role", "primary")
        name(self.record_button, "record_panel_response_button", "Record the response")
        for widget in (self.date_field, self.answer_field, self.notes_field, self.record_button):
            self.body.addWidget(widget)
        self.record_button.clicked.connect(self._on_record_clicked)

    def refresh(self, view: MeetingView) -> None:
        sent = view.meeting.sign_off.national_panel_sent_on
        response = view.meeting.panel_response
        if sent is None:
            text = "The decision has not been sent to the National Panel yet."
        else:
            expected = response_expected_by(sent, self._add_working_days)
            text = response_stage_words(sent, response, expected, view.today)
        self.status.setText(text)
        self.status.setAccessibleName(text)
        for widget in (self.date_field, self.answer_field, self.notes_field, self.record_button):
            widget.setVisible(sent is not None)
        if self.date_input.is_blank():
            self.date_input.set_value(view.today)

    def _on_record_clicked(self) -> None:
        on, error = read_date(self.date_field, what="The date", required=True)
        if error or on is None:
            self.show_error(self.date_field, error)
            return
        answer = PanelAnswer(self.answer.currentData())
        notes = self.notes.text()
        if self.change(
            lambda m: m.with_panel_response(
                record_panel_response(m.sign_off.national_panel_sent_on, on, answer, notes)
            ),
            f"The National Panel's response on {format_date(on)}: {answer.label.lower()}",
            self.notes_field,
        ):
            self.notes.clear()
