"""The vote: open it (voters fixed), record each choice, tally live, close, reopen with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from rrdesk.domain.meeting.attendance import still_to_record
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.vote import QUESTION, Vote, VoteChoice
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import FormField, fits_the_page, hint_label
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    NoteEdit,
    compact,
    discard,
    name,
    status_label,
)


def _vote_of(meeting: Meeting) -> Vote:
    if meeting.vote is None:
        raise AssertionError("no vote")
    return meeting.vote


class _VoterRow:
    def __init__(self, member_id: int, description: str) -> None:
        self.label = QLabel(description)
        self.label.setWordWrap(True)  # a long name and role wraps rather than widening the page
        self.label.setObjectName(f"voter_{member_id}")
        self.label.setAccessibleName(description)
        self.group = QButtonGroup()
        self.buttons: dict[VoteChoice, QRadioButton] = {}
        for choice in VoteChoice:
            button = QRadioButton(choice.label)
            name(button, f"vote_{member_id}_{choice.value}", f"{description}: {choice.label}")
            self.group.addButton(button)
            self.buttons[choice] = button

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.label, *self.buttons.values())


class VotePanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("vote", "The vote", apply)
        self.question = hint_label(f"The question: {QUESTION}? Yes, No or Abstain.")
        self.body.addWidget(self.question)
        self.state = status_label("vote_state", "State of the vote")
        self.body.addWidget(self.state)
        self.open_button = compact(QPushButton("Open the vote"))
        self.open_button.setProperty("role", "primary")
        name(self.open_button, "open_vote_button", "Open the vote")
        self.open_field = FormField(
            "",
            self.open_button,
            hint="Who may vote is fixed when the vote opens: present voting members who have not"
            " declared a conflict of interest, substitutes in place of their member.",
        )
        self.open_field.label.hide()
        self.body.addWidget(self.open_field)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.grid_host)
        self.rows: dict[int, _VoterRow] = {}
        self._voter_ids: tuple[int, ...] = ()
        self.not_voting = status_label("not_voting_list", "Present but not voting")
        self.body.addWidget(self.not_voting)
        self.tally = status_label("vote_tally", "Tally")
        self.tally.setProperty("role", "summary_key")
        self.body.addWidget(self.tally)
        self.outcome = status_label("vote_outcome", "Outcome")
        self.outcome.setProperty("role", "inset")
        self.body.addWidget(self.outcome)
        self.rule = hint_label("")
        self.rule.setObjectName("vote_rule")
        self.body.addWidget(self.rule)
        self.votes_field = FormField("", QWidget())
        self.votes_field.label.hide()
        self.body.addWidget(self.votes_field)
        self.close_button = compact(QPushButton("Close the vote"))
        self.close_button.setProperty("role", "primary")
        name(self.close_button, "close_vote_button", "Close the vote")
        self.body.addWidget(self.close_button)
        self.reopen_edit = QLineEdit()
        name(self.reopen_edit, "reopen_reason", "Reason for reopening the vote")
        self.reopen_button = compact(QPushButton("Reopen the vote"))
        name(self.reopen_button, "reopen_vote_button", "Reopen the vote")
        reopen_host = QWidget()
        reopen_row = QHBoxLayout(reopen_host)
        reopen_row.setContentsMargins(0, 0, 0, 0)
        reopen_row.addWidget(self.reopen_edit, 1)
        reopen_row.addWidget(self.reopen_button)
        self.reopen_field = FormField(
            "Reason for reopening the vote", reopen_host, hint="The reason is kept on the record"
        )
        self.body.addWidget(self.reopen_field)
        self.reopenings = status_label("reopenings_list", "Reopenings")
        self.body.addWidget(self.reopenings)
        self.dissent_member = fits_the_page(QComboBox())
        name(self.dissent_member, "dissent_member", "Member dissenting")
        self.dissent_words = NoteEdit("dissent_words", "Dissent in the member's own words")
        self.dissent_button = compact(QPushButton("Record dissent"))
        name(self.dissent_button, "record_dissent_button", "Record dissent")
        dissent_host = QWidget()
        dissent_row = QHBoxLayout(dissent_host)
        dissent_row.setContentsMargins(0, 0, 0, 0)
        dissent_row.addWidget(self.dissent_member)
        dissent_row.addWidget(CheckedText(self.dissent_words), 1)
        dissent_row.addWidget(self.dissent_button)
        self.dissent_field = FormField(
            "Dissent", dissent_host, hint="In the member's own words, as they ask it to be recorded"
        )
        self.body.addWidget(self.dissent_field)
        self.dissents = status_label("dissent_list", "Dissent recorded")
        self.body.addWidget(self.dissents)
        self.names_box = QCheckBox("Show voters' names on the projector")
        name(self.names_box, "names_on_projector", "Show voters' names on the projector")
        self.body.addWidget(self.names_box)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.open_button.clicked.connect(self._on_open_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        self.dissent_button.clicked.connect(self._on_dissent_clicked)
        self.names_box.toggled.connect(self._on_names_toggled)

    # --- showing ------------------------------------------------------------------------

    def refresh(self, view: MeetingView) -> None:
        vote = view.meeting.vote
        opened = vote is not None
        self.open_field.setVisible(not opened)
        for widget in (
            self.grid_host,
            self.not_voting,
            self.tally,
            self.outcome,
            self.close_button,
            self.reopen_field,
            self.reopenings,
            self.dissent_field,
            self.dissents,
            self.names_box,
        ):
            widget.setVisible(opened)
        self.rule.setText(
            f"How the outcome is decided: {(vote.rule if vote else view.vote_rule).describe()}."
        )
        if vote is None:
            missing = still_to_record(view.meeting.attendees)
            self.state.setText(
                "The vote has not been opened."
                + (f" It cannot open until attendance is taken: {missing}." if missing else "")
            )
            self._rebuild(())
            return
        self.state.setText("The vote is closed." if vote.closed else "The vote is open.")
        voter_ids = tuple(v.member_id for v in vote.voters)
        if voter_ids != self._voter_ids:
            self._rebuild(tuple((v.member_id, v.description) for v in vote.voters))
        for voter in vote.voters:
            row = self.rows[voter.member_id]
            choice = vote.choice_of(voter.member_id)
            row.group.setExclusive(False)
            for option, button in row.buttons.items():
                button.setChecked(option is choice)
                button.setEnabled(not vote.closed)
            row.group.setExclusive(True)
        self.not_voting.setText(
            "Present but not voting: "
            + "; ".join(f"{p.name} ({p.reason.lower()})" for p in vote.not_voting)
            if vote.not_voting
            else "Everyone present can vote."
        )
        self.tally.setText(f"Tally: {vote.tally.summary}")
        self.tally.setAccessibleName(self.tally.text())
        prefix = "Outcome" if vote.closed else "If the vote closed now"
        self.outcome.setText(f"{prefix}: {vote.outcome_label}")
        self.outcome.setAccessibleName(self.outcome.text())
        self.close_button.setVisible(not vote.closed)
        self.reopen_field.setVisible(vote.closed)
        self.reopenings.setText(
            "\n".join(
                f"Reopened: {r.reason} (tally when closed: {r.tally_when_closed.summary})"
                for r in vote.reopenings
            )
        )
        self.reopenings.setVisible(bool(vote.reopenings))
        self.dissent_member.blockSignals(True)
        current = self.dissent_member.currentData()
        self.dissent_member.clear()
        for voter in vote.voters:
            self.dissent_member.addItem(voter.name, voter.member_id)
        self.dissent_member.setCurrentIndex(max(0, self.dissent_member.findData(current)))
        self.dissent_member.blockSignals(False)
        self.dissents.setText(
            "\n".join(f"{view.meeting.name_of(d.member_id)}: “{d.words}”" for d in vote.dissents)
        )
        self.dissents.setVisible(bool(vote.dissents))
        blocked = self.names_box.blockSignals(True)
        self.names_box.setChecked(vote.names_on_projector)
        self.names_box.blockSignals(blocked)

    def _rebuild(self, voters: tuple[tuple[int, str], ...]) -> None:
        for row in self.rows.values():
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                discard(widget)
        self.rows = {}
        for line, (member_id, description) in enumerate(voters):
            row = _VoterRow(member_id, description)
            self.rows[member_id] = row
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, line, column)
            for choice, button in row.buttons.items():
                button.clicked.connect(
                    lambda _c=False, m=member_id, c=choice: self._on_choice_clicked(m, c)
                )
        self.grid.setColumnStretch(4, 1)
        self._voter_ids = tuple(member_id for member_id, _ in voters)

    # --- changing -----------------------------------------------------------------------

    def _on_open_clicked(self) -> None:
        rule = self.view.vote_rule
        self.change(lambda m: m.open_vote(rule), "Vote opened", self.open_field)

    def _on_choice_clicked(self, member_id: int, choice: VoteChoice) -> None:
        who = self.view.meeting.name_of(member_id)
        self.change(
            lambda m: m.with_vote(_vote_of(m).cast(member_id, choice)),
            f"Vote recorded for {who}",
            self.votes_field,
        )

    def _on_close_clicked(self) -> None:
        self.change(lambda m: m.with_vote(_vote_of(m).close()), "Vote closed", self.votes_field)

    def _on_reopen_clicked(self) -> None:
        reason = self.reopen_edit.text()
        if self.change(
            lambda m: m.with_vote(_vote_of(m).reopen(reason)),
            f"Vote reopened: {reason.strip()}",
            self.reopen_field,
        ):
            self.reopen_edit.clear()

    def _on_dissent_clicked(self) -> None:
        member_id = self.dissent_member.currentData()
        if member_id is None:
            self.show_error(self.dissent_field, "Choose the member dissenting")
            return
        words = self.dissent_words.toPlainText()
        if self.change(
            lambda m: m.with_vote(_vote_of(m).record_dissent(int(member_id), words)),
            f"Dissent recorded for {self.view.meeting.name_of(int(member_id))}",
            self.dissent_field,
        ):
            self.dissent_words.clear()

    def _on_names_toggled(self, show: bool) -> None:
        self.change(
            lambda m: m.with_vote(_vote_of(m).with_names_on_projector(show)),
            "Voters' names shown on the projector" if show else "Names hidden on the projector",
            self.votes_field,
        )
