"""The Meeting tab's boxes that can hold typing not yet saved, asked about before the tab is
left (rrdesk.ui.shell.leaving): the notes saved as the cursor leaves them, the one-line boxes
saved on Enter or Tab (the time, the place, each criterion's note), and the boxes whose words
are kept only when added with their button (an immediate action, a member's dissent)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QLineEdit, QPushButton

from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.dates import DateError, format_time, parse_time
from rrdesk.ui.meeting.actions_panel import ActionsPanel
from rrdesk.ui.meeting.criteria_panel import CriteriaPanel
from rrdesk.ui.meeting.details_panel import DetailsPanel
from rrdesk.ui.meeting.meeting_panel import MeetingPanel, NoteEdit
from rrdesk.ui.meeting.vote_panel import VotePanel


class TypedBox(Protocol):
    panel: MeetingPanel

    def typed(self) -> bool: ...

    def save(self) -> bool:
        """Save what is typed; False when it is refused (the panel shows why)."""
        ...

    def put_back(self) -> None: ...


@dataclass
class NoteBox:
    """A note saved as the cursor leaves it."""

    note: NoteEdit
    panel: MeetingPanel

    def typed(self) -> bool:
        return self.note.typed()

    def save(self) -> bool:
        saved = self.note.saved_text()
        self.panel.errors.clear()
        self.note.finish()
        if not self.panel.errors.isHidden():  # refused: the typing stays typed
            self.note.keep_typed(saved)
            return False
        return True

    def put_back(self) -> None:
        self.note.put_back()


@dataclass
class LineBox:
    """A one-line box saved on Enter or Tab, typed while it differs from what is stored."""

    edit: QLineEdit
    stored: Callable[[], str]
    panel: MeetingPanel
    same: Callable[[str, str], bool] = lambda typed, stored: typed.strip() == stored.strip()

    def typed(self) -> bool:
        return not self.same(self.edit.text(), self.stored())

    def save(self) -> bool:
        self.panel.errors.clear()
        self.edit.editingFinished.emit()
        return not self.typed()

    def put_back(self) -> None:
        self.edit.setText(self.stored())


@dataclass
class AddedBox:
    """Words kept only when added with their button; the box is emptied once they are."""

    note: NoteEdit
    button: QPushButton
    panel: MeetingPanel

    def typed(self) -> bool:
        return bool(self.note.toPlainText().strip())

    def save(self) -> bool:
        self.button.click()
        return not self.typed()

    def put_back(self) -> None:
        self.note.clear()


def _same_time(typed: str, stored: str) -> bool:
    try:
        return parse_time(typed) == parse_time(stored)
    except DateError:
        return False


def line_and_added_boxes(
    meeting: Callable[[], Meeting],
    details: DetailsPanel,
    criteria: CriteriaPanel,
    vote: VotePanel,
    actions: ActionsPanel,
) -> list[TypedBox]:
    """The boxes other than the notes, each reading what is stored from ``meeting()``."""

    def starts() -> str:
        at = meeting().starts_at
        return "" if at is None else format_time(at)

    def note_of(key: str) -> Callable[[], str]:
        def stored() -> str:
            response = meeting().criteria.response(key)
            return "" if response is None else response.note

        return stored

    boxes: list[TypedBox] = [
        LineBox(details.time_edit, starts, details, _same_time),
        LineBox(details.place_edit, lambda: meeting().place, details),
    ]
    boxes += [LineBox(row.note, note_of(key), criteria) for key, row in criteria.rows.items()]
    boxes += [
        AddedBox(vote.dissent_words, vote.dissent_button, vote),
        AddedBox(actions.action_edit, actions.add_button, actions),
    ]
    return boxes
