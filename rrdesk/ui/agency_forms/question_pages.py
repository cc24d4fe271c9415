"""The question pages of an agency check form, built from the TOML form: one question to a
page (a :class:`rrdesk.ui.kit.question_page.QuestionPage`), the question as the heading, hint
text under it, and the input. Each page reads and writes one answer."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.agency_forms.check_form import Question, QuestionKind, Section
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.text_checks import IgnoredFinding, TextSpan, describe_pasted
from rrdesk.ui.kit.findings_panel import finding_summary
from rrdesk.ui.kit.form_widgets import DateInput, FormField, heading_label
from rrdesk.ui.kit.narrative_edit import NarrativeEdit
from rrdesk.ui.kit.question_page import ChoiceInput, QuestionPage

NarrativeFactory = Callable[[str, str], NarrativeEdit]
"""Builds a narrative box for a field key and an accessible name."""


class CompletedPage(QuestionPage):
    """'Have you completed this section?' at the end of a narrative section; the caption names
    the section."""

    def __init__(self) -> None:
        super().__init__("completed", "Have you completed this section?")
        self.choice = ChoiceInput(
            "answer_completed",
            (("yes", "Yes, I have completed this section"), ("no", "No, I will come back later")),
        )
        self.field = FormField("", self.choice, object_name="completed")
        self.field.label.hide()
        self.add_field("completed", self.field)
        self.finish()


class NarrativeField(QWidget):
    """A narrative box with the findings summary and the pasted-text line under it."""

    def __init__(self, edit: NarrativeEdit) -> None:
        super().__init__()
        self.edit = edit
        self.summary = QLabel()
        self.summary.setObjectName(f"{edit.objectName()}_findings")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "warning")
        self.pasted = QLabel()
        self.pasted.setObjectName(f"{edit.objectName()}_pasted")
        self.pasted.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.pasted)
        edit.findings_changed.connect(self._refresh)
        edit.edited.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        self.summary.setText(finding_summary(self.edit.findings))
        self.summary.setVisible(bool(self.edit.findings))
        words = describe_pasted(self.edit.pasted_spans)
        self.pasted.setText(f"{words} (marked in yellow)." if words else "")
        self.pasted.setVisible(bool(words))

    def setFocus(self, *args: object) -> None:
        self.edit.setFocus()


class FormQuestionPage(QuestionPage):
    """One question of the check form to a page: the section's title as the caption, the
    question as the heading, its hint under it, and the input. Reads and writes one answer."""

    changed = Signal()

    def __init__(self, section: Section, question: Question, narrative: NarrativeFactory) -> None:
        super().__init__(question.key, question.label, caption=section.title)
        self.question = question
        self.narratives: list[NarrativeEdit] = []
        self._narrative = narrative
        self._input = self._build_input(question)
        field = FormField("", self._input, hint=question.hint, object_name=f"q_{question.key}")
        field.label.hide()
        field.field.setAccessibleName(question.label)
        self.add_field(question.key, field)
        self.finish()

    def _build_input(self, question: Question) -> QWidget:
        kind = question.kind
        name = f"answer_{question.key}"
        widget: QWidget
        if kind is QuestionKind.TEXT:
            line = QLineEdit()
            line.setObjectName(name)
            line.textEdited.connect(lambda *_: self.changed.emit())
            widget = line
        elif kind is QuestionKind.DATE:
            date_input = DateInput(name, question.label)
            date_input.changed.connect(self.changed)
            widget = date_input
        elif kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
            choice = ChoiceInput(name, tuple((o.value, o.label) for o in question.options))
            choice.changed.connect(self.changed)
            widget = choice
        elif kind is QuestionKind.NARRATIVE:
            edit = self._narrative(question.key, question.label)
            edit.setMinimumHeight(220)
            edit.edited.connect(self.changed)
            self.narratives.append(edit)
            widget = NarrativeField(edit)
        else:
            chronology = ChronologyInput(question, self._narrative)
            chronology.changed.connect(self.changed)
            widget = chronology
        return widget

    def load(
        self,
        answers: Mapping[str, object],
        pasted: Mapping[str, tuple[TextSpan, ...]],
        ignored: Mapping[str, tuple[IgnoredFinding, ...]],
    ) -> None:
        value = answers.get(self.question.key)
        widget = self._input
        if isinstance(widget, QLineEdit):
            widget.setText(value if isinstance(value, str) else "")
        elif isinstance(widget, DateInput):
            answer = value if isinstance(value, DateAnswer) else DateAnswer()
            widget.day.setText(answer.day)
            widget.month.setText(answer.month)
            widget.year.setText(answer.year)
        elif isinstance(widget, ChoiceInput):
            widget.set_value(value if isinstance(value, str) else "")
        elif isinstance(widget, NarrativeField):
            key = self.question.key
            widget.edit.load(
                value if isinstance(value, str) else "", pasted.get(key, ()), ignored.get(key, ())
            )
        elif isinstance(widget, ChronologyInput):
            rows = value if isinstance(value, tuple) else ()
            widget.load(rows, pasted, ignored)
            self.fields.update(widget.fields)
            self.narratives = widget.narratives

    def value(self) -> object:
        widget = self._input
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, DateInput):
            return DateAnswer(widget.day.text(), widget.month.text(), widget.year.text())
        if isinstance(widget, ChoiceInput):
            return widget.value()
        if isinstance(widget, NarrativeField):
            return widget.edit.text()
        if isinstance(widget, ChronologyInput):
            self.fields = {self.question.key: self.fields[self.question.key], **widget.fields}
            self.narratives = widget.narratives
            return widget.value()
        return ""


class ChronologyInput(QWidget):
    """Rows of significant contacts: date, who, what happened, what was decided."""

    changed = Signal()
    narrative_added = Signal(object)

    def __init__(self, question: Question, narrative: NarrativeFactory) -> None:
        super().__init__()
        self.setObjectName(f"answer_{question.key}")
        self._question = question
        self._narrative = narrative
        self._rows: list[tuple[QFrame, DateInput, NarrativeEdit, NarrativeEdit, NarrativeEdit]] = []
        self.fields: dict[str, FormField] = {}
        self.narratives: list[NarrativeEdit] = []
        self._rows_layout = QVBoxLayout()
        self.add_button = QPushButton("Add another contact")
        self.add_button.setObjectName("add_contact")
        self.add_button.clicked.connect(self._on_add_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def load(
        self,
        rows: tuple[object, ...],
        pasted: Mapping[str, tuple[TextSpan, ...]],
        ignored: Mapping[str, tuple[IgnoredFinding, ...]],
    ) -> None:
        for frame, *_rest in self._rows:
            frame.deleteLater()
        self._rows = []
        self.fields = {}
        self.narratives = []
        loaded = [r for r in rows if isinstance(r, ChronologyRow)] or [ChronologyRow()]
        for row in loaded:
            self._add_row(row, pasted, ignored)

    def _add_row(
        self,
        row: ChronologyRow,
        pasted: Mapping[str, tuple[TextSpan, ...]],
        ignored: Mapping[str, tuple[IgnoredFinding, ...]],
    ) -> None:
        number = len(self._rows) + 1
        key = f"{self._question.key}.{number}"
        frame = QFrame()
        frame.setObjectName(f"contact_{number}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        title = heading_label(f"Contact {number}", level=3, object_name=f"contact_{number}_title")
        layout.addWidget(title)
        when = DateInput(f"contact_{number}_date", f"Date of contact {number}")
        if isinstance(row.date, DateAnswer):
            when.day.setText(row.date.day)
            when.month.setText(row.date.month)
            when.year.setText(row.date.year)
        who = self._narrative(f"{key}.who", f"Who was involved in contact {number}")
        happened = self._narrative(f"{key}.what_happened", f"What happened in contact {number}")
        decided = self._narrative(f"{key}.what_decided", f"What was decided in contact {number}")
        for edit, text, lines in (
            (who, row.who, 2),
            (happened, row.what_happened, 5),
            (decided, row.what_decided, 4),
        ):
            field_key = str(edit.property("field_key"))
            edit.load(text, pasted.get(field_key, ()), ignored.get(field_key, ()))
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
            edit.edited.connect(self.changed)
            self.narratives.append(edit)
        for caption, widget, column in (
            ("Date", when, "date"),
            ("Who was involved", NarrativeField(who), "who"),
            ("What happened", NarrativeField(happened), "what_happened"),
            ("What was decided (optional)", NarrativeField(decided), "what_decided"),
        ):
            field = FormField(caption, widget, object_name=f"contact_{number}_{column}")
            self.fields[f"{key}.{column}"] = field
            layout.addWidget(field)
        when.changed.connect(self.changed)
        remove = QPushButton(f"Remove contact {number}")
        remove.setObjectName(f"contact_{number}_remove")
        remove.setProperty("role", "secondary")
        remove.clicked.connect(lambda _c=False, f=frame: self._on_remove_clicked(f))
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._rows.append((frame, when, who, happened, decided))
        self._rows_layout.addWidget(frame)
        self.narrative_added.emit(who)
        self.narrative_added.emit(happened)
        self.narrative_added.emit(decided)

    def value(self) -> tuple[ChronologyRow, ...]:
        return tuple(
            ChronologyRow(
                DateAnswer(when.day.text(), when.month.text(), when.year.text()),
                who.text(),
                happened.text(),
                decided.text(),
            )
            for _frame, when, who, happened, decided in self._rows
        )

    def _on_add_clicked(self) -> None:
        self._add_row(ChronologyRow(), {}, {})
        self._rows[-1][1].day.setFocus()
        self.changed.emit()

    def _on_remove_clicked(self, frame: QFrame) -> None:
        rows = [r for r in self._rows if r[0] is not frame]
        kept = tuple(
            ChronologyRow(
                DateAnswer(w.day.text(), w.month.text(), w.year.text()),
                who.text(),
                h.text(),
                d.text(),
            )
            for _f, w, who, h, d in rows
        )
        spans: dict[str, tuple[TextSpan, ...]] = {}
        ignored: dict[str, tuple[IgnoredFinding, ...]] = {}
        for number, (_f, _w, who, h, d) in enumerate(rows, start=1):
            for edit, column in ((who, "who"), (h, "what_happened"), (d, "what_decided")):
                spans[f"{self._question.key}.{number}.{column}"] = edit.pasted_spans
                ignored[f"{self._question.key}.{number}.{column}"] = edit.ignored
        self.load(kept, spans, ignored)
        self.changed.emit()
