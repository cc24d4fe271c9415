"""The chair's vote panel: a small window on the coordinator's screen, opened with V from the
projector, that records the vote without leaving the projection.

It lists the voters and records each one's choice by keyboard (Up and Down to choose a voter, Y,
N or A to record their vote) or by its buttons, opens and closes the vote, and shows how many
votes are recorded: never the tally, which belongs on the record once the vote is closed. Every
change is saved at once, as on the Meeting tab. It shows the case reference only, never a
child's name.

When the projection is on the same screen as the main window (a laptop on its own, or a
mirrored display), the room sees the panel too: it then shows only whether each voter's vote is
recorded, never what it was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.errors import UserError
from rrdesk.domain.meeting.attendance import still_to_record
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import Vote, VoteChoice
from rrdesk.services.meeting.meeting_service import MeetingService

PANEL_NAME = "chair_vote_panel"
RECORDED = "Vote recorded"
NOT_RECORDED = "Not recorded"
IN_VIEW_WORDS = (
    "The projection is on this screen, so the room can see this panel: it shows whether each"
    " vote is recorded, not what it was. The Meeting tab shows the votes."
)
Change = Callable[[Meeting], Meeting]
PANEL_STYLE = (
    "QWidget#chair_vote_panel { background: #ffffff; border: 3px solid #0b0c0c; }"
    "QWidget#chair_vote_panel QLabel { color: #0b0c0c; font-size: 15px; }"
    "QWidget#chair_vote_panel QLabel#chair_vote_heading { font-size: 19px; font-weight: bold; }"
    "QWidget#chair_vote_panel QLabel#chair_vote_error { color: #d4351c; font-weight: bold; }"
    "QWidget#chair_vote_panel QListWidget { font-size: 17px; }"
    "QWidget#chair_vote_panel QPushButton { background: #f3f2f1; color: #0b0c0c;"
    " border: 2px solid #0b0c0c; padding: 6px 10px; font-size: 15px; }"
    "QWidget#chair_vote_panel QPushButton:disabled { color: #505a5f; border-color: #b1b4b6; }"
)


def _button(text: str, object_name: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setAccessibleName(accessible)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keyboard
    return button


class ChairVotePanel(QWidget):
    vote_changed = Signal(str)

    def __init__(
        self,
        meetings: MeetingService,
        case_id: int,
        parent: QWidget | None,
        *,
        in_view_of_room: Callable[[], bool],
    ) -> None:
        flags = Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
        super().__init__(parent, flags)
        self.setObjectName(PANEL_NAME)
        self.setAccessibleName("Chair's vote panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)  # its own look, not the projector's it sits over
        self._meetings = meetings
        self.case_id = case_id
        self._in_view_of_room = in_view_of_room
        self.heading = QLabel()
        self.heading.setObjectName("chair_vote_heading")
        self.state = QLabel()
        self.state.setObjectName("chair_vote_state")
        self.state.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("chair_vote_count")
        self.error = QLabel()
        self.error.setObjectName("chair_vote_error")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.in_view = QLabel(IN_VIEW_WORDS)
        self.in_view.setObjectName("chair_vote_in_view")
        self.in_view.setWordWrap(True)
        self.voters = QListWidget()
        self.voters.setObjectName("chair_voters")
        self.voters.setAccessibleName("Voters")
        self.open_button = _button("Open the vote (O)", "chair_open_vote", "Open the vote")
        self.choice_buttons = {
            choice: _button(
                f"{choice.label} ({choice.label[0]})",
                f"chair_vote_{choice.value}",
                f"Record {choice.label}",
            )
            for choice in VoteChoice
        }
        self.close_button = _button("Close the vote (C)", "chair_close_vote", "Close the vote")
        self.back_button = _button(
            "Back to the projection (Esc)", "chair_back", "Back to the projection"
        )
        self.hint = QLabel(
            "Up and Down: choose a voter. Y, N or A: record their vote. The projection shows"
            " only how many votes are recorded until the vote is closed."
        )
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self._build_layout()
        self._connect_signals()
        self.setWindowTitle("Record the vote")
        self.resize(420, 460)
        self.refresh()

    def _build_layout(self) -> None:
        choices = QHBoxLayout()
        for button in self.choice_buttons.values():
            choices.addWidget(button)
        ends = QHBoxLayout()
        ends.addWidget(self.open_button)
        ends.addWidget(self.close_button)
        ends.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        widgets = (self.heading, self.state, self.count, self.error, self.in_view, self.voters)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addLayout(choices)
        layout.addLayout(ends)
        layout.addWidget(self.hint)

    def _connect_signals(self) -> None:
        self.open_button.clicked.connect(self._on_open_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.back_button.clicked.connect(self.close)
        for choice, button in self.choice_buttons.items():
            button.clicked.connect(lambda _c=False, c=choice: self._on_choice_chosen(c))
        self._keys: dict[int, Callable[[], object]] = {
            Qt.Key.Key_O: self._on_open_clicked,
            Qt.Key.Key_C: self._on_close_clicked,
            Qt.Key.Key_Escape: self.close,
            Qt.Key.Key_Y: partial(self._on_choice_chosen, VoteChoice.YES),
            Qt.Key.Key_N: partial(self._on_choice_chosen, VoteChoice.NO),
            Qt.Key.Key_A: partial(self._on_choice_chosen, VoteChoice.ABSTAIN),
        }
        self.voters.installEventFilter(self)  # before the list's own search by letter
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # the projection may move to this screen
            app.screenRemoved.connect(self._on_screen_removed)

    def _on_screen_removed(self, _screen: QScreen) -> None:
        QTimer.singleShot(0, self, self.refresh)  # once the projection has moved

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.voters
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and event.key() in self._keys
        ):
            self._keys[event.key()]()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._keys.get(event.key())
        if action is None:
            super().keyPressEvent(event)
        else:
            action()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Back to the projection: its keys (Space, N, V) work again at once."""
        projection = self.parentWidget()
        if projection is not None and projection.isVisible():
            projection.activateWindow()
            projection.setFocus(Qt.FocusReason.OtherFocusReason)
        super().closeEvent(event)

    # --- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        meeting = self._meetings.load(self.case_id)
        vote = meeting.vote
        self.heading.setText(f"Record the vote: {meeting.case_reference}")
        missing = still_to_record(meeting.attendees)
        if vote is None:
            self.state.setText(
                f"Attendance is not taken yet: record {missing} on the Meeting tab first."
                if missing
                else "The vote has not been opened. Press O to open it."
            )
        elif vote.closed:
            self.state.setText(f"The vote is closed. Outcome: {vote.outcome_label}.")
        else:
            self.state.setText("The vote is open.")
        recorded = len(vote.ballots) if vote else 0
        self.count.setText(f"{recorded} of {len(vote.voters)} votes recorded" if vote else "")
        self.count.setVisible(vote is not None)
        current = self.voters.currentRow()
        self.voters.clear()
        in_view = self._in_view_of_room()
        self.in_view.setVisible(in_view)
        for voter in vote.voters if vote else ():
            choice = vote.choice_of(voter.member_id) if vote else None
            shown = RECORDED if in_view else (choice.label if choice else "")
            words = shown if choice else NOT_RECORDED
            item = QListWidgetItem(f"{voter.description}: {words}")
            item.setData(Qt.ItemDataRole.UserRole, voter.member_id)
            self.voters.addItem(item)
        if self.voters.count():
            self.voters.setCurrentRow(min(max(current, 0), self.voters.count() - 1))
        is_open = vote is not None and not vote.closed
        self.open_button.setVisible(vote is None)
        self.open_button.setEnabled(not missing)
        for button in self.choice_buttons.values():
            button.setEnabled(is_open)
        self.close_button.setVisible(vote is not None)
        self.close_button.setEnabled(is_open)

    # --- changing -----------------------------------------------------------------------

    def _change(self, change: Change, what: str) -> bool:
        """Make ``change`` on the stored record and save it at once; say why if it is refused."""
        try:
            updated = change(self._meetings.load(self.case_id))
            self._meetings.save(self.case_id, updated, what)
        except UserError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        self.error.clear()
        self.error.hide()
        self.refresh()
        self.vote_changed.emit(what)
        return True

    def _on_open_clicked(self) -> None:
        rule = self._meetings.vote_rule(self._meetings.case(self.case_id))
        self._change(lambda m: m.open_vote(rule), "Vote opened")

    def _on_close_clicked(self) -> None:
        self._change(lambda m: m.with_vote(_vote_of(m).close()), "Vote closed")

    def _on_choice_chosen(self, choice: VoteChoice) -> None:
        item = self.voters.currentItem()
        if item is None:
            return
        member_id = int(item.data(Qt.ItemDataRole.UserRole))
        row = self.voters.currentRow()
        changed = self._change(
            lambda m: m.with_vote(_vote_of(m).cast(member_id, choice)),
            f"Vote recorded for {self._meetings.load(self.case_id).name_of(member_id)}",
        )
        if changed:
            self.voters.setCurrentRow(self._next_unrecorded(row))

    def _next_unrecorded(self, row: int) -> int:
        """The next voter with no vote recorded after ``row``, else the one after it."""
        count = self.voters.count()
        for step in range(1, count + 1):
            candidate = (row + step) % count
            if self.voters.item(candidate).text().endswith(f": {NOT_RECORDED}"):
                return candidate
        return min(row + 1, count - 1)


def _vote_of(meeting: Meeting) -> Vote:
    if meeting.vote is None:
        raise MeetingError("The vote has not been opened")
    return meeting.vote
