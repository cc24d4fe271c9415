"""An agency's check form as it is being entered: the parts of its record, changed as the
author types, and read back as a :class:`FormRecord` to save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.agency_forms.agency_form_record import EnteredBy, FormPosition, FormRecord
from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import (
    SectionStatus,
    form_is_complete,
    section_statuses,
)
from rrdesk.domain.agency_forms.text_checks import IgnoredFinding, TextSpan
from rrdesk.ui.agency_forms.question_pages import FormQuestionPage


@dataclass
class FormDraft:
    agency: str
    answers: dict[str, object]
    pasted: dict[str, tuple[TextSpan, ...]]
    ignored: dict[str, tuple[IgnoredFinding, ...]]
    confirmed: set[str]
    looked_at: bool
    ready_on: date | None
    entered_by: EnteredBy
    entered_by_name: str

    @classmethod
    def of(cls, record: FormRecord) -> FormDraft:
        return cls(
            agency=record.agency,
            answers=dict(record.answers),
            pasted=dict(record.pasted),
            ignored=dict(record.ignored),
            confirmed=set(record.confirmed_sections),
            looked_at=record.findings_looked_at,
            ready_on=record.ready_on,
            entered_by=record.entered_by,
            entered_by_name=record.entered_by_name,
        )

    def record(self, position: FormPosition) -> FormRecord:
        return FormRecord(
            agency=self.agency,
            answers=dict(self.answers),
            entered_by=self.entered_by,
            entered_by_name=self.entered_by_name,
            position=position,
            pasted={k: v for k, v in self.pasted.items() if v},
            ignored={k: v for k, v in self.ignored.items() if v},
            confirmed_sections=frozenset(self.confirmed),
            findings_looked_at=self.looked_at,
            ready_on=self.ready_on,
        )

    def read(self, page: FormQuestionPage) -> None:
        """Take in what is on ``page``: its answer, and its boxes' pasted and ignored text."""
        self.answers[page.question.key] = page.value()
        for edit in page.narratives:
            key = str(edit.property("field_key"))
            self.pasted[key] = edit.pasted_spans
            self.ignored[key] = edit.ignored

    def statuses(self, form: FormDefinition, today: date) -> dict[str, SectionStatus]:
        return section_statuses(form, self.answers, confirmed_sections=self.confirmed, today=today)

    def is_complete(self, form: FormDefinition, today: date) -> bool:
        return form_is_complete(form, self.answers, confirmed_sections=self.confirmed, today=today)

    @property
    def entered_by_words(self) -> str:
        """ "Entered by the agency: Ana Blake.", as the task list says it."""
        who = self.entered_by.label + (f": {self.entered_by_name}" if self.entered_by_name else "")
        return f"Entered by {who[0].lower()}{who[1:]}."
