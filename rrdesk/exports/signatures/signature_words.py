"""Each signature a check found, in plain words for the person who asked: whose it is, who
signed, when, the certificate's fingerprint, and what that proves."""

from __future__ import annotations

import re
from datetime import UTC

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.exports.signatures.verification import SignatureCheck

EXECUTIVE_SIGNATURE_PREFIX = "ExecutiveSignature_"


def executive_partner(check: SignatureCheck) -> str | None:
    """``ExecutiveSignature_LocalAuthority`` → ``Local authority``; None for any other field."""
    if not check.field.startswith(EXECUTIVE_SIGNATURE_PREFIX):
        return None
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", check.field[len(EXECUTIVE_SIGNATURE_PREFIX) :])
    return " ".join(words).capitalize() if words else None


def signed_at_words(check: SignatureCheck) -> str:
    """``22 November 2026 at 2:05pm UTC``, or ``Not recorded``."""
    moment = check.signing_time
    if moment is None:
        return "Not recorded"
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{format_date(moment.date())} at {format_time(moment)} UTC"


def _printable(name: str) -> str:
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name
    )


def signature_heading(number: int, check: SignatureCheck) -> str:
    """``Signature 2: the police executive's``."""
    if check.certifies:
        return f"Signature {number}: the partnership's, certifying the sheet"
    partner = executive_partner(check)
    if partner is not None:
        return f"Signature {number}: the {partner.lower()} executive's"
    return f"Signature {number}: in the field {_printable(check.field)}"


def fingerprint_in_halves(fingerprint: str) -> str:
    """A fingerprint (``AB:CD:…``, with no space to wrap at) on two lines, to fit a column."""
    pairs = fingerprint.split(":")
    if len(pairs) < 2:
        return fingerprint
    middle = len(pairs) // 2
    return ":".join(pairs[:middle]) + ":\n" + ":".join(pairs[middle:])


def signature_lines(check: SignatureCheck, *, in_a_column: bool = False) -> list[str]:
    """Who signed, when, the fingerprint, what it covers and what that proves, one per line;
    ``in_a_column``, the fingerprint on two lines, for a column on screen."""
    lines = [
        f"Signed by {_printable(check.signer)} on {signed_at_words(check)}, as the signer's "
        "computer reported it.",
        # On a line of its own: it has no space to wrap at.
        "Certificate fingerprint (SHA-256):",
        fingerprint_in_halves(check.fingerprint) if in_a_column else check.fingerprint,
        f"It covers {check.covers}." if check.covers else "",
    ]
    if not check.intact:
        lines.append("Not intact: the document does not match this signature.")
    elif check.certifies or check.trusted:
        lines.append(_certifying_trust(check))
    else:
        lines.append(
            "Intact. rrdesk cannot prove who made it: if in doubt, compare the fingerprint with "
            "the one the signer reads you from their own certificate."
        )
    return [line for line in lines if line]


def _certifying_trust(check: SignatureCheck) -> str:
    if check.trusted is None:
        return (
            "Intact, but the store has no partnership certificate to compare it with, so who "
            "signed it is not proven."
        )
    if check.trusted:
        return "Intact, and made with the partnership's certificate."
    return "Intact, but not made with any certificate this partnership has signed with."
