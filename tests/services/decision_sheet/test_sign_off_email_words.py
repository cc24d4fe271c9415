"""The sign-off email as an executive reads it: to them, marked, what is asked and by when, how
to answer (a reply, or their own block on the sheet), what Acrobat will say of the partnership's
own certificate and the fingerprint to check, signed with the coordinator's own name."""

from __future__ import annotations

import email
from dataclasses import replace
from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage

import pytest

from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.services.store.session import Session
from tests import builders
from tests.builders import email_of
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
TODAY = date(2026, 11, 22)
EXECUTIVES = (
    ("Morwenna Tregear", StatutoryPartner.LOCAL_AUTHORITY),
    ("Bryn Rees", StatutoryPartner.POLICE),
    ("Aoife Brennan", StatutoryPartner.HEALTH),
)


@pytest.fixture
def panel(session: Session) -> Session:
    builders.add_directory(session)
    directory = DirectoryService(session)
    for member in session.directory.members():
        directory.save_member(replace(member, email=email_of(member.name)))
    agencies = {a.partner: a.name for a in directory.agencies() if a.partner is not None}
    for person, partner in EXECUTIVES:
        directory.save_member(
            Member(
                person,
                agencies[partner],
                "Executive",
                email=email_of(person),
                executive_for=partner,
            )
        )
    return session


def _sign_off_email(session: Session) -> tuple[EmailMessage, list[str], str]:
    chair = next(m for m in session.directory.members() if m.name == "Alex Chair")
    assert chair.member_id is not None
    case = builders.add_case(session, today=TODAY, notified=date(2026, 11, 2))
    meeting = builders.meeting_held(
        session, case, held_on=date(2026, 11, 12), chair=chair.member_id
    )
    builders.decided(session, case, builders.voted(session, case, meeting))
    assert case.case_id is not None
    sheets = decision_sheet_service_for(session)
    sheet = sheets.export_signed(case.case_id, TODAY, NOW, PASSPHRASE)
    data = SignOffDrafts(session, sheets).build(case.case_id, sheet)
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    return message, body.get_content().splitlines(), case.reference  # type: ignore[attr-defined]


def test_the_executives_read_what_is_asked_and_how_to_check_the_signature(
    panel: Session,
) -> None:
    message, lines, reference = _sign_off_email(panel)
    fingerprint = SigningService(panel).summary().details.sha256_fingerprint  # type: ignore[union-attr]

    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        (name, email_of(name)) for name, _ in EXECUTIVES
    ]
    assert message["Subject"] == (
        f"OFFICIAL-SENSITIVE: Rapid Review decision sheet {reference} for sign-off"
    )
    assert lines[0] == "Dear Morwenna Tregear, Bryn Rees and Aoife Brennan,"
    text = "\n".join(lines)
    assert "by Monday 23 November 2026. Reply to this email with agree or do not agree" in text
    assert (
        "Or choose agree or do not agree in your own sign-off block on the sheet, type any "
        "comments and the date in its boxes, sign it there with your digital ID and send the "
        "signed sheet back to us." in text
    )
    assert (
        "Adobe Acrobat will say the signer's identity is unknown, as the partnership signs with "
        "its own certificate: to check the signature is ours, click it, choose Signature "
        "Properties, then Show Signer's Certificate, and check that the SHA-256 digest (its "
        f"fingerprint) on the Details tab is {fingerprint}."
    ) in lines
    assert lines[-3:] == ["Thank you,", "Priya Test-Coordinator", panel.partnership]
