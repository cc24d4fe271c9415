"""The sign-off draft for a demo case: recipients from the directory, the day-15 deadline."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy

import pytest

from rrdesk.demo.cases import add_demo_data
from rrdesk.domain.cases.cases import CaseError, Stage
from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
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


EXECUTIVES = (
    # (name, partner, deputy)
    ("Morwenna Tregear", StatutoryPartner.LOCAL_AUTHORITY, False),
    ("Ola Nordmann", StatutoryPartner.LOCAL_AUTHORITY, True),
    ("Chief Superintendent Bryn Rees", StatutoryPartner.POLICE, False),
    ("Dr Aoife Brennan", StatutoryPartner.HEALTH, True),
)


def _record_executives(session: Session) -> dict[str, Member]:
    directory = DirectoryService(session)
    agencies = {a.partner: a.name for a in directory.agencies() if a.partner is not None}
    saved = {}
    for person, partner, deputy in EXECUTIVES:
        email = person.lower().replace(" ", ".") + "@exec.example"
        saved[person] = directory.save_member(
            Member(
                person,
                agencies[partner],
                "Executive",
                email=email,
                executive_for=partner,
                executive_deputy=deputy,
            )
        )
    return saved


def test_without_executives_each_partner_is_written_to_at_its_own_address(
    demo: Session,
) -> None:
    recipients = SignOffDrafts(demo, decision_sheet_service_for(demo)).recipients()
    inboxes = {a.email for a in demo.directory.agencies() if a.partner is not None}
    assert [r.partner for r in recipients] == ["Local authority", "Police", "Health"]
    assert {r.email for r in recipients} == inboxes


def test_the_email_goes_to_each_partners_executive_one_each(demo: Session) -> None:
    _record_executives(demo)
    drafts = SignOffDrafts(demo, decision_sheet_service_for(demo))
    recipients = drafts.recipients()
    # the lead where there is one, the deputy where there is no lead; never a panel member
    assert [(r.name, r.partner) for r in recipients] == [
        ("Morwenna Tregear", "Local authority"),
        ("Chief Superintendent Bryn Rees", "Police"),
        ("Dr Aoife Brennan", "Health"),
    ]
    assert drafts.missing_executives() == []
    assert drafts.copied() == []


def test_the_panel_is_copied_only_when_the_partnership_says(demo: Session) -> None:
    _record_executives(demo)
    drafts = SignOffDrafts(demo, decision_sheet_service_for(demo))
    drafts.set_copies_panel(True)
    assert SignOffDrafts(demo, decision_sheet_service_for(demo)).copies_panel()
    partner_agencies = {a.name for a in demo.directory.agencies() if a.partner is not None}
    voting = {
        m.email
        for m in demo.directory.members()
        if m.on_panel and m.voting and m.agency in partner_agencies
    }
    assert {r.email for r in drafts.copied()} == voting
    assert "Sign-off emails copy the panel" in [e.action for e in demo.audit.entries()]
    drafts.set_copies_panel(False)
    assert drafts.copied() == []


def test_one_executive_lead_per_partner(demo: Session) -> None:
    saved = _record_executives(demo)
    directory = DirectoryService(demo)
    second = Member(
        "Another Lead",
        saved["Morwenna Tregear"].agency,
        email="another@exec.example",
        executive_for=StatutoryPartner.LOCAL_AUTHORITY,
    )
    with pytest.raises(CaseError, match="Morwenna Tregear is already the executive lead"):
        directory.save_member(second)
    stored = demo.directory.member(saved["Ola Nordmann"].member_id or 0)
    assert stored is not None
    assert stored.executive_for is StatutoryPartner.LOCAL_AUTHORITY
    assert stored.executive_deputy


def test_draft_for_a_decided_case(demo: Session, today: date) -> None:
    sheets = decision_sheet_service_for(demo)
    drafts = SignOffDrafts(demo, sheets)
    case = next(c for c in CaseService(demo).all_cases() if c.stage is Stage.AWAITING_SIGN_OFF)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW)
    deadline = drafts.deadline(case.case_id)
    assert deadline is not None
    _record_executives(demo)
    data = drafts.build(case.case_id, sheet)
    message = email.message_from_bytes(data, policy=policy.default)
    assert [a.display_name for a in message["To"].addresses] == [
        "Morwenna Tregear",
        "Chief Superintendent Bryn Rees",
        "Dr Aoife Brennan",
    ]
    assert message["Cc"] is None
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
    with pytest.raises(SignOffDraftError, match="record the executive lead"):
        SignOffDrafts(demo, sheets).build(case.case_id, sheet)
