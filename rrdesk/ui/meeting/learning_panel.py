"""Themes and learning: one point on each line, saved when the person moves on. Themes are
ticked from the partnership's shared list, and each ticked theme says whether it is coming up in
other cases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from rrdesk.domain.after_meeting.learning import LEARNING_HEADINGS
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import FormField, hint_label
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    NoteEdit,
    set_text_quietly,
)

_HINTS = {"already_acted_on": "Changes agencies have already made"}
THEMES_KEY = "theme_keys"

ThemeChoices = Sequence[tuple[str, str]]
"""(key, label) of each theme in the shared list."""
Recurrence = Callable[[ThemeChoices], list[str]]
"""For the themes ticked, as (key, label): one sentence each on whether it is coming up in other
cases (read together, once)."""


class LearningPanel(MeetingPanel):
    def __init__(
        self,
        apply: Apply,
        themes: ThemeChoices = (),
        recurrence: Recurrence | None = None,
    ) -> None:
        super().__init__("learning", "Themes and learning", apply)
        self.body.addWidget(hint_label("Write one point on each line."))
        self.edits: dict[str, NoteEdit] = {}
        self.fields: dict[str, FormField] = {}
        self._labels = dict(themes)
        self._recurrence = recurrence
        self._filling = False
        for key, heading in LEARNING_HEADINGS:
            if key == THEMES_KEY:
                self._add_theme_list(heading)
                continue
            edit = NoteEdit(f"learning_{key}", heading)
            field = FormField(heading, CheckedText(edit), hint=_HINTS.get(key, ""))
            self.edits[key] = edit
            self.fields[key] = field
            self.body.addWidget(field)
            edit.editing_finished.connect(lambda k=key: self._on_edit_finished(k))

    def _add_theme_list(self, heading: str) -> None:
        self.theme_list = QListWidget()
        self.theme_list.setObjectName("learning_themes")
        self.theme_list.setAccessibleName(heading)
        self.theme_list.setMinimumHeight(180)
        for key, label in self._labels.items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.theme_list.addItem(item)
        self.theme_field = FormField(
            heading,
            self.theme_list,
            hint="Tick each theme from the partnership's shared list",
            object_name="learning_themes",
        )
        self.fields[THEMES_KEY] = self.theme_field
        self.body.addWidget(self.theme_field)
        self.recurrence_label = QLabel()
        self.recurrence_label.setObjectName("theme_recurrence")
        self.recurrence_label.setAccessibleName("Themes in other cases")
        self.recurrence_label.setWordWrap(True)
        self.recurrence_label.setProperty("role", "inset")
        self.body.addWidget(self.recurrence_label)
        self.theme_list.itemChanged.connect(self._on_theme_changed)

    def _label(self, key: str) -> str:
        return self._labels.get(key) or key.replace("_", " ").capitalize()

    def refresh(self, view: MeetingView) -> None:
        for key, edit in self.edits.items():
            points: tuple[str, ...] = getattr(view.meeting.learning, key)
            set_text_quietly(edit, "\n".join(points))
        chosen: tuple[str, ...] = view.meeting.learning.theme_keys
        self._filling = True
        try:
            known = set()
            for row in range(self.theme_list.count()):
                item = self.theme_list.item(row)
                key = str(item.data(Qt.ItemDataRole.UserRole))
                known.add(key)
                state = Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked
                if item.checkState() != state:
                    item.setCheckState(state)
            for key in chosen:
                if key not in known:  # a theme since removed from the shared list
                    item = QListWidgetItem(self._label(key))
                    item.setData(Qt.ItemDataRole.UserRole, key)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                    self.theme_list.addItem(item)
        finally:
            self._filling = False
        self._show_recurrence(chosen)

    def chosen_themes(self) -> tuple[str, ...]:
        return tuple(
            str(self.theme_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.theme_list.count())
            if self.theme_list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _show_recurrence(self, chosen: Sequence[str]) -> None:
        if self._recurrence is None or not chosen:
            self.recurrence_label.setText(
                "Tick a theme to see whether it is coming up in other cases."
            )
            return
        self.recurrence_label.setText(
            "\n".join(self._recurrence([(key, self._label(key)) for key in chosen]))
        )

    def _on_theme_changed(self, _item: QListWidgetItem) -> None:
        if self._filling:
            return
        chosen = self.chosen_themes()
        if self.change(
            lambda m: m.with_learning(replace(m.learning, theme_keys=chosen)),
            "Themes changed",
            self.theme_field,
        ):
            self._show_recurrence(chosen)

    def _on_edit_finished(self, key: str) -> None:
        points = tuple(self.edits[key].toPlainText().splitlines())
        heading = dict(LEARNING_HEADINGS)[key]
        self.change(
            lambda m: m.with_learning(replace(m.learning, **{key: points})),
            f"{heading} changed",
            self.fields[key],
        )
