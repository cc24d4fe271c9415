"""An open store: the database, its key slots and who is working in it."""

from __future__ import annotations

import functools
import getpass
import logging
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rrdesk.storage.case_repository import CaseRepository
from rrdesk.storage.database import Database
from rrdesk.storage.errors import StoreError
from rrdesk.storage.keys import key_file
from rrdesk.storage.keys.key_slots import ClosedSeal, KeySlots, SlotKind
from rrdesk.storage.lock_file import StoreLock
from rrdesk.storage.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from rrdesk.domain.cases.audit import AuditEntry
    from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
    from rrdesk.services.store.rollback import PutOffOpening
    from rrdesk.storage.audit_repository import AuditRepository
    from rrdesk.storage.directory_repository import DirectoryRepository
    from rrdesk.storage.document_repository import DocumentRepository


log = logging.getLogger(__name__)

CALENDAR_SETTING = "bank_holidays_import"  # an imported GOV.UK list, or empty for the shipped one


def operating_system_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@dataclass
class Session:
    """Everything that lives while a store is unlocked. :meth:`close` forgets the key."""

    path: Path
    db: Database
    slots: KeySlots
    data_key: bytearray
    actor: str
    lock: StoreLock
    os_user: str = field(default_factory=operating_system_user)
    # Set once the key file no longer holds the seal of the closed store (opened and counted,
    # or new): closing then seals the store file afresh (see :mod:`.rollback`).
    seal_on_close: bool = False
    # True if the store file was not as it was sealed when last closed, and opened all the same.
    changed_outside: bool = False
    # An opening whose check and count wait for the window, if any.
    put_off: PutOffOpening | None = None

    def __post_init__(self) -> None:
        self.cases = CaseRepository(self.db)
        self.settings = SettingsRepository(self.db)
        self._calendar: BankHolidayCalendar | None = None
        # The partnership's signing key, once the passphrase has opened it: kept for the session
        # (so a person signing several sheets is asked once) by identity, and wiped on close.
        self.signing_keys: dict[int, bytearray] = {}
        # Each backup begun on the store's thread and being written on another: set once it is
        # written (see services.store.backups.wait_for_backups).
        self.backups_under_way: list[threading.Event] = []

    def forget_signing_keys(self) -> None:
        for key in self.signing_keys.values():
            key[:] = bytes(len(key))
        self.signing_keys.clear()

    # The audit trail, the directory and the case documents are not read at start-up: their
    # code loads when first used.
    @functools.cached_property
    def audit(self) -> AuditRepository:
        from rrdesk.storage.audit_repository import AuditRepository, chain_key

        return AuditRepository(
            self.db,
            chain_key(self.db, self.key_bytes(), self.slots.store_id),
            lambda: self.slots.anchor,
            self.anchor_audit,
            reader=lambda: Database.open(self.path, self.key_bytes()),
        )

    def anchor_audit(self) -> None:
        """Record the audit trail's head and length in the sealed key file (after each change
        is committed). If the file cannot be written the store is still saved: the anchor
        catches up at the next change or the next opening. The store has changed, so the file
        no longer holds the seal of the closed store, if it still did."""
        from rrdesk.storage.audit_repository import current_anchor

        unsealed = replace(self.slots, closed=None)
        self.slots = key_file.seal(unsealed, self.key_bytes(), current_anchor(self.db))
        try:
            key_file.write_slots(self.path, self.slots)
        except StoreError:
            log.warning("the audit trail's anchor could not be written to the key file")

    @functools.cached_property
    def directory(self) -> DirectoryRepository:
        from rrdesk.storage.directory_repository import DirectoryRepository

        return DirectoryRepository(self.db)

    @functools.cached_property
    def documents(self) -> DocumentRepository:
        from rrdesk.storage.document_repository import DocumentRepository

        return DocumentRepository(self.db)

    @property
    def calendar(self) -> BankHolidayCalendar:
        """The bank holidays every deadline in this store counts with: the list shipped with
        rrdesk, or the newer one imported into the store. Read once, then kept until
        :meth:`calendar_changed`, so every service and screen counts with the same one."""
        if self._calendar is None:
            from rrdesk.domain.timetable.bank_holidays import calendar_with_import

            self._calendar = calendar_with_import(self.settings.get(CALENDAR_SETTING) or None)
        return self._calendar

    def calendar_changed(self) -> None:
        """A list of bank holidays was imported or removed: read it again when next wanted."""
        self._calendar = None

    @property
    def partnership(self) -> str:
        return self.settings.get("partnership", "Safeguarding children partnership")

    @property
    def sender_name(self) -> str:
        """The name emails are signed with: the person's own name (set up as "Your name" with
        their passphrase), even when the store was opened with the recovery key."""
        if self.actor in self.slots.owners(SlotKind.PASSPHRASE):
            return self.actor
        owners = self.slots.owners(SlotKind.PASSPHRASE)
        return owners[0] if owners else self.actor

    @property
    def profile_name(self) -> str:
        return self.settings.get("profile", "statutory")

    def key_bytes(self) -> bytes:
        return bytes(self.data_key)

    def record(
        self,
        entity: str,
        action: str,
        *,
        case_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> AuditEntry:
        """Add an audit entry (call inside the transaction that made the change)."""
        from rrdesk.domain.cases.audit import AuditEntry

        return self.audit.append(
            AuditEntry(
                at=datetime.now(UTC).isoformat(timespec="seconds"),
                actor=self.actor,
                os_user=self.os_user,
                case_id=case_id,
                entity=entity,
                action=action,
                detail=detail or {},
            )
        )

    @property
    def is_open(self) -> bool:
        return self.lock.held

    def _write_closed_seal(self, mac: bytes | None, at: str) -> None:
        """Put ``mac``, the MAC of the store file just closed, in its key file as its seal. If
        it could not be made (a reader kept the write-ahead log from being emptied), or the key
        file is not as this session last wrote it, or cannot be written, it keeps no seal: the
        next opening cannot check the file, and says nothing."""
        try:
            if key_file.read_slots(self.path) != self.slots:
                log.info("the key file was changed while the store was open: not sealed")
                return
        except StoreError:
            return
        if mac is None:
            log.info("the store could not be sealed as it was closed")
            return
        closed = ClosedSeal(at, mac)
        sealed = key_file.seal(replace(self.slots, closed=closed), self.key_bytes())
        try:
            key_file.write_slots(self.path, sealed)
        except StoreError:
            log.warning("the seal of the closed store could not be written to the key file")
            return
        self.slots = sealed

    def begin_close(self) -> ClosingStore:
        """Close the database; what is left of closing (sealing the store file, which reads all
        of it, then forgetting the key and letting others in) is in the :class:`ClosingStore`
        returned. Until it is finished the store stays claimed by this window."""
        try:
            self.db.close()
        except BaseException:
            self._forget()
            raise
        return ClosingStore(self, seal=self.seal_on_close)

    def close(self) -> None:
        """Close the store, overwrite the key in memory (as far as Python allows), let others in."""
        self.begin_close().finish()

    def _forget(self) -> None:
        self.seal_on_close = False
        self.forget_signing_keys()
        for index in range(len(self.data_key)):
            self.data_key[index] = 0
        self.lock.release()


class ClosingStore:
    """A store whose database is closed and whose file is still to be sealed.

    :meth:`make_seal` reads the whole store file (half a second for a ten-year store), so the
    lock runs it on the task runner; it only reads, and may run on any thread. :meth:`finish`,
    on the thread that opened the store, writes the seal in the key file, overwrites the key and
    lets others in: until then the store's lock is held, so nothing else opens or writes the
    store, and the file sealed is the file as it was closed. Finishing before the seal is made
    makes it there and then; finishing twice does nothing more."""

    def __init__(self, session: Session, *, seal: bool) -> None:
        self._session = session
        self._wanted = seal
        self._at = datetime.now(UTC).isoformat(timespec="seconds")
        # What sealing needs, taken now: the session's key is overwritten as it finishes.
        self._sealing: tuple[Path, bytes, str] | None = (
            (session.path, session.key_bytes(), session.slots.store_id) if seal else None
        )
        self._mac: bytes | None = None
        self._made = False
        self.finished = False

    @property
    def seals(self) -> bool:
        """Whether the store file is to be sealed (there is work for :meth:`make_seal`)."""
        return self._wanted

    def make_seal(self) -> None:
        """Read the store file and make its seal (``None`` if the file cannot be read, or a
        write-ahead log with changes is beside it)."""
        sealing = self._sealing
        if sealing is None or self._made:
            return
        from rrdesk.storage.keys import store_seal

        self._mac = store_seal.file_mac(*sealing)
        self._made = True

    def finish(self, *, seal: bool = True) -> None:
        """Write the seal (made now if it is not yet; none if ``seal`` is False), overwrite the
        key in memory and let others in."""
        if self.finished:
            return
        self.finished = True
        session = self._session
        try:
            if self._wanted and seal:
                self.make_seal()
                session._write_closed_seal(self._mac, self._at)
        finally:
            self._sealing = None
            session._forget()
