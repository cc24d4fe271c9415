"""Checking a backup before it is restored: opened with its key, read only, and compared with the
store it would replace."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rrdesk.domain.cases.audit import ChainBreak, anchor_break_at
from rrdesk.services.store.key_rotation import CHANGED_PASSPHRASE, NEW_RECOVERY_KEY
from rrdesk.services.store.rolling_backups import BACKUP_MADE
from rrdesk.services.store.session import Session
from rrdesk.storage.backup_file import (
    BackupFileError,
    BackupHeader,
    extract_database,
    read_header,
    remove_work_file,
    work_file_beside,
)
from rrdesk.storage.database import Database
from rrdesk.storage.errors import NOTHING_CHANGED, StoreError, StoreTooNewError
from rrdesk.storage.keys import key_file, key_slots
from rrdesk.storage.keys.key_slots import KeySlot
from rrdesk.storage.migrations import SCHEMA_VERSION, check_schema


@dataclass(frozen=True)
class BackupCheck:
    """What a backup holds, found by opening it with the key."""

    path: Path
    created: str
    cases: int
    documents: int
    audit_entries: int
    schema_version: int
    store_id: str = ""  # which store it is a backup of (kept the same across passphrase changes)
    partnership: str = ""

    def of_another_store(self, store_id: str | None) -> str:
        """A warning if this is a backup of a store other than the one with ``store_id`` (where
        that is known), else ""."""
        if not store_id or not self.store_id or self.store_id == store_id:
            return ""
        whose = f" ({self.partnership})" if self.partnership else ""
        return (
            f"This is a backup of a different store{whose}, not of this one. Restoring it puts "
            "that store's cases in place of this one's."
        )

    def describe(self) -> str:
        return (
            f"The backup {self.path.name} is whole: {_count(self.cases, 'case')}, "
            f"{_count(self.documents, 'document')} and "
            f"{_count(self.audit_entries, 'audit entry', 'audit entries')}."
        )


def _count(number: int, one: str, many: str = "") -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def check_extracted(path: Path, header: BackupHeader, work: Path, data_key: bytes) -> BackupCheck:
    try:
        db = Database.open(work, data_key)
    except StoreError:
        raise BackupFileError(
            f"The backup {path.name} is damaged: the key is right but its copy of the store "
            f"cannot be read. Use another backup. The file has not been changed."
        ) from None
    try:
        problems = db.integrity_problems()
        if problems:
            raise BackupFileError(
                f"The backup {path.name} is damaged ({len(problems)} problems found by the "
                "integrity check). Use another backup. The file has not been changed."
            )
        version = db.user_version
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(
                f"The backup {path.name} was made by a newer version of rrdesk. Install the newer "
                f"version to restore it. {NOTHING_CHANGED}"
            )
        check_schema(db, what="backup", name=path.name)
        stored_id = db.query_one("SELECT value FROM meta WHERE key = 'store_id'")
        if stored_id is not None and str(stored_id[0]) != header.slots.store_id:
            raise BackupFileError(
                f"The backup {path.name} is damaged: its keys belong to a different store. "
                "Use another backup. The file has not been changed."
            )

        def count(table: str) -> int:
            row = db.query_one(f"SELECT count(*) FROM {table}")
            return 0 if row is None else int(row[0])

        named = db.query_one("SELECT value FROM meta WHERE key = 'partnership'")
        return BackupCheck(
            path=path,
            created=header.created,
            cases=count("cases"),
            documents=count("case_documents") + count("exported_documents"),
            audit_entries=count("audit"),
            schema_version=version,
            store_id=header.slots.store_id,
            partnership="" if named is None else str(named[0]),
        )
    finally:
        db.close()


def store_id_at(store_path: Path) -> str | None:
    """The identity of the store at ``store_path``, from its key file; ``None`` if it cannot be
    read (no store there yet, or its key file missing or damaged)."""
    try:
        return key_file.read_slots(store_path).store_id
    except StoreError:
        return None


# Entries that record nothing a restore takes away: backups being made, and changes of key (the
# restored store is changed to the current key).
_KEPT_BY_A_RESTORE = frozenset({BACKUP_MADE, CHANGED_PASSPHRASE, NEW_RECOVERY_KEY})


def changes_after(store_path: Path, check: BackupCheck, secret: str, *, recovery: bool) -> int:
    """How many changes the store at ``store_path`` has had since the backup checked in
    ``check`` was made (audit entries past the backup's, other than backups and changes of
    key): more than 0 means restoring it loses them. 0 for another store, or one the secret
    does not open."""
    from rrdesk.services.store.store_access import unlock_with_passphrase, unlock_with_recovery_key

    if store_id_at(store_path) != check.store_id:
        return 0
    try:
        if recovery:
            session = unlock_with_recovery_key(store_path, secret, counted=False)
        else:
            session = unlock_with_passphrase(store_path, secret, counted=False)
    except StoreError:
        return 0
    try:
        after = max(0, session.audit.length() - check.audit_entries)
        since = session.audit.entries_page(None, after) if after else []
        return sum(1 for entry in since if entry.action not in _KEPT_BY_A_RESTORE)
    finally:
        session.close()


def check_backup(
    path: Path, secret: str, *, recovery: bool = False, work_folder: Path
) -> BackupCheck:
    """Open the backup with the passphrase (or recovery key) and check it fully, by reading only.

    The encrypted copy is unpacked into a hidden work file in ``work_folder`` and removed after.
    """
    header = read_header(path)
    data_key, _slot = unwrap(header, secret, recovery=recovery)
    work = work_file_beside(work_folder / path.name, "check")
    try:
        extract_database(path, header, work)
        return check_extracted(path, header, work, data_key)
    finally:
        remove_work_file(work)


def needs_current_secret(backup: Path, store_path: Path) -> bool:
    """True if ``backup`` is of the store at ``store_path`` but was made before its key last
    changed: restoring it needs the store's current passphrase or recovery key."""
    try:
        header = read_header(backup)
        current = key_file.read_slots(store_path)
    except StoreError:
        return False
    return current.store_id == header.slots.store_id and current.key_check != header.slots.key_check


def check_current_secret(store_path: Path, secret: str, *, recovery: bool) -> None:
    """Raise :class:`WrongSecretError` unless ``secret`` opens the current key file."""
    slots = key_file.read_slots(store_path)
    if recovery:
        key_slots.open_with_recovery_key(slots, secret)
    else:
        key_slots.open_with_passphrase(slots, secret)


def unwrap(header: BackupHeader, secret: str, *, recovery: bool) -> tuple[bytes, KeySlot]:
    if recovery:
        return key_slots.open_with_recovery_key(header.slots, secret)
    return key_slots.open_with_passphrase(header.slots, secret)


def trail_against_backup(session: Session, backup: Path) -> tuple[str, ChainBreak | None]:
    """Check the store's audit trail against the head and length a backup of it recorded, so a
    copy kept elsewhere proves entries removed or rewritten since: when the backup was made ("on
    22 November 2026 at 9:30am"), and where the trail disagrees with it (``None`` if it holds
    what the backup recorded). A signed decision sheet serves as well as a backup (see
    :mod:`rrdesk.services.decision_sheet.sheet_audit_check`)."""
    if backup.suffix.lower() == ".pdf":
        from rrdesk.services.decision_sheet.sheet_audit_check import trail_against_sheet

        return trail_against_sheet(session, backup)
    header = read_header(backup)
    if header.slots.store_id != session.slots.store_id:
        raise BackupFileError(
            f"{backup.name} is a backup of another store, so it says nothing about this store's "
            f"audit trail. {NOTHING_CHANGED}"
        )
    if header.slots.anchor is None:
        raise BackupFileError(
            f"{backup.name} was made by an earlier rrdesk and holds no record of the audit "
            f"trail. {NOTHING_CHANGED}"
        )
    audit = session.audit
    made = _made_on(header.created)
    return made, anchor_break_at(audit.length(), audit.hash_at, header.slots.anchor)


def _made_on(created: str) -> str:
    """ "on 22 November 2026 at 9:30am", or "" if the backup does not say when it was made."""
    from datetime import datetime

    from rrdesk.domain.timetable.dates import format_date, format_time

    try:
        made = datetime.fromisoformat(created).astimezone()
    except ValueError:
        return ""
    return f"on {format_date(made.date())} at {format_time(made.time())}"
