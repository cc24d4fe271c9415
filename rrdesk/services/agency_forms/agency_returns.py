"""How many agency check forms are back, for the countdown board (kept light for start-up)."""

from __future__ import annotations

from rrdesk.domain.agency_forms.agency_request_codec import requests_from_dict
from rrdesk.domain.agency_forms.agency_requests import EventKind
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.store.session import Session


def returns_count(session: Session, case_id: int) -> tuple[int, int] | None:
    """(forms received, requests sent), or ``None`` when no request was sent. A form returned
    for more information is not counted as received."""
    received = sent = 0
    for request in requests_from_dict(session.documents.get(case_id, DocumentKind.AGENCY_REQUESTS)):
        stage = request.stage
        if stage is None:
            continue
        sent += 1
        received += stage.kind in (EventKind.RECEIVED, EventKind.QUALITY_ASSURED)
    return (received, sent) if sent else None
