"""The running order of the meeting, with start times, for the chair and the agenda timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

from rrdesk.domain.meeting.agenda import AgendaItem, schedule, total_minutes
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.dates import format_time
from rrdesk.ui.kit.form_widgets import FormField, hint_label
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    compact,
    name,
    status_label,
)

AgendaFor = Callable[[Meeting], tuple[AgendaItem, ...]]


def agenda_lines(meeting: Meeting) -> list[str]:
    """One line per item: start time (when the meeting has one), title and minutes."""
    if meeting.starts_at is not None:
        return [
            f"{format_time(start)}  {item.title} ({item.minutes} min)"
            for item, start in schedule(meeting.agenda, meeting.starts_at)
        ]
    return [f"{item.title} ({item.minutes} min)" for item in meeting.agenda]


class AgendaPanel(MeetingPanel):
    def __init__(self, apply: Apply, agenda_for: AgendaFor) -> None:
        super().__init__("agenda", "Agenda", apply)
        self._agenda_for = agenda_for
        self.body.addWidget(
            hint_label(
                "From the partnership's process profile, with an account from each agency"
                " present, in attendance order."
            )
        )
        self.agenda_list = status_label("agenda_list", "Agenda")
        self.body.addWidget(self.agenda_list)
        self.total = status_label("agenda_total", "Total time")
        self.body.addWidget(self.total)
        self.rebuild_button = compact(QPushButton("Update the agenda from the attendance list"))
        name(self.rebuild_button, "rebuild_agenda_button", "Update the agenda")
        self.rebuild_field = FormField("", self.rebuild_button)
        self.rebuild_field.label.hide()
        self.body.addWidget(self.rebuild_field)
        self.rebuild_button.clicked.connect(self._on_rebuild_clicked)

    def refresh(self, view: MeetingView) -> None:
        lines = agenda_lines(view.meeting)
        self.agenda_list.setText("\n".join(lines) if lines else "No agenda yet")
        minutes = total_minutes(view.meeting.agenda)
        hours, rest = divmod(minutes, 60)
        length = (
            f"{hours} hour{'s' if hours != 1 else ''} {rest} minutes"
            if hours
            else f"{rest} minutes"
        )
        self.total.setText(f"Total: {length}")

    def _on_rebuild_clicked(self) -> None:
        agenda_for = self._agenda_for
        self.change(lambda m: m.with_agenda(agenda_for(m)), "Agenda updated", self.rebuild_field)
