"""The audit trail's head and length, carried inside a signed sheet.

At signing, the store's audit trail head (the seal of its newest entry) and its length go into
the document catalogue of the revision the partnership's signature covers, so they cannot be
changed without breaking the signature. A signed sheet kept anywhere then proves what the trail
held when it was signed: ``rrdesk audit verify --against SHEET.pdf`` shows a later truncation or
rewrite, as a backup does.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from rrdesk.exports.signatures.verification import NotAPdfError, NotSignedError

AUDIT_KEY = "/RRDeskAuditTrail"
MAX_HEAD_CHARACTERS = 128


@dataclass(frozen=True)
class SignedAuditRecord:
    head: str
    count: int


def add_audit_record(writer: Any, record: SignedAuditRecord) -> None:
    """Put ``record`` in the catalogue of the revision ``writer`` is about to sign."""
    from pyhanko.pdf_utils import generic

    writer.root[generic.NameObject(AUDIT_KEY)] = generic.DictionaryObject(  # type: ignore[no-untyped-call]
        {
            generic.NameObject("/Head"): generic.TextStringObject(record.head),
            generic.NameObject("/Length"): generic.NumberObject(record.count),  # type: ignore[no-untyped-call]
        }
    )
    writer.update_root()


def signed_audit_record(pdf_bytes: bytes, field_name: str) -> SignedAuditRecord | None:
    """The record in the revision signed by ``field_name``'s signature, or ``None`` if that
    revision holds none (a sheet signed by an earlier rrdesk). Read from the signed revision
    itself: anything added after signing is not looked at."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if b"%PDF-" not in pdf_bytes[:1024]:
        raise NotAPdfError("This file is not a PDF")
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signature = next(
            (item for item in reader.embedded_signatures if item.field_name == field_name), None
        )
        if signature is None:
            raise NotSignedError("This PDF has no signature of the partnership's")
        root = reader.get_historical_resolver(signature.signed_revision).root
        record = root.get(AUDIT_KEY)
        if record is None:
            return None
        record = record.get_object()
        head, count = str(record["/Head"]), int(record["/Length"])
    except (PdfError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise NotAPdfError("This PDF cannot be read") from None
    if count < 0 or not head or len(head) > MAX_HEAD_CHARACTERS:
        return None
    return SignedAuditRecord(head, count)
