"""The request for an agency check form, as an email draft (``.eml`` with ``X-Unsent: 1``) that
the user's mail program opens ready to send.

It names the case reference and the due date only: never a child's name or pseudonym.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.policy import SMTP

from rrdesk.domain.timetable.dates import format_date_with_weekday


@dataclass(frozen=True)
class RequestEmail:
    partnership: str
    case_reference: str
    agency: str
    to: str
    due_on: date
    sender_name: str = ""
    reminder: bool = False


def request_subject(email: RequestEmail) -> str:
    prefix = "Reminder: " if email.reminder else ""
    return f"{prefix}Rapid Review {email.case_reference}: agency check form due {_due(email)}"


def _due(email: RequestEmail) -> str:
    return format_date_with_weekday(email.due_on)


def request_body(email: RequestEmail) -> str:
    opening = (
        f"This is a reminder that the agency check form for Rapid Review {email.case_reference} "
        "has not reached us yet."
        if email.reminder
        else f"{email.partnership} is holding a Rapid Review, reference {email.case_reference}, "
        f"and asks {email.agency} to complete an agency check form."
    )
    lines = [
        "Hello,",
        "",
        opening,
        "",
        f"Please send the completed form by {_due(email)}.",
        "",
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
    message.set_content(request_body(email))
    return message.as_bytes()
