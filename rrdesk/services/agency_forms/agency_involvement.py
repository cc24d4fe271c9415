"""Where each agency's check form stands, in brief, for the documents that summarise the forms."""

from __future__ import annotations

from datetime import date
from enum import Enum

from rrdesk.domain.after_meeting.submission_details import Involvement, details_from_dict
from rrdesk.domain.agency_forms.check_form_answers import DateAnswer
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.decision_sheet.decision_sheet_content import AgencyInvolvement
from rrdesk.domain.timetable.dates import DateError, format_date, parse_date_parts
from rrdesk.services.agency_forms.request_chasing import RequestChasing


class FormReturn(Enum):
    """Where an agency's check form stands, for the documents that summarise it."""

    AWAITED = "awaited"
    NIL_RETURN = "nil_return"
    INVOLVED = "involved"


_RECORDED = {
    Involvement.CONTACTED: FormReturn.AWAITED,
    Involvement.NIL_RETURN: FormReturn.NIL_RETURN,
    Involvement.INVOLVED: FormReturn.INVOLVED,
}


def recorded_involvement(service: RequestChasing, case_id: int) -> dict[str, Involvement]:
    """What the coordinator recorded of each agency for the National Panel submission."""
    details = details_from_dict(
        service.session.documents.get(case_id, DocumentKind.SUBMISSION_DETAILS)
    )
    return {c.agency.strip(): c.involvement for c in details.agencies if c.agency.strip()}


def form_returns(service: RequestChasing, case_id: int) -> list[tuple[str, FormReturn]]:
    """Every agency of the case and whether it was involved: the one account the decision
    sheet, the National Panel submission and the screens all give.

    Each agency asked for a check form, as its form says; while its form is awaited, what the
    coordinator recorded for the submission, if anything. Then each agency recorded for the
    submission that was never asked for a form, as recorded.
    """
    recorded = recorded_involvement(service, case_id)
    returns: list[tuple[str, FormReturn]] = []
    for request in service.requests(case_id):
        record = service.load_form(case_id, request.agency)
        involved = record.answers.get("involved")
        if record.ready_on is None and involved is None:
            state = _RECORDED.get(recorded.get(request.agency.strip(), Involvement.CONTACTED))
            returns.append((request.agency, state or FormReturn.AWAITED))
        elif involved == "no":
            returns.append((request.agency, FormReturn.NIL_RETURN))
        else:
            returns.append((request.agency, FormReturn.INVOLVED))
    asked = {agency.strip().casefold() for agency, _ in returns}
    for agency, involvement in recorded.items():
        if agency.casefold() not in asked:
            returns.append((agency, _RECORDED[involvement]))
    return returns


def agency_involvement(service: RequestChasing, case_id: int) -> tuple[AgencyInvolvement, ...]:
    """Each agency asked for a check form, in brief, for the decision sheet: involved or a nil
    return, the period and how many significant contacts, or that the form has not come back."""
    rows: list[AgencyInvolvement] = []
    asked = {request.agency for request in service.requests(case_id)}
    for agency, state in form_returns(service, case_id):
        if state is FormReturn.AWAITED:
            awaited = "Check form not returned yet." if agency in asked else "Return awaited."
            rows.append(AgencyInvolvement(agency, False, awaited, awaited=True))
            continue
        if state is FormReturn.NIL_RETURN:
            rows.append(AgencyInvolvement(agency, False, "No involvement (a nil return)."))
            continue
        if agency not in asked:
            rows.append(AgencyInvolvement(agency, True, "Involved."))
            continue
        answers = service.load_form(case_id, agency).answers
        parts = []
        began = _answer_date(answers.get("involved_from"))
        ended = _answer_date(answers.get("involved_to"))
        if began is not None:
            until = f" to {format_date(ended)}" if ended is not None else ""
            parts.append(f"Involved from {format_date(began)}{until}")
        contacts = answers.get("chronology")
        if isinstance(contacts, (list, tuple)) and contacts:
            count = len(contacts)
            parts.append(f"{count} significant contact{'' if count == 1 else 's'} recorded")
        summary = "; ".join(parts) + "." if parts else "Involved."
        rows.append(AgencyInvolvement(agency, True, summary))
    return tuple(rows)


def _answer_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, DateAnswer):
        try:
            return parse_date_parts(value.day, value.month, value.year)
        except DateError:
            return None
    return None
