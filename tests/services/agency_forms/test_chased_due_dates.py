"""A chaser's new due date is stored with the reminder: the Agency forms tab shows it, and a
later chaser asks by the same date."""

from __future__ import annotations

import email
from datetime import date
from email import policy

from rrdesk.domain.agency_forms.agency_requests import EventKind, RequestStatus
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from tests.builders import HOUSING, add_case, add_directory

NOTIFIED = date(2026, 11, 16)  # a Monday
SENT = date(2026, 11, 20)  # due 8 working days later, Wednesday 2 December 2026
CHASED = date(2026, 12, 7)  # a Monday, after the due date: now due Thursday 10 December


def _overdue(session: Session) -> tuple[AgencyFormsService, int]:
    add_directory(session)
    case = add_case(session, today=SENT, notified=NOTIFIED)
    assert case.case_id is not None
    service = AgencyFormsService(session)
    service.choose_agencies(case.case_id, [HOUSING])
    service.record_sent(case.case_id, HOUSING, SENT)
    return service, case.case_id


def _asks_by(service: AgencyFormsService, case_id: int, today: date) -> str:
    body = service.request_email(case_id, HOUSING, today, reminder=True).body
    message = email.message_from_bytes(body, policy=policy.default)
    return str(message["Subject"]).rsplit(" due ", 1)[1]


def test_a_chaser_for_an_overdue_form_stores_its_new_date(session: Session) -> None:
    service, case_id = _overdue(session)
    assert _asks_by(service, case_id, CHASED) == "Thursday 10 December 2026"

    assert service.record_reminder(case_id, HOUSING, CHASED, "Emailed") == date(2026, 12, 10)

    stored = AgencyFormsService(session).request(case_id, HOUSING)
    assert stored.events[-1].kind is EventKind.REMINDER
    assert stored.events[-1].due_on == date(2026, 12, 10)
    assert stored.due_on == date(2026, 12, 10)
    (row,) = service.status_rows(case_id, date(2026, 12, 8))
    assert row.status.status is RequestStatus.DUE_SOON
    assert row.status.words == (
        "Due soon: due 10 December 2026 (sent 20 November 2026). First due 2 December 2026. "
        "Reminder sent 7 December 2026."
    )
    # Chased again the next day, the email asks by the date already given, not a later one.
    assert _asks_by(service, case_id, date(2026, 12, 8)) == "Thursday 10 December 2026"


def test_a_reminder_before_the_due_date_keeps_it(session: Session) -> None:
    service, case_id = _overdue(session)

    assert service.record_reminder(case_id, HOUSING, date(2026, 11, 30)) is None

    assert service.request(case_id, HOUSING).due_on == date(2026, 12, 2)
