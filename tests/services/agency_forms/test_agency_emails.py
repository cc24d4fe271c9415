"""Each email rrdesk drafts to an agency, read as the agency would read it: the request, a
reminder before the due date, a chaser for an overdue form (a new due date, never a past one), a
form returned for more information (the reasons) and the chaser for a returned form."""

from __future__ import annotations

import email
from datetime import date
from email import policy
from email.message import Message
from pathlib import Path

import pytest

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.store.session import Session
from rrdesk.services.store.store_access import NewStore, unlock_with_recovery_key
from tests.builders import HOUSING, Directory, add_case, add_directory, form_returned

NOTIFIED = date(2026, 11, 16)  # a Monday
SENT = date(2026, 11, 20)  # a Friday: due 8 working days later, Wednesday 2 December 2026
SENDER = "Priya Test-Coordinator"  # "Your name" when the test store was set up
PARTNERSHIP = "Northmoor Safeguarding Children Partnership"


@pytest.fixture
def panel(session: Session) -> Directory:
    return add_directory(session)


def _sent(session: Session, today: date) -> tuple[AgencyFormsService, int, str]:
    case = add_case(session, today=today, notified=NOTIFIED)
    assert case.case_id is not None
    service = AgencyFormsService(session)
    service.choose_agencies(case.case_id, [HOUSING])
    service.record_sent(case.case_id, HOUSING, SENT)
    return service, case.case_id, case.reference


def _read(body: bytes) -> tuple[Message, list[str]]:
    message = email.message_from_bytes(body, policy=policy.default)
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return message, payload.decode("utf-8").splitlines()


def _signed_by_the_sender(lines: list[str]) -> None:
    assert lines[-3:] == ["Thank you,", SENDER, PARTNERSHIP]


def test_the_request_gives_the_due_date(session: Session, panel: Directory) -> None:
    service, case_id, reference = _sent(session, SENT)

    draft = service.request_email(case_id, HOUSING, SENT)

    message, lines = _read(draft.body)
    assert message["To"] == "westbury.housing@example.org"
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review {reference}: agency check form due "
        "Wednesday 2 December 2026"
    )
    assert lines[:5] == [
        "Hello,",
        "",
        f"{PARTNERSHIP} is holding a Rapid Review, reference {reference}, and asks "
        f"{HOUSING} to complete an agency check form.",
        "",
        "Please send the completed form by Wednesday 2 December 2026.",
    ]
    _signed_by_the_sender(lines)
    assert draft.file_name == f"{reference}-request-Westbury-Housing.eml"


def test_a_reminder_before_the_due_date_keeps_it(session: Session, panel: Directory) -> None:
    today = date(2026, 11, 30)
    service, case_id, reference = _sent(session, today)

    draft = service.request_email(case_id, HOUSING, today, reminder=True)

    message, lines = _read(draft.body)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Reminder: Rapid Review {reference}: agency check form due "
        "Wednesday 2 December 2026"
    )
    assert lines[2] == (
        f"This is a reminder that the agency check form from {HOUSING} for Rapid Review "
        f"{reference} has not reached us yet."
    )
    assert lines[4] == "It is due by Wednesday 2 December 2026."
    _signed_by_the_sender(lines)
    assert draft.file_name == f"{reference}-reminder-Westbury-Housing.eml"


def test_a_chaser_for_an_overdue_form_gives_a_new_due_date(
    session: Session, panel: Directory
) -> None:
    today = date(2026, 12, 7)  # a Monday, after the due date
    service, case_id, reference = _sent(session, today)

    draft = service.request_email(case_id, HOUSING, today, reminder=True)

    message, lines = _read(draft.body)
    # Monday 7 December plus the profile's 3 working days.
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Reminder: Rapid Review {reference}: agency check form overdue, "
        "now due Thursday 10 December 2026"
    )
    assert lines[2] == (
        f"This is a reminder that the agency check form from {HOUSING} for Rapid Review "
        f"{reference} was due on Wednesday 2 December 2026 and has not reached us yet."
    )
    assert lines[4] == "Please send the completed form by Thursday 10 December 2026."
    _signed_by_the_sender(lines)


def test_a_returned_form_gives_the_reasons_and_the_new_date(
    session: Session, panel: Directory
) -> None:
    today = date(2026, 11, 25)
    service, case_id, reference = _sent(session, today)
    form_returned(session, session.cases.get(case_id), HOUSING, {}, on=date(2026, 11, 24))
    service.record_returned(
        case_id,
        HOUSING,
        today,
        [ReturnReason.INFORMATION_MISSING, ReturnReason.CONTAINS_ACRONYMS, ReturnReason.OTHER],
        "Say when the family's tenancy ended.",
        due_on=date(2026, 11, 30),
    )

    draft = service.request_email(case_id, HOUSING, today, reminder=True)

    message, lines = _read(draft.body)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review {reference}: agency check form returned for more "
        "information, due Monday 30 November 2026"
    )
    assert lines[2:10] == [
        f"Thank you for the agency check form from {HOUSING} for Rapid Review {reference}. We have "
        "read it and need more before the panel can use it.",
        "",
        "What is needed:",
        "- Some information the panel needs is missing.",
        "- It uses acronyms: write each term out in full.",
        "- Say when the family's tenancy ended.",
        "",
        "Please update the form and send it back by Monday 30 November 2026.",
    ]
    assert "has not reached us" not in "\n".join(lines)
    _signed_by_the_sender(lines)
    assert draft.file_name == f"{reference}-returned-Westbury-Housing.eml"


def test_chasing_a_returned_form_gives_the_reasons_and_a_date_not_past(
    session: Session, panel: Directory
) -> None:
    today = date(2026, 12, 3)  # a Thursday, after the returned form was due
    service, case_id, reference = _sent(session, today)
    form_returned(session, session.cases.get(case_id), HOUSING, {}, on=date(2026, 11, 24))
    service.record_returned(
        case_id,
        HOUSING,
        date(2026, 11, 25),
        [ReturnReason.COPIED_FROM_CASE_NOTES],
        due_on=date(2026, 11, 30),
    )

    draft = service.request_email(case_id, HOUSING, today, reminder=True)

    message, lines = _read(draft.body)
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Reminder: Rapid Review {reference}: agency check form returned "
        "for more information, due Tuesday 8 December 2026"
    )
    assert lines[2] == (
        f"This is a reminder that we returned the agency check form from {HOUSING} for Rapid "
        f"Review {reference} on 25 November 2026 for more information, and the updated form has "
        "not reached us yet."
    )
    assert "- Parts are copied from case notes: summarise them in your own words." in lines
    assert "Please update the form and send it back by Tuesday 8 December 2026." in lines


def test_a_store_opened_with_the_recovery_key_signs_with_the_persons_name(
    new_store: NewStore, store_path: Path
) -> None:
    new_store.session.close()
    session = unlock_with_recovery_key(store_path, new_store.recovery_key)
    try:
        add_directory(session)
        service, case_id, _ = _sent(session, SENT)

        _, lines = _read(service.request_email(case_id, HOUSING, SENT).body)

        _signed_by_the_sender(lines)
        assert "Recovery key" not in lines
    finally:
        session.close()
