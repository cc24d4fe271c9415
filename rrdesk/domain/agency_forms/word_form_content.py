"""The agency check form as a Word document's content: plain values ready to be laid out.

What the agency reads (the marking, the case, the due date, how to complete the form, each
section and question with its hint) and what rrdesk reads back (the hidden properties that match
a returned form to its request, and the form's version) are decided here; the layout is in
``rrdesk.exports.word``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.cases.cases import Child
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday

MARKING = "OFFICIAL-SENSITIVE"


@dataclass(frozen=True)
class FormProperties:
    """The hidden document properties of a form: which case, agency, request and form version it
    answers. A blank form has no case, agency or request."""

    case_reference: str = ""
    agency: str = ""
    request_id: str = ""
    form_version: str = ""

    @property
    def blank(self) -> bool:
        """A form exported with no case (for a partnership's own covering letter)."""
        return not (self.case_reference or self.agency or self.request_id)


@dataclass(frozen=True)
class WordFormContent:
    """Everything the Word form says, in order."""

    partnership: str
    form: FormDefinition
    properties: FormProperties
    due_on: date | None = None
    identifying: tuple[tuple[str, str], ...] = ()
    """Label and value of each identifying detail; only ever in an encrypted form."""

    @property
    def title(self) -> str:
        return self.form.title

    @property
    def header(self) -> str:
        return f"{MARKING}    {self.partnership}"

    @property
    def footer(self) -> str:
        reference = self.properties.case_reference
        where = f"Rapid Review {reference}: " if reference else ""
        return f"{MARKING}: {where}send this form only by secure email"

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The case reference, agency and due date, as label and value (left blank to fill in
        on a blank form)."""
        props = self.properties
        due = format_date_with_weekday(self.due_on) if self.due_on else ""
        return (
            ("Rapid Review reference", props.case_reference),
            ("Agency asked", props.agency),
            ("Please return by", due),
        )

    @property
    def instructions(self) -> tuple[str, ...]:
        return completion_instructions(self.form)


def completion_instructions(form: FormDefinition) -> tuple[str, ...]:
    """How to complete the form, in plain English."""
    first = [form.summary] if form.summary else []
    return (
        *first,
        "Type your answers in the grey boxes under each question. Do not change the questions "
        "or delete the boxes: rrdesk reads your answers from them.",
        "Write in plain English. The form is read by every agency on the panel, so do not use "
        "acronyms or abbreviations: write each term out in full.",
        "Summarise in your own words. Do not copy or paste from case notes or records.",
        "If your agency has no record of the child or family, answer No to whether your agency "
        "was involved and say which records you checked. A nil return is a valid answer.",
        "Send the completed form back by secure email. Do not put any names in the email itself: "
        "use the Rapid Review reference only.",
    )


def form_version(form: FormDefinition) -> str:
    """The form's version: a short digest of what its answers mean (sections, question keys,
    kinds and options). Rewording a hint keeps the version; adding a question changes it."""
    shape = [
        [
            section.key,
            [[q.key, q.kind.value, [o.value for o in q.options]] for q in section.questions],
        ]
        for section in form.sections
    ]
    digest = hashlib.sha256(json.dumps(shape, separators=(",", ":")).encode()).hexdigest()
    return f"form-{digest[:12]}"


def identifying_details(children: Sequence[Child]) -> tuple[tuple[str, str], ...]:
    """Each child's name and date of birth, so agencies can search their records."""
    rows: list[tuple[str, str]] = []
    for number, child in enumerate(children, start=1):
        which = f"Child {number}" if len(children) > 1 else "Child"
        name = child.real_name.strip() or child.pseudonym.strip()
        rows.append((f"{which}: name", name or "Not recorded"))
        born = format_date(child.date_of_birth) if child.date_of_birth else "Not recorded"
        rows.append((f"{which}: date of birth", born))
    return tuple(rows)
