"""Checking the audit trail against a signed decision sheet kept outside the store.

Each sheet rrdesk signs carries the audit trail's head and length inside the revision its
signature covers (:mod:`rrdesk.exports.signatures.audit_record`). A copy sent to an executive or
kept on a shared drive therefore proves, as a backup does, what the trail held at signing: if
entries were removed or rewritten since, the trail no longer holds that head at that length.
Only a sheet whose signature is intact and made with one of the partnership's certificates
counts, so a forged or altered file can neither prove nor disprove anything.
"""

from __future__ import annotations

from pathlib import Path

from rrdesk.domain.cases.audit import AuditAnchor, ChainBreak, anchor_break_at
from rrdesk.exports.signatures.audit_record import signed_audit_record
from rrdesk.exports.signatures.signing import SIGNATURE_FIELD
from rrdesk.exports.signatures.verification import VerificationError
from rrdesk.services.partnership.signing_service import SigningService, signing_time_words
from rrdesk.services.store.session import Session
from rrdesk.storage.errors import NOTHING_CHANGED, StoreError
from rrdesk.storage.input_files import read_input_file

MAX_SHEET_BYTES = 50 * 1024 * 1024


class SheetCheckError(StoreError):
    """A file that cannot serve to check the audit trail; the message says why."""


def trail_against_sheet(session: Session, sheet: Path) -> tuple[str, ChainBreak | None]:
    """When the sheet was signed ("on 22 November 2026 at 2:05pm UTC") and where the store's
    audit trail disagrees with what it recorded (``None`` if it holds it)."""
    data = read_input_file(sheet, what="signed sheet", max_bytes=MAX_SHEET_BYTES)
    try:
        result = SigningService(session).verify(data)
        record = signed_audit_record(data, SIGNATURE_FIELD)
    except VerificationError as error:
        raise SheetCheckError(f"{sheet.name}: {error.message}. {NOTHING_CHANGED}") from None
    if not result.valid:
        raise SheetCheckError(
            f"{sheet.name} is not a sheet signed with this partnership's certificate and "
            f"unchanged since, so it proves nothing about the audit trail. {NOTHING_CHANGED}"
        )
    if record is None:
        raise SheetCheckError(
            f"{sheet.name} was signed by an earlier rrdesk and holds no record of the audit "
            f"trail. {NOTHING_CHANGED}"
        )
    audit = session.audit
    anchor = AuditAnchor(record.head, record.count)
    return f"on {signing_time_words(result)}", anchor_break_at(
        audit.length(), audit.hash_at, anchor
    )
