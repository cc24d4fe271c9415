"""How people reach the partnership: the address, telephone and email printed on every letter.

Kept in the store's settings (Partnership settings) as JSON, written by the coordinator.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from rrdesk.domain.errors import UserError

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TELEPHONE = re.compile(r"\+?[0-9][0-9 ()-]{5,}[0-9]")


class ContactError(UserError):
    """Contact details that cannot be saved, with what to change."""


@dataclass(frozen=True)
class PartnershipContact:
    address: tuple[str, ...] = ()
    """The postal address, a line each."""
    telephone: str = ""
    email: str = ""

    @property
    def recorded(self) -> bool:
        return bool(self.address or self.telephone or self.email)

    @property
    def lines(self) -> tuple[str, ...]:
        """``Town Hall``, ``…``, ``Telephone 020 7364 5000``, ``Email lscp@example.org``."""
        return (
            *self.address,
            *((f"Telephone {self.telephone}",) if self.telephone else ()),
            *((f"Email {self.email}",) if self.email else ()),
        )


def checked_contact(address: str, telephone: str, email: str) -> PartnershipContact:
    """The details as typed, tidied; a clear message for a telephone number or email address
    that could not be used."""
    lines = tuple(" ".join(line.split()) for line in address.splitlines() if line.strip())
    telephone = " ".join(telephone.split())
    email = email.strip()
    if telephone and not _TELEPHONE.fullmatch(telephone):
        raise ContactError("Enter the telephone number in digits, like 020 7364 5000")
    if email and not _EMAIL.fullmatch(email):
        raise ContactError("Enter the email address in the right form, like lscp@example.org")
    if not (lines or telephone or email):
        raise ContactError("Enter at least an address, a telephone number or an email address")
    return PartnershipContact(lines, telephone, email)


def contact_to_text(contact: PartnershipContact) -> str:
    return json.dumps(
        {"address": list(contact.address), "telephone": contact.telephone, "email": contact.email}
    )


def contact_from_text(text: str) -> PartnershipContact:
    """The saved details; none when nothing (or nothing readable) is saved."""
    try:
        data = json.loads(text) if text else {}
    except json.JSONDecodeError:
        return PartnershipContact()
    if not isinstance(data, dict):
        return PartnershipContact()
    address = data.get("address")
    return PartnershipContact(
        tuple(str(line) for line in address) if isinstance(address, list) else (),
        str(data.get("telephone") or ""),
        str(data.get("email") or ""),
    )
