"""The .eml draft for executive sign-off: headers, the attached sheet, the deadline, no names."""

from __future__ import annotations

import email
from datetime import date
from email import policy
from email.message import EmailMessage

import pytest

from rrdesk.domain.decision_sheet.dissent import DissentRoute, DissentRule, email_words
from rrdesk.exports.mail_and_calendar.sign_off_email import (
    AlreadyAnswered,
    SignOffEmail,
    SignOffRecipient,
    build_sign_off_email,
    subject,
)

PDF = b"%PDF-1.7\nsigned sheet bytes\n%%EOF\n"
RECIPIENTS = (
    SignOffRecipient(
        "Siân Ŵyn Llŷr", "sian.llyr@northmoor.gov.uk", "Northmoor Council", "Local authority"
    ),
    SignOffRecipient("Ayşe Yılmaz-Doğan", "ayse@police.example", "Northmoor Police", "Police"),
    SignOffRecipient("No Address", "", "Northmoor ICB", "Health"),
)


def _draft(**changes: object) -> SignOffEmail:
    values: dict[str, object] = {
        "case_reference": "RR-2026-004",
        "partnership": "Northmoor Safeguarding Children Partnership",
        "version": 2,
        "recipients": RECIPIENTS,
        "deadline": date(2026, 12, 4),
        "pdf": PDF,
        "pdf_name": "RR-2026-004 decision sheet v2.pdf",
        "meeting_date": date(2026, 11, 20),
        "sender_name": "Priya Coordinator",
    }
    values.update(changes)
    return SignOffEmail(**values)  # type: ignore[arg-type]


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_headers_mark_an_unsent_official_sensitive_draft() -> None:
    message = _parse(build_sign_off_email(_draft()))
    assert message["Subject"] == (
        "OFFICIAL-SENSITIVE: Rapid Review decision sheet RR-2026-004 for sign-off"
    )
    assert message["Subject"] == subject("RR-2026-004")
    assert message["X-Unsent"] == "1"
    addresses = [(a.display_name, a.addr_spec) for a in message["To"].addresses]
    assert addresses == [
        ("Siân Ŵyn Llŷr", "sian.llyr@northmoor.gov.uk"),
        ("Ayşe Yılmaz-Doğan", "ayse@police.example"),
    ]
    assert "From" not in message  # the mail program fills in the sender


def test_the_signed_sheet_is_attached_unchanged() -> None:
    message = _parse(build_sign_off_email(_draft()))
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    attachment = attachments[0]
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "RR-2026-004 decision sheet v2.pdf"
    assert attachment.get_content() == PDF


def test_body_gives_the_deadline_version_and_meeting() -> None:
    message = _parse(build_sign_off_email(_draft()))
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "by Friday 4 December 2026" in text
    assert "version 2" in text
    assert "Rapid Review panel meeting on 20 November 2026" in text
    assert "executive leads of the statutory safeguarding partners" in text
    assert "(local authority, police, health)" in text
    assert "Priya Coordinator" in text
    assert text.startswith("Dear Siân Ŵyn Llŷr and Ayşe Yılmaz-Doğan,")


def test_a_later_email_says_who_has_answered_already() -> None:
    answered = (
        AlreadyAnswered("Tomasz Wąsik", "Police", agreed=True),
        AlreadyAnswered("", "Health", agreed=True),
        AlreadyAnswered("Siân Ŵyn Llŷr", "Local authority", agreed=False),
    )
    pending = (
        SignOffRecipient("Gwen Hughes", "gwen@icb.example", "Northmoor ICB", "Health"),
        SignOffRecipient("Dewi Pryce", "dewi@icb.example", "Northmoor ICB", "Health"),
    )
    draft = _draft(recipients=pending, answered=answered)
    body = _parse(build_sign_off_email(draft)).get_body(("plain",))
    assert body is not None
    paragraphs = body.get_content().replace("\r\n", "\n").split("\n\n")
    assert paragraphs[2] == (
        "Tomasz Wąsik (police) and Health have already signed it off. Siân Ŵyn Llŷr (local "
        "authority) has already answered, with comments. This email asks only those who have "
        "not answered yet."
    )
    assert paragraphs[0] == "Dear Gwen Hughes and Dewi Pryce,"


def test_the_first_email_says_nothing_of_answers() -> None:
    body = _parse(build_sign_off_email(_draft())).get_body(("plain",))
    assert body is not None
    assert "already" not in body.get_content()
    assert "not answered yet" not in body.get_content()


def test_body_says_who_decides_from_the_profile() -> None:
    draft = _draft(decided_by="THSCP Executive", recommended_by="Rapid Review Panel")
    body = _parse(build_sign_off_email(draft)).get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "The decision rests with the THSCP Executive" in text
    assert "agree with the Rapid Review Panel's recommendation" in text


def test_body_says_what_follows_not_agreeing_by_the_profiles_route() -> None:
    rule = DissentRule(DissentRoute.CHAIR_THEN_EXECUTIVE, "THSCP Executive chair", False)
    draft = _draft(if_not_agreed=email_words(rule))
    body = _parse(build_sign_off_email(draft)).get_body(("plain",))
    assert body is not None
    assert (
        "If you do not agree, please say why: we will arrange a meeting with the Rapid Review"
        " chair, and if you still do not agree it goes to the THSCP Executive chair, who decides."
    ) in body.get_content().replace("\r\n", " ")


def test_panel_members_are_copied_only_when_given() -> None:
    assert _parse(build_sign_off_email(_draft()))["Cc"] is None
    panel = (SignOffRecipient("Tomasz Wąsik", "tomasz@police.example", "Police", "Police"),)
    message = _parse(build_sign_off_email(_draft(copied=panel)))
    assert [a.addr_spec for a in message["Cc"].addresses] == ["tomasz@police.example"]
    body = message.get_body(("plain",))
    assert body is not None
    assert "copied in for information" in body.get_content()


@pytest.mark.parametrize(
    "secret",
    [pytest.param("Kacper", id="first name"), pytest.param("14/03/2019", id="date of birth")],
)
def test_names_only_the_case_reference(secret: str) -> None:
    data = build_sign_off_email(_draft())
    message = _parse(data)
    body = message.get_body(("plain",))
    assert body is not None
    assert secret not in body.get_content()
    assert secret.encode() not in data


def test_lines_end_with_crlf_as_mail_programs_expect() -> None:
    data = build_sign_off_email(_draft())
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_executives_are_told_what_acrobat_says_and_the_fingerprint_to_check() -> None:
    fingerprint = ":".join(["AB"] * 32)
    body = _parse(build_sign_off_email(_draft(fingerprint=fingerprint))).get_body(("plain",))
    assert body is not None
    lines = body.get_content().splitlines()
    (words,) = [line for line in lines if line.startswith("Adobe Acrobat")]
    assert words == (
        "Adobe Acrobat will say the signer's identity is unknown, as the partnership signs with "
        "its own certificate: to check the signature is ours, click it, choose Signature "
        "Properties, then Show Signer's Certificate, and check that the SHA-256 digest (its "
        f"fingerprint) on the Details tab is {fingerprint}."
    )
    assert words.count(". ") == 0, "one sentence"


def test_without_a_fingerprint_executives_are_told_to_ask_for_it() -> None:
    body = _parse(build_sign_off_email(_draft())).get_body(("plain",))
    assert body is not None
    assert (
        "Adobe Acrobat will say the signer's identity is unknown, as the partnership signs with "
        "its own certificate: ask us for the certificate's fingerprint to check the signature is "
        "ours."
    ) in body.get_content().splitlines()
