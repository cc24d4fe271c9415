"""A returned Word form as read: the value in each question's answer area, turned into answers.

The Word reader (``rrdesk.exports.word``) finds each answer area by its content control's tag,
or by the question's heading where the author deleted the control, and gives the text it found
(:class:`ReadValue`). Here that text becomes answers of the kinds the form holds: yes or no, a
choice's value, a :class:`DateAnswer`, chronology rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from rrdesk.domain.agency_forms.check_form import FormDefinition, Question, QuestionKind
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.word_form_content import FormProperties
from rrdesk.domain.timetable.dates import MONTH_NAMES

PLACEHOLDER_WORDS = ("Click or tap here to enter text.", "Choose an item.", "Enter a date.")


class FoundBy(StrEnum):
    """How an answer was found in the returned document."""

    CONTROL = "Read from its answer box"
    HEADING = "Read from under the question (its answer box was deleted)"
    MISSING = "Not found in the document"


@dataclass(frozen=True)
class ReadValue:
    """What one question's answer area held.

    ``text`` is the area's text (paragraphs joined by new lines); ``rows`` a chronology table's
    rows, each a tuple of cell texts; ``checked`` the options ticked in check boxes; ``iso_date``
    the date a date picker holds, when one was picked.
    """

    key: str
    found_by: FoundBy
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    checked: tuple[str, ...] = ()
    iso_date: str = ""


@dataclass(frozen=True)
class ReadDocument:
    """A returned form as read: its hidden properties and each question's value."""

    properties: FormProperties
    values: Mapping[str, ReadValue] = field(default_factory=dict)
    encrypted: bool = False
    has_properties: bool = True
    """False for a Word document that is not an rrdesk form at all."""


@dataclass(frozen=True)
class ReadAnswers:
    """The answers a returned form gives, and what could not be understood."""

    answers: Mapping[str, object]
    found_by: Mapping[str, FoundBy]
    problems: Mapping[str, str]
    """Question key to a plain sentence ("Both Yes and No are ticked")."""


_SPACES = re.compile(r"\s+")


def heading_key(text: str) -> str:
    """A question's heading as matched in a returned form: spaces collapsed, and case and end
    marks ignored, whatever the author did to them."""
    return _SPACES.sub(" ", text).strip().rstrip("?:.").strip().casefold()


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r", "\n").split("\n")]
    joined = "\n".join(lines).strip()
    return "" if joined in PLACEHOLDER_WORDS else joined


_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2,4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTHS = (
    {name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
    | {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
    | {"sept": 9}
)


def date_from_text(text: str) -> DateAnswer:
    """A date as typed in Word ("22 November 2026", "22/11/2026", "2026-11-22") as the three
    boxes of a date answer; anything else is kept as typed, so quality assurance sees it."""
    text = _clean(text)
    if not text:
        return DateAnswer()
    iso = _ISO_DATE.fullmatch(text[:10]) if len(text) >= 10 else None
    if iso is not None:
        return DateAnswer(str(int(iso.group(3))), str(int(iso.group(2))), iso.group(1))
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric is not None:
        return DateAnswer(str(int(numeric.group(1))), str(int(numeric.group(2))), numeric.group(3))
    words = _WORDS_DATE.search(text)
    if words is not None and words.group(2).lower() in _MONTHS:
        month = _MONTHS[words.group(2).lower()]
        return DateAnswer(str(int(words.group(1))), str(month), words.group(3))
    return DateAnswer(day=text)


def _option_value(question: Question, text: str) -> str | None:
    wanted = _clean(text).casefold()
    for option in question.options:
        if wanted in (option.value.casefold(), option.label.casefold()):
            return option.value
    return None


def _chronology(rows: tuple[tuple[str, ...], ...]) -> tuple[ChronologyRow, ...]:
    found = []
    for cells in rows:
        padded = [_clean(c) for c in (*cells, "", "", "", "")][:4]
        row = ChronologyRow(
            date=date_from_text(padded[0]),
            who=padded[1],
            what_happened=padded[2],
            what_decided=padded[3],
        )
        if not row.empty:
            found.append(row)
    return tuple(found)


def _answer(question: Question, value: ReadValue) -> tuple[object, str]:
    kind = question.kind
    if kind is QuestionKind.CHRONOLOGY:
        if value.rows:
            return _chronology(value.rows), ""
        text = _clean(value.text)
        if text:
            return (ChronologyRow(what_happened=text),), ""
        return (), ""
    if kind is QuestionKind.DATE:
        if value.iso_date:
            try:
                when = date.fromisoformat(value.iso_date[:10])
            except ValueError:
                return date_from_text(value.text), ""
            return DateAnswer(str(when.day), str(when.month), str(when.year)), ""
        return date_from_text(value.text), ""
    if kind is QuestionKind.YES_NO and value.found_by is FoundBy.CONTROL:
        if len(value.checked) > 1:
            return "", "Both Yes and No are ticked"
        if value.checked:
            return value.checked[0], ""
    if kind is QuestionKind.YES_NO:
        ticked = [o.value for o in question.options if f"\u2612 {o.label}" in value.text]
        if len(ticked) > 1:
            return "", "Both Yes and No are ticked"
        if ticked:
            return ticked[0], ""
        if "\u2610" in value.text:
            return "", ""
    if kind in (QuestionKind.YES_NO, QuestionKind.CHOICE):
        text = _clean(value.text)
        if not text:
            return "", ""
        chosen = _option_value(question, text.split("\n")[0])
        if chosen is None:
            return "", f"'{text[:60]}' is not one of the answers"
        return chosen, ""
    return _clean(value.text), ""


def read_answers(form: FormDefinition, document: ReadDocument) -> ReadAnswers:
    """The answers in a returned form, question by question; a question the document does not
    have at all is left out (and marked :attr:`FoundBy.MISSING`)."""
    answers: dict[str, object] = {}
    found_by: dict[str, FoundBy] = {}
    problems: dict[str, str] = {}
    for section in form.sections:
        for question in section.questions:
            value = document.values.get(question.key)
            if value is None or value.found_by is FoundBy.MISSING:
                found_by[question.key] = FoundBy.MISSING
                continue
            found_by[question.key] = value.found_by
            answer, problem = _answer(question, value)
            answers[question.key] = answer
            if problem:
                problems[question.key] = problem
    return ReadAnswers(answers=answers, found_by=found_by, problems=problems)
