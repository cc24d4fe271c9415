"""The sign-off draft for a demo case: recipients from the directory, the day-15 deadline."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy

import pytest

from rrdesk.demo.cases import add_demo_data
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.directory import Agency
from rrdesk.domain.timetable.dates import format_date_with_weekday
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDraftError, SignOffDrafts
from rrdesk.services.store.session import Session

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)


@pytest.fixture
def demo(session: Session, today: date) -> Session:
    add_demo_data(session, today=today)
    return session


def test_recipients_are_the_statutory_partners_voting_members(demo: Session) -> None:
    drafts = SignOffDrafts(demo, decision_sheet_service_for(demo))
    recipients = drafts.recipients()
    assert {r.partner for r in recipients} == {"Local authority", "Police", "Health"}
    partner_agencies = {a.name for a in demo.directory.agencies() if a.partner is not None}
    voting = {m.email for m in demo.directory.members() if m.on_panel and m.voting and m.email}
    for recipient in recipients:
        assert recipient.agency in partner_agencies
        assert recipient.email in voting


def test_draft_for_a_decided_case(demo: Session, today: date) -> None:
    sheets = decision_sheet_service_for(demo)
    drafts = SignOffDrafts(demo, sheets)
    case = next(c for c in CaseService(demo).all_cases() if c.stage is Stage.AWAITING_SIGN_OFF)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW)
    deadline = drafts.deadline(case.case_id)
    assert deadline is not None
    data = drafts.build(case.case_id, sheet)
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert case.reference in str(message["Subject"])
    body = message.get_body(("plain",))
    assert body is not None
    assert format_date_with_weekday(deadline) in body.get_content()  # type: ignore[attr-defined]
    attachment = next(iter(message.iter_attachments()))  # type: ignore[attr-defined]
    assert attachment.get_content() == sheet.body
    for value in case.private_values():
        if value:
            assert value.encode() not in data
    assert drafts.file_name(case.case_id, sheet) == (
        f"{case.reference} decision sheet v1 for sign-off.eml"
    )


def test_no_partners_in_the_directory_says_what_to_do(demo: Session, today: date) -> None:
    directory = DirectoryService(demo)
    for agency in directory.agencies():
        directory.save_agency(Agency(agency.name, None, "", agency.agency_id))
    sheets = decision_sheet_service_for(demo)
    case = next(c for c in CaseService(demo).all_cases() if c.stage is Stage.AWAITING_SIGN_OFF)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW)
    with pytest.raises(SignOffDraftError, match="statutory partners"):
        SignOffDrafts(demo, sheets).build(case.case_id, sheet)
