"""Reading a case's records for the after-the-meeting work: its meeting and its case documents."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import meeting_from_dict
from rrdesk.services.cases.case_lookup import CaseNotFoundError
from rrdesk.services.store.session import Session


def load_meeting(session: Session, case_id: int) -> Meeting | None:
    """The case's meeting record, or ``None`` when there is none yet."""
    body = session.documents.get(case_id, DocumentKind.MEETING)
    return None if body is None else meeting_from_dict(body)


def case_date(case: Case) -> date | None:
    """The date that places a case in time: its notification, else the threshold discussion,
    the referral or the incident."""
    return (
        case.notification_sent
        or case.threshold.held_on
        or case.referral.referral_date
        or case.incident_date
    )


def case_by_reference(session: Session, reference: str) -> Case:
    """The case with ``reference``, or :class:`CaseNotFoundError` saying there is none."""
    case = session.cases.get_by_reference(reference.strip())
    if case is None:
        raise CaseNotFoundError(f"There is no case with the reference {reference.strip()}")
    return case
