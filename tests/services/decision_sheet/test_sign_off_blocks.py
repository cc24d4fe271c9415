"""Each Executive sign-off block on the decision sheet names whose it is: the executive the sheet
is addressed to, or whoever a recorded answer was signed by. A changed executive changes the
sheet, while that partner has yet to answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import (
    decision_sheet_service_for,
    render_sheet,
)
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from tests.builders import add_case, add_directory, decided, meeting_held, voted
from tests.conftest import PASSPHRASE
from tests.exports.pdf_reading import all_text
from tests.services.decision_sheet.sign_off_blocks import (
    DEPUTY,
    EXECUTIVES,
    record_executives,
    sign_off_blocks,
)

NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
TODAY = date(2026, 11, 23)
ANSWERED = date(2026, 11, 25)


@pytest.fixture
def panel(session: Session) -> Session:
    add_directory(session)
    return session


def _decided_case(session: Session) -> int:
    chair = next(m for m in session.directory.members() if m.name == "Alex Chair")
    assert chair.member_id is not None
    case = add_case(
        session,
        today=TODAY,
        notified=date(2026, 11, 9),
        stage=Stage.MEETING_BOOKED,
        children=(Child("Child A", "Aria Example-Fictional", date(2020, 3, 4)),),
    )
    meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=chair.member_id)
    decided(session, case, voted(session, case, meeting))
    assert case.case_id is not None
    return case.case_id


def _police_answer(session: Session, case_id: int, *, signed_by: str = "", role: str = "") -> None:
    meetings = MeetingService(session)
    assert meetings.record_sent_for_sign_off(case_id, TODAY)
    meeting = meetings.load(case_id)
    sign_off = meeting.sign_off.agree(
        StatutoryPartner.POLICE, ANSWERED, signed_by=signed_by, role=role
    )
    meetings.save(case_id, meeting.with_sign_off(sign_off), "The police answered")


def _rename(session: Session, name: str, new_name: str, new_role: str) -> None:
    directory = DirectoryService(session)
    member = next(m for m in directory.members() if m.name == name)
    directory.save_member(replace(member, name=new_name, role=new_role))


def test_each_block_names_the_executive_the_sign_off_email_is_addressed_to(
    panel: Session,
) -> None:
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)

    signed = sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)

    assert sign_off_blocks(all_text(signed.body)) == EXECUTIVES
    recipients = SignOffDrafts(panel, sheets).recipients(case_id)
    assert [(r.partner, r.name) for r in recipients] == [
        (partner, name) for partner, (name, _) in EXECUTIVES.items()
    ]


def test_a_partner_with_no_executive_lead_is_named_by_its_deputy(panel: Session) -> None:
    record_executives(panel)
    directory = DirectoryService(panel)
    lead = next(m for m in directory.members() if m.name == EXECUTIVES["Police"][0])
    directory.save_member(replace(lead, executive_for=None))
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)

    content = sheets.prepare(case_id, TODAY).content

    assert {p.partner: (p.name, p.role) for p in content.sign_off} == {
        **EXECUTIVES,
        "Police": DEPUTY,
    }
    recipients = SignOffDrafts(panel, sheets).recipients(case_id)
    assert [r.name for r in recipients if r.partner == "Police"] == [DEPUTY[0]]


def test_a_partner_without_an_executive_in_the_directory_has_blank_rows(panel: Session) -> None:
    record_executives(panel, without="Health")
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)

    signed = sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)

    assert sign_off_blocks(all_text(signed.body)) == {**EXECUTIVES, "Health": ("", "")}


def test_a_recorded_answer_names_whoever_signed_it(panel: Session) -> None:
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)
    sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)
    _police_answer(panel, case_id, signed_by=DEPUTY[0], role=DEPUTY[1])

    export = sheets.prepare(case_id, ANSWERED)
    printed = sign_off_blocks(all_text(render_sheet(export.content, sheets.template())))

    assert printed == {**EXECUTIVES, "Police": DEPUTY}
    assert not export.is_new_version  # an answer is sign-off progress, not a changed sheet


@pytest.mark.parametrize(
    "signed_by",
    [
        pytest.param("", id="no signer recorded"),
        pytest.param(EXECUTIVES["Police"][0], id="signed by the executive, no role recorded"),
    ],
)
def test_an_answer_the_executive_gave_keeps_their_name_and_role(
    panel: Session, signed_by: str
) -> None:
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)
    _police_answer(panel, case_id, signed_by=signed_by)

    content = sheets.prepare(case_id, ANSWERED).content

    assert {p.partner: (p.name, p.role) for p in content.sign_off} == EXECUTIVES


def test_a_changed_executive_makes_a_new_version_naming_them(panel: Session) -> None:
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)
    sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)

    _rename(panel, "Marisol Treharne", "Jonah Pellow", "Interim Director of Children's Services")

    assert sheets.pending_changes(case_id, TODAY) == (
        "Local authority executive changed from Marisol Treharne, Director of Children's "
        "Services to Jonah Pellow, Interim Director of Children's Services",
    )
    second = sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)
    assert second.version == 2
    assert sign_off_blocks(all_text(second.body)) == {
        **EXECUTIVES,
        "Local authority": ("Jonah Pellow", "Interim Director of Children's Services"),
    }


def test_an_answered_partners_executive_changing_leaves_the_sheet_as_it_was(
    panel: Session,
) -> None:
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)
    sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)
    _police_answer(panel, case_id, signed_by=EXECUTIVES["Police"][0], role=EXECUTIVES["Police"][1])

    _rename(panel, "Ch Supt Oluwaseun Pryce", "Ch Supt Tamsin Vosper", "Head of Public Protection")

    assert sheets.pending_changes(case_id, ANSWERED) == ()


def test_a_sheet_signed_before_sheets_named_executives_has_not_changed(panel: Session) -> None:
    """A store whose sheets were signed before each block named its executive: the facts kept
    for its version have none, and opening it claims no change."""
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)
    first = sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)
    kept = panel.documents.get(case_id, DocumentKind.DECISION_SHEET_FACTS)
    assert kept is not None
    older = {
        number: {k: v for k, v in facts.items() if not k.startswith("executive: ")}
        for number, facts in kept.items()
    }
    assert older != kept
    with panel.db.transaction():
        panel.documents.put(case_id, DocumentKind.DECISION_SHEET_FACTS, older)

    assert sheets.pending_changes(case_id, TODAY) == ()
    _rename(panel, "Marisol Treharne", "Jonah Pellow", "Director of Children's Services")
    again = sheets.prepare(case_id, TODAY)
    assert not again.is_new_version
    assert again.frozen is not None
    assert again.frozen.body == first.body


def test_a_version_naming_an_executive_since_changed_is_out_of_date_until_the_next_is_signed(
    panel: Session,
) -> None:
    record_executives(panel)
    sheets = decision_sheet_service_for(panel)
    case_id = _decided_case(panel)
    sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)
    assert sheets.out_of_date(case_id, 1, TODAY) is None

    _rename(panel, "Marisol Treharne", "Jonah Pellow", "Director of Children's Services")

    stale = sheets.out_of_date(case_id, 1, TODAY)
    assert stale is not None
    assert (stale.newest, stale.next_version, stale.executives_changed) == (1, 2, True)
    assert stale.changes == sheets.pending_changes(case_id, TODAY)
    sheets.export_signed(case_id, TODAY, NOW, PASSPHRASE)
    assert sheets.out_of_date(case_id, 2, TODAY) is None
    older = sheets.out_of_date(case_id, 1, TODAY)
    assert older is not None
    assert (older.newest, older.next_version) == (2, None)
