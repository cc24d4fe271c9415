"""Matching a returned Word form to its request, and setting what it says beside what is stored.

A returned form is matched by its hidden properties, never by its file name: the case reference,
the agency, the request identifier and the form's version must all be this request's. A blank
form (exported without a case) matches any request whose form version it has.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import (
    Answers,
    answer_is_empty,
    answer_text,
    meaningful_answers,
)
from rrdesk.domain.agency_forms.returned_form import FoundBy, ReadAnswers, ReadDocument
from rrdesk.domain.agency_forms.word_form_content import FormProperties
from rrdesk.domain.errors import UserError

AGENCY_KEY = "agency"
"""The question that names the agency: an emptied box keeps the name stored."""


class ReturnedFormError(UserError):
    """A returned form that cannot be imported, with a one-line reason. Nothing is changed."""


class ReturnMismatchError(ReturnedFormError):
    """A returned form for another case, agency, request or form version."""


def check_return_matches(document: ReadDocument, expected: FormProperties) -> None:
    """Refuse a returned form that is not this request's, with the reason."""
    found = document.properties
    if not document.has_properties or not found.form_version:
        raise ReturnMismatchError(
            "This Word document is not an agency check form from rrdesk: send the agency the "
            "form rrdesk made and ask them to fill that in."
        )
    if found.case_reference and found.case_reference != expected.case_reference:
        raise ReturnMismatchError(
            f"This form is for Rapid Review {found.case_reference}, not {expected.case_reference}."
        )
    if found.agency and found.agency != expected.agency:
        raise ReturnMismatchError(f"This form is for {found.agency}, not {expected.agency}.")
    if found.request_id and found.request_id != expected.request_id:
        raise ReturnMismatchError(
            f"This form was sent for another request ({found.request_id}), not this one "
            f"({expected.request_id or 'none recorded'})."
        )
    if found.form_version != expected.form_version:
        raise ReturnMismatchError(
            "This form is an older version of the agency check form: send the agency the "
            "current form and ask them to copy their answers into it."
        )


@dataclass(frozen=True)
class ReturnRow:
    """One question as read from the returned form beside its current answer."""

    section: str
    question: str
    label: str
    read: str
    current: str
    found_by: FoundBy
    problem: str = ""

    @property
    def changed(self) -> bool:
        return self.found_by is not FoundBy.MISSING and self.read != self.current


def return_rows(form: FormDefinition, read: ReadAnswers, current: Answers) -> tuple[ReturnRow, ...]:
    """Every question of the form: what the returned form says and what is stored now."""
    rows = []
    for section in form.sections:
        for question in section.questions:
            found_by = read.found_by.get(question.key, FoundBy.MISSING)
            read_text = (
                answer_text(question, read.answers.get(question.key))
                if found_by is not FoundBy.MISSING
                else ""
            )
            current_text = answer_text(question, current.get(question.key))
            named = read.answers.get(AGENCY_KEY)
            if question.key == AGENCY_KEY and not (isinstance(named, str) and named.strip()):
                read_text = current_text  # accepting keeps the name (see _kept_agency)
            rows.append(
                ReturnRow(
                    section=section.title,
                    question=question.key,
                    label=question.label,
                    read=read_text,
                    current=current_text,
                    found_by=found_by,
                    problem=read.problems.get(question.key, ""),
                )
            )
    return tuple(rows)


def merged_answers(current: Answers, read: ReadAnswers) -> dict[str, object]:
    """The answers once a return is accepted: each question the returned form has takes its
    answer from it (an emptied box empties the answer); a question it does not have keeps the
    current answer."""
    merged: dict[str, object] = dict(current)
    for key, value in read.answers.items():
        merged[key] = value
    return _kept_agency(current) | meaningful_answers(merged)


def confirmed_after_return(
    form: FormDefinition, confirmed: Collection[str], read: ReadAnswers
) -> frozenset[str]:
    """The sections counted as confirmed once a return is accepted. The Word form has no "Have
    you completed this section?": sending it back is its author's word that each section they
    answered is done, so a section the returned form answers counts as one typed in and
    confirmed. Sections it leaves empty keep what was confirmed before."""
    answered = {
        section.key
        for section in form.sections
        if any(not answer_is_empty(read.answers, q.key) for q in section.questions)
    }
    return frozenset(confirmed) | answered


def _kept_agency(current: Mapping[str, object]) -> dict[str, object]:
    """The agency's name is never lost to an emptied box: it names the form."""
    agency = current.get(AGENCY_KEY)
    return {AGENCY_KEY: agency} if isinstance(agency, str) and agency.strip() else {}
