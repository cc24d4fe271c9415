"""The "Email for sign-off" draft: an .eml message with the signed decision sheet attached.

``X-Unsent: 1`` makes Outlook open it as a draft ready to send; other mail programs open it as a
message to forward. It names the case by its reference only: never a child's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday

SUBJECT_MARKING = "OFFICIAL-SENSITIVE"
_PARTNER_ORDER = ("Local authority", "Police", "Health")
_POLICY = policy.default.clone(linesep="\r\n", max_line_length=998)


@dataclass(frozen=True)
class SignOffRecipient:
    name: str
    email: str
    agency: str = ""
    partner: str = ""
    """``Local authority``, ``Police`` or ``Health``."""
    role: str = ""


@dataclass(frozen=True)
class AlreadyAnswered:
    """A partner who has answered before this email: it is not sent to them again."""

    name: str
    partner: str
    """``Local authority``, ``Police`` or ``Health``."""
    agreed: bool
    """True: agreed and signed it off; False: did not agree, with comments."""


@dataclass(frozen=True)
class SignOffEmail:
    case_reference: str
    partnership: str
    version: int
    recipients: tuple[SignOffRecipient, ...]
    deadline: date
    """When the partners' answers are needed (working day 15 unless the coordinator says)."""
    pdf: bytes
    pdf_name: str
    meeting_date: date | None = None
    sender_name: str = ""
    copied: tuple[SignOffRecipient, ...] = ()
    """Panel members copied in, when the partnership chooses to."""
    decided_by: str = "Safeguarding partners"
    """Who decides, from the partnership's process profile (``Executive``...)."""
    recommended_by: str = "Rapid Review panel"
    fingerprint: str = ""
    """SHA-256 of the certificate that signed the sheet, for executives to check it in Acrobat."""
    if_not_agreed: str = "If you do not agree, please say why: your dissent is recorded."
    """What follows a partner not agreeing, by the profile's route (``DissentRule.email_words``)."""
    answered: tuple[AlreadyAnswered, ...] = ()
    """Partners who have answered already: the email goes to the others and says so."""


def subject(case_reference: str) -> str:
    return f"{SUBJECT_MARKING}: Rapid Review decision sheet {case_reference} for sign-off"


def acrobat_words(fingerprint: str) -> str:
    """What Adobe Acrobat shows for a partnership's own certificate, and how to check it."""
    opening = (
        "Adobe Acrobat will say the signer's identity is unknown, as the partnership signs with "
        "its own certificate"
    )
    if not fingerprint:
        return (
            f"{opening}: ask us for the certificate's fingerprint to check the signature is ours."
        )
    return (
        f"{opening}: to check the signature is ours, click it, choose Signature Properties, then "
        "Show Signer's Certificate, and check that the SHA-256 digest (its fingerprint) on the "
        f"Details tab is {fingerprint}."
    )


def _listed(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _names(recipients: tuple[SignOffRecipient, ...]) -> str:
    return _listed([r.name for r in recipients if r.email]) or "colleagues"


def _already_answered(draft: SignOffEmail) -> list[str]:
    """The paragraph saying who has answered already, so the others see why only they are
    asked; empty when nobody has (the first email, to every partner)."""
    if not draft.answered:
        return []
    sentences = []
    for agreed, what in ((True, "signed it off"), (False, "answered, with comments")):
        names = [
            f"{a.name} ({a.partner.lower()})" if a.name else a.partner
            for a in draft.answered
            if a.agreed is agreed
        ]
        if names:
            verb = "has" if len(names) == 1 else "have"
            sentences.append(f"{_listed(names)} {verb} already {what}.")
    asked = sum(1 for r in draft.recipients if r.email)
    sentences.append(
        "This email asks only you, as you have not answered yet."
        if asked == 1
        else "This email asks only those who have not answered yet."
    )
    return ["", " ".join(sentences)]


def _body(draft: SignOffEmail) -> str:
    meeting = (
        f" from the {draft.recommended_by} meeting on {format_date(draft.meeting_date)}"
        if draft.meeting_date is not None
        else ""
    )
    named = {r.partner for r in draft.recipients if r.partner}
    partners = [p for p in _PARTNER_ORDER if p in named] + sorted(named - set(_PARTNER_ORDER))
    for_whom = f" ({', '.join(p.lower() for p in partners)})" if partners else ""
    leads = (
        "the executive lead of one of the statutory safeguarding partners"
        if len(partners) == 1
        else "the executive leads of the statutory safeguarding partners"
    )
    copied = (
        ["", "Panel members of the statutory partners are copied in for information."]
        if draft.copied
        else []
    )
    lines = [
        f"Dear {_names(draft.recipients)},",
        "",
        f"Attached is the decision sheet for Rapid Review {draft.case_reference}{meeting}, "
        f"version {draft.version}. It is marked {SUBJECT_MARKING}: please keep it to people "
        "who need it.",
        *_already_answered(draft),
        "",
        f"You are receiving it as {leads}{for_whom}. The decision rests with the "
        f"{draft.decided_by}: please tell us "
        f"whether you agree with the {draft.recommended_by}'s recommendation by "
        f"{format_date_with_weekday(draft.deadline)}. Reply to this email with agree or do not "
        "agree, your name and role, and any comments. Or choose agree or do not agree in your "
        "own sign-off block on the sheet, type any comments and the date in its boxes, sign it "
        "there with your digital ID and send the signed sheet back to us.",
        *copied,
        "",
        "The decision has to reach the Child Safeguarding Practice Review Panel within 15 working "
        f"days of the notification. {draft.if_not_agreed}",
        "",
        f"The sheet is signed electronically by {draft.partnership}, so your PDF reader shows if "
        "it has been changed since it was signed.",
        "",
        acrobat_words(draft.fingerprint),
        "",
        "Thank you,",
        draft.sender_name or draft.partnership,
        draft.partnership if draft.sender_name else "",
    ]
    return "\r\n".join(lines).rstrip() + "\r\n"


def build_sign_off_email(draft: SignOffEmail) -> bytes:
    """The draft as .eml bytes (CRLF line ends), ready for the user's mail program."""
    message = EmailMessage(policy=_POLICY)
    message["Subject"] = subject(draft.case_reference)
    addresses = [Address(r.name, addr_spec=r.email) for r in draft.recipients if r.email]
    if addresses:
        message["To"] = addresses
    copies = [Address(r.name, addr_spec=r.email) for r in draft.copied if r.email]
    if copies:
        message["Cc"] = copies
    message["X-Unsent"] = "1"
    message["Sensitivity"] = "Company-Confidential"
    message.set_content(_body(draft), cte="8bit")
    message.add_attachment(
        draft.pdf, maintype="application", subtype="pdf", filename=draft.pdf_name
    )
    return message.as_bytes(policy=_POLICY)
