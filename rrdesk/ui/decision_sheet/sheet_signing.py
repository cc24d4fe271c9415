"""The work of signing a decision sheet, run on the task runner: open the signing key with the
passphrase (or lock a new one under it), render the sheet and sign it.

Each step that derives a key from the passphrase (scrypt) is slow at full strength, so all of it
runs here, off the UI thread; what it returns is kept in the store on the UI thread, in quick
transactions (``SigningService.remember`` and ``keep_wrapped``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rrdesk.domain.decision_sheet.decision_sheet_content import DecisionSheetContent
from rrdesk.domain.decision_sheet.decision_sheet_template import DecisionSheetTemplate
from rrdesk.exports.signatures.audit_record import SignedAuditRecord
from rrdesk.exports.signatures.signing import SigningIdentity
from rrdesk.services.decision_sheet.decision_sheet_service import (
    RenderCancelled,
    render_sheet,
    sign_sheet,
)
from rrdesk.services.partnership.signing_key_lock import OpenedKey, SigningKeyLock
from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.ui.shell.tasks import Cancelled, Progress


@dataclass(frozen=True)
class SignedSheet:
    body: bytes
    opened: OpenedKey | None = None
    """The stored key, opened with the passphrase: to remember for the session."""
    new_identity: SigningIdentity | None = None
    """A certificate made for this first signing, its key in ``wrapped``: to keep."""
    wrapped: bytes = b""


@dataclass(frozen=True)
class SheetToSign:
    content: DecisionSheetContent
    template: DecisionSheetTemplate
    partnership: str
    audit: SignedAuditRecord
    now: datetime


def signing_work(
    sheet: SheetToSign,
    lock: SigningKeyLock,
    *,
    identity: SigningIdentity | None,
    passphrase: str | None,
) -> Callable[[Progress, Cancelled], SignedSheet]:
    """``identity`` when the key is open already this session, else ``passphrase`` opens it
    (or locks the new one made when the store has none). A wrong passphrase fails first, before
    anything is rendered."""

    def work(progress: Progress, cancelled: Cancelled) -> SignedSheet:
        opened = lock.open(passphrase) if passphrase is not None else None
        signer = identity or (opened.identity if opened is not None else None)
        unsigned = render_sheet(sheet.content, sheet.template, progress, cancelled)
        if cancelled():
            raise RenderCancelled
        if signer is not None:
            body = sign_sheet(unsigned, signer, sheet.partnership, sheet.now, sheet.audit)
            return SignedSheet(body, opened)
        assert passphrase is not None, "a store with no certificate asks for the passphrase"
        new = SigningService.new_identity(sheet.partnership, sheet.now)
        body = sign_sheet(unsigned, new, sheet.partnership, sheet.now, sheet.audit)
        return SignedSheet(body, None, new, lock.wrap(new, passphrase))

    return work
