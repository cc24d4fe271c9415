"""Emails to an agency about its check form, as drafts (``.eml`` with ``X-Unsent: 1``) that the
user's mail program opens ready to send: the request, a reminder, and a form returned for more
information with the reasons.

Each names the case reference and the date the form is due: never a child's name or pseudonym.
Every subject begins with the document marking, and each is signed with the sender's own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.policy import SMTP
from enum import StrEnum

from rrdesk.domain.agency_forms.agency_requests import ReturnReason
from rrdesk.domain.timetable.dates import format_date, format_date_with_weekday

SUBJECT_MARKING = "OFFICIAL-SENSITIVE"


class RequestKind(StrEnum):
    REQUEST = "request"
    REMINDER = "reminder"
    RETURNED = "returned"
    """The form was sent back for more information: the reasons and the new due date."""


RETURN_REASON_WORDS = {
    ReturnReason.INFORMATION_MISSING: "Some information the panel needs is missing.",
    ReturnReason.ANALYSIS_NOT_COMPLETE: "The analysis of your agency's involvement is not "
    "complete.",
    ReturnReason.CONTAINS_ACRONYMS: "It uses acronyms: write each term out in full.",
    ReturnReason.COPIED_FROM_CASE_NOTES: "Parts are copied from case notes: summarise them in "
    "your own words.",
}
"""What each reason asks of the agency, as the agency reads it."""


@dataclass(frozen=True)
class EmailAttachment:
    """The Word form attached to an email, and how it is protected, in words for the body
    (never the password)."""

    file_name: str
    data: bytes
    protection: str


@dataclass(frozen=True)
class RequestEmail:
    partnership: str
    case_reference: str
    agency: str
    to: str
    due_on: date
    """When the form is due: for a reminder of an overdue form, the new date asked for."""
    sender_name: str = ""
    kind: RequestKind = RequestKind.REQUEST
    was_due_on: date | None = None
    """For a reminder or a returned form: the date it was due before, when that has passed."""
    returned_on: date | None = None
    reasons: tuple[ReturnReason, ...] = ()
    return_note: str = ""
    """The coordinator's own words on what is needed (required with ``Other``)."""
    chasing: bool = False
    """A reminder about a returned form that has not come back."""
    attachment: EmailAttachment | None = None

    @property
    def reminder(self) -> bool:
        return self.kind is RequestKind.REMINDER or self.chasing


def _due(email: RequestEmail) -> str:
    return format_date_with_weekday(email.due_on)


def request_subject(email: RequestEmail) -> str:
    reference = f"Rapid Review {email.case_reference}"
    if email.kind is RequestKind.RETURNED:
        what = f"agency check form returned for more information, due {_due(email)}"
    elif email.kind is RequestKind.REMINDER and email.was_due_on is not None:
        what = f"agency check form overdue, now due {_due(email)}"
    else:
        what = f"agency check form due {_due(email)}"
    prefix = "Reminder: " if email.reminder else ""
    return f"{SUBJECT_MARKING}: {prefix}{reference}: {what}"


def _opening(email: RequestEmail) -> list[str]:
    reference = f"Rapid Review {email.case_reference}"
    if email.kind is RequestKind.REQUEST:
        return [
            f"{email.partnership} is holding a Rapid Review, reference {email.case_reference}, "
            f"and asks {email.agency} to complete an agency check form.",
            "",
            f"Please send the completed form by {_due(email)}.",
        ]
    if email.kind is RequestKind.REMINDER:
        late = (
            f"was due on {format_date_with_weekday(email.was_due_on)} and "
            if email.was_due_on is not None
            else ""
        )
        return [
            f"This is a reminder that the agency check form from {email.agency} for {reference} "
            f"{late}has not reached us yet.",
            "",
            f"Please send the completed form by {_due(email)}."
            if email.was_due_on is not None
            else f"It is due by {_due(email)}.",
        ]
    returned = f" on {format_date(email.returned_on)}" if email.returned_on else ""
    first = (
        f"This is a reminder that we returned the agency check form from {email.agency} for "
        f"{reference}{returned} for more information, and the updated form has not reached us "
        "yet."
        if email.chasing
        else f"Thank you for the agency check form from {email.agency} for {reference}. We have "
        "read it and need more before the panel can use it."
    )
    reasons = [
        f"- {RETURN_REASON_WORDS[reason]}"
        for reason in email.reasons
        if reason in RETURN_REASON_WORDS
    ]
    if email.return_note.strip():
        reasons.append(f"- {email.return_note.strip()}")
    return [
        first,
        "",
        "What is needed (the attached form has comments in the margin where):"
        if email.attachment is not None
        else "What is needed:",
        *reasons,
        "",
        f"Please update the form and send it back by {_due(email)}.",
    ]


def request_body(email: RequestEmail) -> str:
    protection = [email.attachment.protection, ""] if email.attachment is not None else []
    lines = [
        "Hello,",
        "",
        *_opening(email),
        "",
        *protection,
        "When you complete the form:",
        "- write in plain English: the form is read by every agency, so do not use acronyms",
        "- summarise in your own words: do not copy from case notes",
        "- if your agency has no record of the child or family, say so: a nil return is a valid "
        "answer",
        "",
        "Do not put any names in a reply to this email: use the case reference only. Send the "
        "form by secure email.",
        "",
        "Thank you,",
        email.sender_name or "The business unit",
        email.partnership,
    ]
    return "\n".join(lines) + "\n"


def build_request_email(email: RequestEmail) -> bytes:
    """The draft as the bytes of an ``.eml`` file."""
    message = EmailMessage(policy=SMTP)
    message["To"] = email.to
    message["Subject"] = request_subject(email)
    message["X-Unsent"] = "1"
    message["Sensitivity"] = "Company-Confidential"
    message.set_content(request_body(email))
    if email.attachment is not None:
        message.add_attachment(
            email.attachment.data,
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
            filename=email.attachment.file_name,
        )
    return message.as_bytes()
