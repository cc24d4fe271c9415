"""How the demo writes an agency's check form and a case's requests: the answers a coordinator
would have entered, kept as the Agency forms tab keeps them. Everything here is fictional."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from rrdesk.domain.agency_forms.agency_form_record import (
    CHECK_ANSWERS,
    EnteredBy,
    FormPosition,
    FormRecord,
    record_to_dict,
)
from rrdesk.domain.agency_forms.agency_request_codec import requests_to_dict
from rrdesk.domain.agency_forms.agency_requests import AgencyRequest
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.store.session import Session


def _ascii(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).replace("\u0131", "i").replace("\u0142", "l")
    return "".join(ch for ch in plain if ch.isascii() and (ch.isalnum() or ch == " "))


def day(value: date) -> DateAnswer:
    """A date as the form's day, month and year boxes hold it."""
    return DateAnswer(str(value.day), str(value.month), str(value.year))


def _about(agency: str, author: str, role: str, completed: date) -> dict[str, object]:
    return {
        "agency": agency,
        "author": author,
        "role": role,
        "contact": _ascii(author).lower().replace(" ", ".") + "@northmoor.example",
        "completed_on": day(completed),
    }


def answers(
    agency: str,
    author: str,
    role: str,
    completed: date,
    involved_from: date,
    chronology: tuple[ChronologyRow, ...],
    **narrative: str,
) -> dict[str, object]:
    """An involved agency's answers, every section filled."""
    entered: dict[str, object] = {
        **_about(agency, author, role, completed),
        "involved": "yes",
        "involved_from": day(involved_from),
        "chronology": chronology,
        "themes_elsewhere": "not_known",
        "other_children": "no",
        "own_processes": "no",
        "records_secured": "yes",
        "records_secured_on": day(completed - timedelta(days=2)),
    }
    entered.update(narrative)
    return entered


def nil_return(
    agency: str, author: str, role: str, completed: date, records_checked: str
) -> dict[str, object]:
    """A nil return: the agency has no record of the child or family."""
    return {
        **_about(agency, author, role, completed),
        "involved": "no",
        "records_checked": records_checked,
    }


ALL_SECTIONS = frozenset(
    {
        "about",
        "involvement",
        "period",
        "chronology",
        "went_well",
        "could_be_better",
        "prevention",
        "practice_episodes",
        "lived_experience",
        "themes",
        "immediate_actions",
        "other_children",
        "own_processes",
        "records",
    }
)
NIL_RETURN_SECTIONS = frozenset({"about", "involvement"})


def record(
    agency: str,
    entered: dict[str, object],
    ready: date | None,
    *,
    sections: frozenset[str] = ALL_SECTIONS,
    **extra: object,
) -> FormRecord:
    """The form entered by the coordinator, every section confirmed; ready for quality
    assurance on ``ready`` (``None``: not yet)."""
    return FormRecord(
        agency=agency,
        answers=entered,
        entered_by=EnteredBy.COORDINATOR,
        position=FormPosition(CHECK_ANSWERS),
        confirmed_sections=sections,
        findings_looked_at=ready is not None,
        ready_on=ready,
        **extra,  # type: ignore[arg-type]
    )


def put_requests(session: Session, case_id: int, requests: list[AgencyRequest]) -> None:
    """The case's requests, in the order the Agency forms tab lists them (by agency)."""
    ordered = sorted(requests, key=lambda r: r.agency.casefold())
    session.documents.put(case_id, DocumentKind.AGENCY_REQUESTS, requests_to_dict(ordered))


def put_form(session: Session, case_id: int, form: FormRecord) -> None:
    session.documents.put(case_id, DocumentKind.CHECK_FORM, record_to_dict(form), form.agency)
