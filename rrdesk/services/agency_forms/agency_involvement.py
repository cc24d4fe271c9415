"""Where each agency's check form stands, in brief, for the documents that summarise the forms."""

from __future__ import annotations

from datetime import date
from enum import Enum

from rrdesk.domain.agency_forms.check_form_answers import DateAnswer
from rrdesk.domain.decision_sheet.decision_sheet_content import AgencyInvolvement
from rrdesk.domain.timetable.dates import DateError, format_date, parse_date_parts
from rrdesk.services.agency_forms.request_chasing import RequestChasing


class FormReturn(Enum):
    """Where an agency's check form stands, for the documents that summarise it."""

    AWAITED = "awaited"
    NIL_RETURN = "nil_return"
    INVOLVED = "involved"


def form_returns(service: RequestChasing, case_id: int) -> list[tuple[str, FormReturn]]:
    """Each agency asked for a check form, and whether its form says it was involved."""
    returns: list[tuple[str, FormReturn]] = []
    for request in service.requests(case_id):
        record = service.load_form(case_id, request.agency)
        involved = record.answers.get("involved")
        if record.ready_on is None and involved is None:
            returns.append((request.agency, FormReturn.AWAITED))
        elif involved == "no":
            returns.append((request.agency, FormReturn.NIL_RETURN))
        else:
            returns.append((request.agency, FormReturn.INVOLVED))
    return returns


def agency_involvement(service: RequestChasing, case_id: int) -> tuple[AgencyInvolvement, ...]:
    """Each agency asked for a check form, in brief, for the decision sheet: involved or a nil
    return, the period and how many significant contacts, or that the form has not come back."""
    rows: list[AgencyInvolvement] = []
    for agency, state in form_returns(service, case_id):
        if state is FormReturn.AWAITED:
            rows.append(AgencyInvolvement(agency, True, "Check form not returned yet."))
            continue
        if state is FormReturn.NIL_RETURN:
            rows.append(AgencyInvolvement(agency, False, "No involvement (a nil return)."))
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
