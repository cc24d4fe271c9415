"""The panel's decision and its rationale against the criteria, saved as soon as it is complete."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QComboBox, QRadioButton, QVBoxLayout, QWidget

from rrdesk.domain.meeting.decision import (
    Decision,
    DecisionKind,
    LearningRoute,
    RationaleError,
    decision_warnings,
    differs_from_vote,
    differs_reason_missing,
    make_decision,
)
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import VoteOutcome
from rrdesk.ui.kit.findings_panel import CheckedText
from rrdesk.ui.kit.form_widgets import FormField, set_role
from rrdesk.ui.meeting.meeting_panel import (
    Apply,
    MeetingPanel,
    MeetingView,
    NoteEdit,
    name,
    set_text_quietly,
    status_label,
)

_NAMES = {
    DecisionKind.RECOMMEND_LOCAL_REVIEW: "decision_recommend",
    DecisionKind.DO_NOT_RECOMMEND: "decision_do_not_recommend",
    DecisionKind.REFER_NATIONAL_IMPORTANCE: "decision_refer",
}


class DecisionPanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("decision", "The decision", apply)
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup()
        self.kind_buttons: dict[DecisionKind, QRadioButton] = {}
        for kind in DecisionKind:
            button = QRadioButton(kind.label)
            name(button, _NAMES[kind], kind.label)
            self.group.addButton(button)
            self.kind_buttons[kind] = button
            column.addWidget(button)
        self.kind_field = FormField("What does the panel decide?", host)
        self.route_combo = QComboBox()
        name(self.route_combo, "learning_route", "How the learning will be taken forward")
        self.route_combo.addItem("Choose the learning route", None)
        for route in LearningRoute:
            self.route_combo.addItem(route.label, route)
        self.route_field = FormField(
            "How the learning will be taken forward",
            self.route_combo,
            hint="Only when a local review is not recommended",
        )
        self.rationale = NoteEdit("decision_rationale", "Rationale against the criteria", lines=5)
        self.rationale_field = FormField(
            "Rationale against the criteria",
            CheckedText(self.rationale),
            hint="Why the panel decided this, criterion by criterion",
        )
        self.differs = NoteEdit(
            "differs_reason", "Why the decision differs from the vote's outcome", lines=3
        )
        self.differs_field = FormField(
            "Why the decision differs from the vote's outcome",
            CheckedText(self.differs),
            hint="Needed before the decision sheet can be signed. It is printed on the sheet"
            " beside the vote.",
        )
        self.status = status_label("decision_status", "Decision")
        self.warnings = status_label("decision_warnings", "Warnings")
        self.warnings.setProperty("role", "banner")
        for widget in (
            self.kind_field,
            self.route_field,
            self.rationale_field,
            self.differs_field,
            self.status,
            self.warnings,
        ):
            self.body.addWidget(widget)
        for button in self.kind_buttons.values():
            button.clicked.connect(self._on_kind_clicked)
        self.route_combo.activated.connect(self._on_route_activated)
        self._outcome: VoteOutcome | None = None
        self.rationale.editing_finished.connect(self._on_rationale_finished)
        self.differs.editing_finished.connect(self._on_differs_finished)

    def refresh(self, view: MeetingView) -> None:
        decision = view.meeting.decision
        vote = view.meeting.vote
        outcome = vote.outcome if vote is not None and vote.closed else None
        set_role(self.status, "hint" if decision is None else "success")
        self._outcome = outcome
        if decision is None:
            self.status.setText("No decision recorded yet.")
            self.warnings.setText("")
            self.warnings.hide()
            self.differs_field.hide()
            return
        self.group.setExclusive(False)
        for kind, button in self.kind_buttons.items():
            button.setChecked(kind is decision.kind)
        self.group.setExclusive(True)
        blocked = self.route_combo.blockSignals(True)
        self.route_combo.setCurrentIndex(max(0, self.route_combo.findData(decision.learning_route)))
        self.route_combo.blockSignals(blocked)
        set_text_quietly(self.rationale, decision.rationale)
        self.route_combo.setEnabled(decision.kind is DecisionKind.DO_NOT_RECOMMEND)
        self.status.setText(f"Decision recorded: {decision.summary}.")
        self.status.setAccessibleName(self.status.text())
        set_text_quietly(self.differs, decision.differs_reason)
        self.differs_field.setVisible(differs_from_vote(decision, outcome))
        warnings = decision_warnings(decision, outcome)
        missing = differs_reason_missing(decision, outcome)
        lines = [f"Warning: {w}" for w in warnings] + ([f"{missing}."] if missing else [])
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    def _kind(self) -> DecisionKind | None:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)

    def _on_kind_clicked(self) -> None:
        kind = self._kind()
        self.route_combo.setEnabled(kind is DecisionKind.DO_NOT_RECOMMEND)
        if kind is not DecisionKind.DO_NOT_RECOMMEND:
            self.route_combo.setCurrentIndex(0)
        if kind is not None:
            chosen = Decision(kind, rationale="")  # whether it differs follows from its kind
            self.differs_field.setVisible(differs_from_vote(chosen, self._outcome))
        self._save(self.kind_field, quiet=True)

    def _on_route_activated(self, _index: int) -> None:
        self._save(self.route_field, quiet=True)

    def _on_rationale_finished(self) -> None:
        self._save(self.rationale_field, quiet=False)

    def _on_differs_finished(self) -> None:
        self._save(self.differs_field, quiet=False)

    def _save(self, field: FormField, *, quiet: bool) -> None:
        """Save when the decision is complete; until then say what is missing."""
        kind = self._kind()
        route = self.route_combo.currentData()
        rationale = self.rationale.toPlainText()
        if kind is None:
            if not quiet:
                self.show_error(self.kind_field, "Choose what the panel decides")
            return
        try:
            decision = make_decision(kind, rationale, route, self.differs.toPlainText())
        except MeetingError as error:
            target = self.rationale_field if isinstance(error, RationaleError) else self.route_field
            if quiet and self.view.meeting.decision is None:
                message = error.message
                self.status.setText(f"Not recorded yet: {message[0].lower()}{message[1:]}.")
            else:
                self.show_error(target, error.message)
            return
        if decision == self.view.meeting.decision:
            return
        self.change(lambda m: m.with_decision(decision), f"Decision: {decision.summary}", field)
