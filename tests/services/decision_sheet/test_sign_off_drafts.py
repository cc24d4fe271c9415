"""The sign-off draft for a decided case: recipients from the directory, the day-15 deadline."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, date, datetime
from email import policy

import pytest

from rrdesk.domain.cases.cases import Case, CaseError, Child, Stage
from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
from rrdesk.domain.timetable.dates import format_date_with_weekday
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDraftError, SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from tests import builders
from tests.builders import HEALTH, LA, POLICE, email_of
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)


@pytest.fixture
def panel(session: Session) -> Session:
    """The builders' panel, each person with an email address of their own."""
    builders.add_directory(session)
    directory = DirectoryService(session)
    for member in session.directory.members():
        directory.save_member(replace(member, email=email_of(member.name)))
    return session


def _awaiting_sign_off(session: Session, today: date) -> Case:
    """Child P's case, decided at a meeting on 12 November 2026."""
    chair = next(m for m in session.directory.members() if m.name == "Alex Chair")
    assert chair.member_id is not None
    case = builders.add_case(
        session,
        today=today,
        notified=date(2026, 11, 2),
        children=(Child("Child P", "Poppy Example-Fictional", date(2012, 5, 17)),),
    )
    meeting = builders.meeting_held(
        session, case, held_on=date(2026, 11, 12), chair=chair.member_id
    )
    builders.decided(session, case, builders.voted(session, case, meeting))
    assert case.case_id is not None
    saved = session.cases.get(case.case_id)
    assert saved is not None
    assert saved.stage is Stage.AWAITING_SIGN_OFF
    return saved


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
    panel: Session,
) -> None:
    recipients = SignOffDrafts(panel, decision_sheet_service_for(panel)).recipients()
    assert [(r.name, r.partner, r.email) for r in recipients] == [
        (LA, "Local authority", email_of(LA)),
        (POLICE, "Police", email_of(POLICE)),
        (HEALTH, "Health", email_of(HEALTH)),
    ]


def test_the_email_goes_to_each_partners_executive_one_each(panel: Session) -> None:
    _record_executives(panel)
    drafts = SignOffDrafts(panel, decision_sheet_service_for(panel))
    recipients = drafts.recipients()
    # the lead where there is one, the deputy where there is no lead; never a panel member
    assert [(r.name, r.partner) for r in recipients] == [
        ("Morwenna Tregear", "Local authority"),
        ("Chief Superintendent Bryn Rees", "Police"),
        ("Dr Aoife Brennan", "Health"),
    ]
    assert drafts.missing_executives() == []
    assert drafts.copied() == []


def test_the_panel_is_copied_only_when_the_partnership_says(panel: Session) -> None:
    _record_executives(panel)
    drafts = SignOffDrafts(panel, decision_sheet_service_for(panel))
    drafts.set_copies_panel(True)
    assert SignOffDrafts(panel, decision_sheet_service_for(panel)).copies_panel()
    # the statutory partners' voting members by name: not schools, the coordinator or housing
    assert [(r.name, r.email) for r in drafts.copied()] == [
        (name, email_of(name)) for name in ("Alex Chair", "Dr Hana Nurse", "Pat Officer")
    ]
    assert "Sign-off emails copy the panel" in [e.action for e in panel.audit.entries()]
    drafts.set_copies_panel(False)
    assert drafts.copied() == []


def test_one_executive_lead_per_partner(panel: Session) -> None:
    saved = _record_executives(panel)
    directory = DirectoryService(panel)
    second = Member(
        "Another Lead",
        saved["Morwenna Tregear"].agency,
        email="another@exec.example",
        executive_for=StatutoryPartner.LOCAL_AUTHORITY,
    )
    with pytest.raises(CaseError, match="Morwenna Tregear is already the executive lead"):
        directory.save_member(second)
    stored = panel.directory.member(saved["Ola Nordmann"].member_id or 0)
    assert stored is not None
    assert stored.executive_for is StatutoryPartner.LOCAL_AUTHORITY
    assert stored.executive_deputy


def test_draft_for_a_decided_case(panel: Session, today: date) -> None:
    sheets = decision_sheet_service_for(panel)
    drafts = SignOffDrafts(panel, sheets)
    case = _awaiting_sign_off(panel, today)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW, PASSPHRASE)
    deadline = drafts.deadline(case.case_id)
    assert deadline is not None
    _record_executives(panel)
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
    assert case.private_values()
    for value in case.private_values():
        assert value.encode() not in data
    assert drafts.file_name(case.case_id, sheet) == (
        f"{case.reference} decision sheet v1 for sign-off.eml"
    )


def test_no_partners_in_the_directory_says_what_to_do(panel: Session, today: date) -> None:
    directory = DirectoryService(panel)
    for agency in directory.agencies():
        directory.save_agency(Agency(agency.name, None, "", agency.agency_id))
    sheets = decision_sheet_service_for(panel)
    case = _awaiting_sign_off(panel, today)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW, PASSPHRASE)
    with pytest.raises(SignOffDraftError, match="record the executive lead"):
        SignOffDrafts(panel, sheets).build(case.case_id, sheet)


def _answer(session: Session, case_id: int, day: date) -> None:
    """The sheet recorded as emailed to every partner on ``day``; the local authority's lead then
    agrees and signs, the police do not agree, with comments; health has not answered."""
    meetings = MeetingService(session)
    assert meetings.record_sent_for_sign_off(case_id, day)
    meeting = meetings.load(case_id)
    sign_off = meeting.sign_off.agree(
        StatutoryPartner.LOCAL_AUTHORITY, day, signed_by="Morwenna Tregear", role="Director"
    )
    sign_off = sign_off.disagree(StatutoryPartner.POLICE, day, "Police learning is missing")
    meetings.save(case_id, meeting.with_sign_off(sign_off), "Two partners answered")


def test_a_later_email_goes_only_to_the_partners_who_have_not_answered(
    panel: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel)
    drafts = SignOffDrafts(panel, sheets)
    case = _awaiting_sign_off(panel, today)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW, PASSPHRASE)
    _record_executives(panel)
    first = email.message_from_bytes(drafts.build(case.case_id, sheet), policy=policy.default)
    assert len(first["To"].addresses) == 3, "the first email goes to every partner"

    _answer(panel, case.case_id, today)
    assert [r.name for r in drafts.recipients(case.case_id)] == ["Dr Aoife Brennan"]
    message = email.message_from_bytes(drafts.build(case.case_id, sheet), policy=policy.default)
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("Dr Aoife Brennan", "dr.aoife.brennan@exec.example")
    ]
    body = message.get_body(("plain",))
    assert body is not None
    lines = body.get_content().splitlines()  # type: ignore[attr-defined]
    assert lines[0] == "Dear Dr Aoife Brennan,"
    assert (
        "Morwenna Tregear (local authority) has already signed it off. Chief Superintendent "
        "Bryn Rees (police) has already answered, with comments. This email asks only you, as "
        "you have not answered yet."
    ) in lines
    assert (
        "You are receiving it as the executive lead of one of the statutory safeguarding "
        "partners (health). The decision rests with"
    ) in "\n".join(lines)


def test_once_every_partner_has_answered_there_is_nobody_left_to_ask(
    panel: Session, today: date
) -> None:
    sheets = decision_sheet_service_for(panel)
    case = _awaiting_sign_off(panel, today)
    assert case.case_id is not None
    sheet = sheets.export_signed(case.case_id, today, NOW, PASSPHRASE)
    _record_executives(panel)
    _answer(panel, case.case_id, today)
    meetings = MeetingService(panel)
    meeting = meetings.load(case.case_id)
    sign_off = meeting.sign_off.agree(StatutoryPartner.HEALTH, today)
    meetings.save(case.case_id, meeting.with_sign_off(sign_off), "Health agreed")
    drafts = SignOffDrafts(panel, sheets)
    assert drafts.recipients(case.case_id) == []
    assert [(a.name, a.agreed) for a in drafts.answered(case.case_id)] == [
        ("Morwenna Tregear", True),
        ("Chief Superintendent Bryn Rees", False),
        ("Dr Aoife Brennan", True),
    ]
    with pytest.raises(SignOffDraftError, match="Every partner has answered for RR-"):
        drafts.build(case.case_id, sheet)
