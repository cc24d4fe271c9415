"""The criteria for a local review, each answered yes, no or not clear, with a note."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from rrdesk.domain.meeting.criteria import CRITERIA, CriterionAnswer, CriterionGroup
from rrdesk.ui.kit.form_widgets import FormField, heading_label
from rrdesk.ui.meeting.meeting_panel import Apply, MeetingPanel, MeetingView, name, set_text_quietly


class _CriterionRow:
    def __init__(self, key: str, question: str) -> None:
        self.buttons: dict[CriterionAnswer, QRadioButton] = {}
        self.group = QButtonGroup()
        host = QWidget()
        line = QHBoxLayout(host)
        line.setContentsMargins(0, 0, 0, 0)
        for answer in CriterionAnswer:
            button = QRadioButton(answer.label)
            name(button, f"criterion_{key}_{answer.value}", f"{answer.label}: {question}")
            self.group.addButton(button)
            self.buttons[answer] = button
            line.addWidget(button)
        self.note = QLineEdit()
        name(self.note, f"criterion_{key}_note", f"Note on: {question}")
        self.note.setPlaceholderText("Note (saved when you move on)")
        line.addWidget(self.note, 1)
        self.field = FormField(question, host, object_name=f"criterion_{key}")

    def answer(self) -> CriterionAnswer | None:
        return next((a for a, b in self.buttons.items() if b.isChecked()), None)


class CriteriaPanel(MeetingPanel):
    def __init__(self, apply: Apply) -> None:
        super().__init__("criteria", "The criteria", apply)
        self.rows: dict[str, _CriterionRow] = {}
        group: CriterionGroup | None = None
        for criterion in CRITERIA:
            if criterion.group is not group:
                group = criterion.group
                self.body.addWidget(
                    heading_label(group.label, level=3, object_name=f"criteria_{group.value}")
                )
            row = _CriterionRow(criterion.key, criterion.question)
            self.rows[criterion.key] = row
            self.body.addWidget(row.field)
            for answer, button in row.buttons.items():
                button.clicked.connect(
                    lambda _c=False, k=criterion.key, a=answer: self._on_answer_clicked(k, a)
                )
            row.note.editingFinished.connect(lambda k=criterion.key: self._on_note_finished(k))
        self.unanswered = QLabel()
        self.unanswered.setObjectName("criteria_unanswered")
        self.body.addWidget(self.unanswered)

    def refresh(self, view: MeetingView) -> None:
        criteria = view.meeting.criteria
        for key, row in self.rows.items():
            response = criteria.response(key)
            row.group.setExclusive(False)
            for answer, button in row.buttons.items():
                button.setChecked(response is not None and response.answer is answer)
            row.group.setExclusive(True)
            set_text_quietly(row.note, "" if response is None else response.note)
        left = len(criteria.unanswered())
        self.unanswered.setText(
            "Every criterion is answered"
            if not left
            else f"{left} of {len(self.rows)} criteria not yet answered"
        )

    def _on_answer_clicked(self, key: str, answer: CriterionAnswer) -> None:
        note = self.rows[key].note.text()
        self.change(
            lambda m: m.with_criterion(key, answer, note),
            f"Criterion '{key}': {answer.label}",
            self.rows[key].field,
        )

    def _on_note_finished(self, key: str) -> None:
        row = self.rows[key]
        answer = row.answer()
        response = self.view.meeting.criteria.response(key)
        note = row.note.text().strip()
        if response is not None and response.note == note:
            return
        if answer is None:
            if note:
                self.show_error(row.field, "Answer yes, no or not clear before adding a note")
            return
        self.change(
            lambda m: m.with_criterion(key, answer, note),
            f"Criterion '{key}': note changed",
            row.field,
        )
