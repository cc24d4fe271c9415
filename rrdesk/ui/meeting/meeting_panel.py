"""What every part of the meeting screen shares: the view it shows and how it saves a change.

A panel never saves by itself: it hands a change (a function from one meeting record to the
next) to :data:`Apply`, which makes it, saves it at once and returns an error message, or an
empty string when it worked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.cases.cases import Case
from rrdesk.domain.decision_sheet.dissent import PARTNERS_DECIDE, DissentRule
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.quorum import QuorumResult, QuorumRule
from rrdesk.domain.meeting.vote import VoteRule
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.ui.kit.form_widgets import ErrorSummary, FormField, heading_label
from rrdesk.ui.kit.narrative_edit import NarrativeEdit

Change = Callable[[Meeting], Meeting]
Apply = Callable[[Change, str], str]


@dataclass(frozen=True)
class MeetingView:
    """What the panels show: the record, and what follows from it under the profile."""

    case: Case
    meeting: Meeting
    quorum: QuorumResult
    quorum_rule: QuorumRule
    vote_rule: VoteRule
    agencies: tuple[str, ...]
    today: date
    working_day_of: Callable[[date], int] | None = None
    """The working day of the case's 15-day clock a date falls on; None without a notification."""
    dissent: DissentRule = PARTNERS_DECIDE
    """The profile's route for a partner not agreeing the decision sheet."""


def name(widget: QWidget, object_name: str, accessible: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)


def set_text_quietly(widget: QLineEdit | QPlainTextEdit | QLabel, text: str) -> None:
    """Show ``text`` without firing change signals, and never under someone's typing."""
    if isinstance(widget, QLabel):
        widget.setText(text)
        return
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if current == text or widget.hasFocus():
        return
    blocked = widget.blockSignals(True)
    if isinstance(widget, QLineEdit):
        widget.setText(text)
        widget.setCursorPosition(0)
    else:
        widget.setPlainText(text)
    widget.blockSignals(blocked)


def compact(button: QPushButton) -> QPushButton:
    """A button as wide as its words, on the left, as GOV.UK buttons are."""
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


def discard(widget: QWidget) -> None:
    """Take a widget off the screen now and delete it once its signals are done."""
    widget.hide()
    widget.setObjectName("")
    for child in widget.findChildren(QWidget):
        child.setObjectName("")
    widget.deleteLater()


def status_label(object_name: str, accessible: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName(object_name)
    label.setAccessibleName(accessible or object_name.replace("_", " "))
    return label


class NoteEdit(NarrativeEdit):
    """Several lines of text, saved when the person moves on (Tab leaves the box), and checked
    as the agency forms are, since they are printed on the decision sheet (the meeting tab gives
    its notes the case's checker; show the findings with :class:`CheckedText`)."""

    editing_finished = Signal()

    def __init__(self, object_name: str, accessible: str, *, lines: int = 3) -> None:
        super().__init__(build_text_checker(), object_name=object_name, accessible=accessible)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 16)
        self._at_focus = ""

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._at_focus = self.toPlainText()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish()

    def setPlainText(self, text: str) -> None:
        """Show ``text`` as it is saved: typing is what differs from it."""
        super().setPlainText(text)
        self._at_focus = text

    def finish(self) -> None:
        """Tell listeners the text is final (as leaving the box does) if it changed."""
        if self.toPlainText() != self._at_focus:
            self._at_focus = self.toPlainText()
            self.editing_finished.emit()

    def typed(self) -> bool:
        """Whether the box holds typing not yet handed on (the cursor has not left it)."""
        return self.toPlainText() != self._at_focus

    def keep_typed(self, saved: str) -> None:
        """After a refused save: ``saved`` is still what is stored, so the typing stays typed."""
        self._at_focus = saved

    def saved_text(self) -> str:
        return self._at_focus

    def put_back(self) -> None:
        """Forget the typing: show the text as it was when the cursor came in."""
        self.setPlainText(self._at_focus)


class MeetingPanel(QGroupBox):
    """One part of the meeting record, with its own "There is a problem" summary."""

    def __init__(self, key: str, title: str, apply: Apply) -> None:
        super().__init__()
        self.setObjectName(f"{key}_panel")
        self.setAccessibleName(title)
        self.title_text = title
        self._apply = apply
        self.body = QVBoxLayout(self)
        self.body.addWidget(heading_label(title, level=2, object_name=f"{key}_heading"))
        self.errors = ErrorSummary()
        self.errors.setObjectName(f"{key}_errors")
        self.body.addWidget(self.errors)
        self._view: MeetingView | None = None

    @property
    def view(self) -> MeetingView:
        assert self._view is not None
        return self._view

    def show_view(self, view: MeetingView) -> None:
        self._view = view
        self.refresh(view)

    def refresh(self, view: MeetingView) -> None:
        """Show ``view`` (panels override)."""

    def change(self, change: Change, what: str, field: FormField) -> bool:
        """Make and save ``change``; show the error against ``field`` if it is refused."""
        message = self._apply(change, what)
        if message:
            field.set_error(message)
            self.errors.show_errors([(field, message)])
            return False
        field.set_error("")
        self.errors.clear()
        return True

    def show_error(self, field: FormField, message: str) -> None:
        field.set_error(message)
        self.errors.show_errors([(field, message)])
