"""Whether text is an email address, checked as GOV.UK checks one: something, an @, and a
domain with a dot in it, with no spaces ("jo.bloggs@" and "jo.bloggs@example" are refused)."""

from __future__ import annotations

import re

EMAIL_FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.com"
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_TRAILING = ",;:.)("


def is_email_address(text: str) -> bool:
    """True for one email address, with nothing else around it but spaces."""
    return _EMAIL.fullmatch(text.strip()) is not None


def badly_formed_emails(text: str) -> list[str]:
    """The words in ``text`` with an @ in them that are not email addresses (for an answer such
    as "01632 960555 or jo@example.org", where any address given must be whole)."""
    words = (word.strip(_TRAILING) for word in text.split())
    return [word for word in words if "@" in word and not is_email_address(word)]
