"""How far a case's agencies have got, for the countdown board (kept light for start-up)."""

from __future__ import annotations

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts, count_agencies
from rrdesk.domain.agency_forms.agency_request_codec import requests_from_dict
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.store.session import Session


def returns_count(session: Session, case_id: int) -> AgencyCounts | None:
    """The case's agencies counted (chosen, sent, received, assured), or ``None`` when none
    has been chosen."""
    requests = requests_from_dict(session.documents.get(case_id, DocumentKind.AGENCY_REQUESTS))
    counts = count_agencies(requests)
    return counts if counts.chosen else None
