"""Text checks over a whole agency check form: the findings for each narrative answer, for
"Check your answers" and for the counts quality assurance sees."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import Answers, ChronologyRow, question_is_asked
from rrdesk.domain.agency_forms.text_checks import Finding, TextChecker

_ROW_TEXT = ("who", "what_happened", "what_decided")


def narrative_texts(form: FormDefinition, answers: Answers) -> dict[str, str]:
    """Every narrative answer's text by field: the question key, or ``key.row.column`` for a
    chronology box (rows from 1), matching :class:`AnswerError` fields."""
    texts: dict[str, str] = {}
    for section in form.sections:
        for question in section.questions:
            if not question.narrative or not question_is_asked(question, answers):
                continue
            value = answers.get(question.key)
            if isinstance(value, str) and value.strip():
                texts[question.key] = value
            elif isinstance(value, Sequence) and not isinstance(value, str):
                for number, row in enumerate(value, start=1):
                    if not isinstance(row, ChronologyRow):
                        continue
                    for column in _ROW_TEXT:
                        text = getattr(row, column)
                        if text.strip():
                            texts[f"{question.key}.{number}.{column}"] = text
    return texts


def answer_findings(
    checker: TextChecker, form: FormDefinition, answers: Answers
) -> dict[str, tuple[Finding, ...]]:
    """The findings in each narrative answer that has any, by field."""
    found = {}
    for field, text in narrative_texts(form, answers).items():
        findings = checker.check(text)
        if findings:
            found[field] = findings
    return found


def sections_with_warnings(form: FormDefinition, fields: Iterable[str]) -> frozenset[str]:
    """The keys of the sections holding any of ``fields`` (a question key, or ``key.row.column``
    in a chronology): the sections the task list marks "Has warnings"."""
    section_of = {q.key: s.key for s in form.sections for q in s.questions}
    found = (section_of.get(field.split(".", 1)[0]) for field in fields)
    return frozenset(key for key in found if key is not None)
