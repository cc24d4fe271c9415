"""Themes and learning: one point on each line, saved when the person moves on."""

from __future__ import annotations

from dataclasses import replace

from rrdesk.domain.learning import LEARNING_HEADINGS
from rrdesk.ui.form_widgets import FormField, hint_label
from rrdesk.ui.meeting_panel import Apply, MeetingPanel, MeetingView, NoteEdit, set_text_quietly

_HINTS = {
    "theme_keys": "Themes from the shared list, for example neglect or domestic abuse",
    "already_acted_on": "Changes agencies have already made",
}


class LearningPanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("learning", "Themes and learning", apply)
        self.body.addWidget(hint_label("Write one point on each line."))
        self.edits: dict[str, NoteEdit] = {}
        self.fields: dict[str, FormField] = {}
        for key, heading in LEARNING_HEADINGS:
            edit = NoteEdit(f"learning_{key}", heading)
            field = FormField(heading, edit, hint=_HINTS.get(key, ""))
            self.edits[key] = edit
            self.fields[key] = field
            self.body.addWidget(field)
            edit.editing_finished.connect(lambda k=key: self._on_edit_finished(k))

    def refresh(self, view: MeetingView) -> None:
        for key, edit in self.edits.items():
            points: tuple[str, ...] = getattr(view.meeting.learning, key)
            set_text_quietly(edit, "\n".join(points))

    def _on_edit_finished(self, key: str) -> None:
        points = tuple(self.edits[key].toPlainText().splitlines())
        heading = dict(LEARNING_HEADINGS)[key]
        self.change(
            lambda m: m.with_learning(replace(m.learning, **{key: points})),
            f"{heading} changed",
            self.fields[key],
        )
