"""Answers to the agency check form: validation messages, section statuses for the task list,
and the rows of "Check your answers".

Answers are a mapping of question key to value: text for text, narrative, yes_no (``"yes"`` or
``"no"``) and choice questions; a :class:`DateAnswer` (or a ``date``, or ISO text) for dates; a
sequence of :class:`ChronologyRow` for a chronology.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rrdesk.domain.agency_forms.check_form import (
    CHRONOLOGY_COLUMNS,
    Condition,
    FormDefinition,
    Question,
    QuestionKind,
    Section,
)
from rrdesk.domain.cases.email_address import EMAIL_FORMAT_MESSAGE, badly_formed_emails
from rrdesk.domain.timetable.dates import DateError, format_date, parse_date_parts, parse_iso_date

Answers = Mapping[str, object]
TEXT_MAX_LENGTH = 500
COMPLETED_PAGE = "completed"
"""The page key of "Have you completed this section?"."""
NOT_ANSWERED = "Not answered"


@dataclass(frozen=True)
class DateAnswer:
    """A date as typed into the three boxes of a GOV.UK date input."""

    day: str = ""
    month: str = ""
    year: str = ""

    @property
    def empty(self) -> bool:
        return not (self.day.strip() or self.month.strip() or self.year.strip())


@dataclass(frozen=True)
class ChronologyRow:
    """One significant contact: a summary, not a case note."""

    date: DateAnswer | date | str = ""
    who: str = ""
    what_happened: str = ""
    what_decided: str = ""

    @property
    def empty(self) -> bool:
        return _empty(self.date) and not (
            self.who.strip() or self.what_happened.strip() or self.what_decided.strip()
        )


class SectionStatus(StrEnum):
    """A section's status in the task list, as the words shown."""

    NOT_YET_STARTED = "Not yet started"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"
    THERE_IS_A_PROBLEM = "There is a problem"
    NOT_NEEDED = "Not needed"
    CANNOT_START_YET = "Cannot start yet"
    """Needed or not depending on an answer not given yet (whether the agency was involved)."""


@dataclass(frozen=True)
class AnswerError:
    """A validation message. ``field`` is the question key, or ``key.row.column`` in a
    chronology (rows from 1), so the error summary can move focus to the right box."""

    question: str
    field: str
    message: str
    missing: bool = False
    """True when something is not yet filled in, rather than filled in wrongly."""


@dataclass(frozen=True)
class SummaryRow:
    """A row of "Check your answers": the question, the answer as shown, and where Change goes."""

    section: str
    question: str
    label: str
    value: str
    answered: bool


def meaningful_answers(answers: Answers) -> dict[str, object]:
    """The answers with blanks left out (empty text, empty dates, empty chronology rows), so two
    records that say the same thing compare equal however the blanks were kept."""
    kept: dict[str, object] = {}
    for key, value in answers.items():
        if isinstance(value, Sequence) and not isinstance(value, str):
            value = tuple(item for item in value if not _empty(item))
        if not _empty(value):
            kept[key] = value
    return kept


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, DateAnswer):
        return value.empty
    if isinstance(value, date):
        return False
    if isinstance(value, ChronologyRow):
        return value.empty
    if isinstance(value, Sequence):
        return all(_empty(item) for item in value)
    return False


def answer_is_empty(answers: Answers, key: str) -> bool:
    """Whether the question has no answer yet."""
    return _empty(answers.get(key))


def _met(condition: Condition | None, answers: Answers) -> bool:
    if condition is None:
        return True
    value = answers.get(condition.question)
    return isinstance(value, str) and value.strip() == condition.answer


def section_is_needed(section: Section, answers: Answers) -> bool:
    """False for the involvement sections of a nil return ("agency not involved")."""
    return _met(section.required_if, answers)


def question_is_required(question: Question, answers: Answers) -> bool:
    """Required outright, or because of another answer ("records secured: yes, and when")."""
    if question.required_if is not None:
        return _met(question.required_if, answers)
    return question.required


def question_is_asked(question: Question, answers: Answers) -> bool:
    """False for a question that depends on an answer not given ("when" after "not secured")."""
    return question.required_if is None or _met(question.required_if, answers)


def section_asks_if_completed(section: Section, answers: Answers) -> bool:
    """Whether the section ends with "Have you completed this section?": it has a narrative
    question that is asked."""
    return any(q.narrative and question_is_asked(q, answers) for q in section.questions)


def section_pages(section: Section, answers: Answers) -> list[str]:
    """The pages of a section as the author goes through it: each question asked, then
    "Have you completed this section?" (:data:`COMPLETED_PAGE`) where it is asked."""
    pages = [q.key for q in section.questions if question_is_asked(q, answers)]
    if section_asks_if_completed(section, answers):
        pages.append(COMPLETED_PAGE)
    return pages


def parse_date_answer(value: object, what: str = "The date") -> date:
    """The date in an answer, or :class:`DateError` with a GOV.UK message."""
    if isinstance(value, date):
        return value
    if isinstance(value, DateAnswer):
        return parse_date_parts(value.day, value.month, value.year, what=what)
    if isinstance(value, str):
        return parse_iso_date(value)
    raise DateError(f"Enter {what.lower()}")


def _date_errors(
    question: Question, field: str, value: object, what: str, today: date | None
) -> list[AnswerError]:
    try:
        when = parse_date_answer(value, what)
    except DateError as error:
        return [AnswerError(question.key, field, str(error))]
    if today is not None and when > today:
        return [AnswerError(question.key, field, f"{what} must be today or in the past")]
    return []


def _chronology_errors(question: Question, value: object, today: date | None) -> list[AnswerError]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        return [AnswerError(question.key, question.key, "Add at least one significant contact")]
    errors: list[AnswerError] = []
    for number, row in enumerate(value, start=1):
        if not isinstance(row, ChronologyRow) or row.empty:
            continue
        field = f"{question.key}.{number}"
        if _empty(row.date):
            errors.append(
                AnswerError(
                    question.key,
                    f"{field}.date",
                    f"Enter the date of entry {number}",
                    missing=True,
                )
            )
        else:
            errors += _date_errors(
                question, f"{field}.date", row.date, f"The date of entry {number}", today
            )
        if not row.who.strip():
            errors.append(
                AnswerError(
                    question.key,
                    f"{field}.who",
                    f"Enter who was involved in entry {number}",
                    missing=True,
                )
            )
        if not row.what_happened.strip():
            errors.append(
                AnswerError(
                    question.key,
                    f"{field}.what_happened",
                    f"Enter what happened in entry {number}",
                    missing=True,
                )
            )
    return errors


def validate_question(
    question: Question, answers: Answers, *, today: date | None = None
) -> tuple[AnswerError, ...]:
    """Messages for one question page, in GOV.UK style ("Enter the name of the agency")."""
    value = answers.get(question.key)
    if _empty(value):
        if question_is_required(question, answers):
            message = question.required_message
            return (AnswerError(question.key, question.key, message, missing=True),)
        return ()
    return tuple(_answered_errors(question, value, today))


def _answered_errors(question: Question, value: object, today: date | None) -> list[AnswerError]:
    key = question.key
    kind = question.kind
    if kind is QuestionKind.DATE:
        return _date_errors(question, key, value, question.name, today)
    if kind is QuestionKind.CHRONOLOGY:
        return _chronology_errors(question, value, today)
    if not isinstance(value, str):
        return [AnswerError(key, key, question.required_message)]
    if kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
        if value not in {o.value for o in question.options}:
            return [AnswerError(key, key, question.required_message)]
        return []
    if kind is QuestionKind.TEXT and badly_formed_emails(value):
        return [AnswerError(key, key, EMAIL_FORMAT_MESSAGE)]
    limit = question.max_length or (TEXT_MAX_LENGTH if kind is QuestionKind.TEXT else None)
    if limit is not None and len(value) > limit:
        return [AnswerError(key, key, f"{question.name} must be {limit} characters or fewer")]
    return []


def validate_section(
    form: FormDefinition, section_key: str, answers: Answers, *, today: date | None = None
) -> tuple[AnswerError, ...]:
    """Messages for every question in a section; none when the section is not needed."""
    section = form.section(section_key)
    if not section_is_needed(section, answers):
        return ()
    return tuple(
        error
        for question in section.questions
        for error in validate_question(question, answers, today=today)
    )


def section_status(
    section: Section, answers: Answers, *, confirmed: bool = False, today: date | None = None
) -> SectionStatus:
    """The status shown in the task list.

    Completed needs every required answer, no invalid one, and — for a section with narrative
    answers asked — the author's "Yes, I have completed this section" (``confirmed``). Something
    filled in wrongly (a date that does not exist) is "There is a problem"; something not yet
    filled in (a chronology row without a date) is "In progress".
    """
    if not section_is_needed(section, answers):
        condition = section.required_if
        if condition is not None and answer_is_empty(answers, condition.question):
            return SectionStatus.CANNOT_START_YET
        return SectionStatus.NOT_NEEDED
    answered = [q for q in section.questions if not answer_is_empty(answers, q.key)]
    if not answered:
        return SectionStatus.NOT_YET_STARTED
    problems = (e for q in answered for e in validate_question(q, answers, today=today))
    if any(not e.missing for e in problems):
        return SectionStatus.THERE_IS_A_PROBLEM
    missing = any(
        e.missing for q in section.questions for e in validate_question(q, answers, today=today)
    )
    if missing or (section_asks_if_completed(section, answers) and not confirmed):
        return SectionStatus.IN_PROGRESS
    return SectionStatus.COMPLETED


def section_statuses(
    form: FormDefinition,
    answers: Answers,
    *,
    confirmed_sections: Collection[str] = (),
    today: date | None = None,
) -> dict[str, SectionStatus]:
    """Every section's status, in form order."""
    return {
        s.key: section_status(s, answers, confirmed=s.key in confirmed_sections, today=today)
        for s in form.sections
    }


def form_is_complete(
    form: FormDefinition,
    answers: Answers,
    *,
    confirmed_sections: Collection[str] = (),
    today: date | None = None,
) -> bool:
    """Ready for "Check your answers": every section completed or not needed."""
    statuses = section_statuses(
        form, answers, confirmed_sections=confirmed_sections, today=today
    ).values()
    return all(s in (SectionStatus.COMPLETED, SectionStatus.NOT_NEEDED) for s in statuses)


def _date_text(value: object) -> str:
    try:
        return format_date(parse_date_answer(value))
    except DateError:
        if isinstance(value, DateAnswer):
            return " ".join(p for p in (value.day, value.month, value.year) if p.strip())
        return str(value)


def answer_text(question: Question, value: object) -> str:
    """An answer as "Check your answers" shows it."""
    if _empty(value):
        return NOT_ANSWERED
    if question.kind is QuestionKind.DATE:
        return _date_text(value)
    if question.kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
        labels = {o.value: o.label for o in question.options}
        return labels.get(str(value), str(value))
    if question.kind is QuestionKind.CHRONOLOGY and isinstance(value, Sequence):
        lines = []
        for row in value:
            if not isinstance(row, ChronologyRow) or row.empty:
                continue
            parts = [_date_text(row.date) if not _empty(row.date) else ""]
            parts += [getattr(row, column).strip() for column, _ in CHRONOLOGY_COLUMNS[1:]]
            lines.append(" \u2014 ".join(p for p in parts if p))
        return "\n".join(lines)
    return str(value).strip()


def summary_rows(form: FormDefinition, answers: Answers) -> tuple[SummaryRow, ...]:
    """The rows of "Check your answers", skipping sections a nil return does not need."""
    rows = []
    for section in form.sections:
        if not section_is_needed(section, answers):
            continue
        for question in section.questions:
            if not question_is_asked(question, answers):
                continue
            value = answers.get(question.key)
            rows.append(
                SummaryRow(
                    section=section.key,
                    question=question.key,
                    label=question.label,
                    value=answer_text(question, value),
                    answered=not _empty(value),
                )
            )
    return tuple(rows)
