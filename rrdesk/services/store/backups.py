"""Encrypted backups and restore.

A backup is one file holding the key slots and an encrypted copy of the store made through
SQLite's backup API (see :mod:`rrdesk.storage.backup_file`), so it opens with the same passphrase
or recovery key. Rolling backups go in the ``backups`` folder of the data folder, the newest
``backup_keep`` kept. Restore checks a backup fully before it touches the store, and keeps the
current store aside; a failed restore changes nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from rrdesk.services.store.backup_checks import (
    BackupCheck,
    changes_after,
    check_backup,
    check_current_secret,
    needs_current_secret,
    store_id_at,
    unwrap,
)
from rrdesk.services.store.backup_checks import check_extracted as _check_extracted
from rrdesk.services.store.restore_swap import swap_in
from rrdesk.services.store.rolling_backups import (
    BACKUP_MADE,
    SAVED_MEANWHILE,
    backups_folder,
    last_rolling_backup,
    prune_rolling_backups,
    rolling_backup_due,
    rolling_backups,
    rolling_name,
    unchanged_since_rolling_backup,
)
from rrdesk.services.store.session import Session
from rrdesk.services.store.store_access import open_with_key
from rrdesk.services.store.store_checks import check_store_name
from rrdesk.services.store.sync_folders import check_location
from rrdesk.storage.backup_file import (
    BackupFileError,
    BackupHeader,
    HeldStore,
    end_hold,
    extract_database,
    hold_store,
    read_header,
    remove_stale_work_files,
    remove_work_file,
    work_file_beside,
    write_held_backup,
)
from rrdesk.storage.backup_names import BACKUP_SUFFIX
from rrdesk.storage.database import Database
from rrdesk.storage.errors import (
    NOTHING_CHANGED,
    NotSavedError,
    StoreError,
    StoreLocationError,
)
from rrdesk.storage.keys import key_file, key_slots
from rrdesk.storage.keys.key_slots import KeySlot, KeySlots
from rrdesk.storage.lock_file import StoreLock

log = logging.getLogger(__name__)

__all__ = [
    "BACKUP_SUFFIX",
    "DEFAULT_KEEP",
    "MAX_KEEP",
    "MIN_KEEP",
    "BackupCheck",
    "BackupFileError",
    "BackupUnderWay",
    "CurrentPassphraseNeeded",
    "RestoreResult",
    "RollingBackupUnderWay",
    "back_up_to",
    "backups_folder",
    "changes_after",
    "check_backup",
    "check_current_secret",
    "finish_backup",
    "finish_rolling_backup",
    "keep_count",
    "last_rolling_backup",
    "make_rolling_backup",
    "needs_current_secret",
    "prune_rolling_backups",
    "restore_backup",
    "rolling_backup_due",
    "rolling_backups",
    "set_keep_count",
    "start_backup",
    "start_rolling_backup",
    "store_id_at",
    "unchanged_since_rolling_backup",
    "wait_for_backups",
]

Backup = TypeVar("Backup", bound="BackupUnderWay")

KEEP_SETTING = "backup_keep"
DEFAULT_KEEP = 10
MIN_KEEP = 1
MAX_KEEP = 100


@dataclass(frozen=True)
class RestoreResult:
    check: BackupCheck
    kept_aside: Path | None

    def kept_files(self) -> list[Path]:
        """The files that were there before, now kept under the new name: the store and its key
        file, or whichever of them there was."""
        if self.kept_aside is None:
            return []
        named = (self.kept_aside, key_file.slot_file_for(self.kept_aside))
        return [path for path in named if path.exists()]


def keep_count(session: Session) -> int:
    text = session.settings.get(KEEP_SETTING, str(DEFAULT_KEEP))
    try:
        value = int(text)
    except ValueError:
        return DEFAULT_KEEP
    return min(MAX_KEEP, max(MIN_KEEP, value))


def set_keep_count(session: Session, count: int) -> None:
    if not MIN_KEEP <= count <= MAX_KEEP:
        raise StoreError(f"Keep between {MIN_KEEP} and {MAX_KEEP} backups")
    with session.db.transaction():
        session.settings.set(KEEP_SETTING, str(count))
        session.record("store", "Changed how many backups are kept", detail={"note": str(count)})


def back_up_to(session: Session, destination: Path) -> Path:
    """ "Back up now" to a file the user chose. Refuses synced and network folders."""
    backup = start_backup(session, destination)
    return _write_and_finish(backup, lambda made: finish_backup(session, backup, made=made))


def _write_and_finish(backup: BackupUnderWay, finish: Callable[[bool], None]) -> Path:
    """Write a backup begun on this thread here and now, then ``finish(made)`` it either way."""
    try:
        written = backup.write()
    except BaseException:
        finish(False)
        raise
    finish(True)
    return written


@dataclass(frozen=True)
class BackupUnderWay:
    """A backup begun on the store's own thread (:func:`start_backup`), to be written on any
    thread (:meth:`write`, which touches only files and a connection of its own), then finished
    on the store's thread (:func:`finish_backup`)."""

    destination: Path
    held: HeldStore
    # Set once the copy is written or has failed (or is finished unwritten): see wait_for_backups.
    written: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)

    def write(self) -> Path:
        try:
            size = write_held_backup(self.held, self.destination)
        finally:
            self.written.set()
        log.info("backup written (%d bytes)", size)
        return self.destination


COPY_WAIT_SECONDS = 60.0


def wait_for_backups(session: Session) -> None:
    """Wait here until every backup of ``session``'s store begun on this thread and being written
    on another is written (or has failed): for work that closes and replaces the store's file,
    which must never happen under a copy (a key change)."""
    for written in list(session.backups_under_way):
        written.wait(COPY_WAIT_SECONDS)


def start_backup(session: Session, destination: Path) -> BackupUnderWay:
    """Check the place chosen and hold the store for a backup; quick, on the store's thread."""
    destination = destination if destination.suffix else destination.with_suffix(BACKUP_SUFFIX)
    check_location(destination, what="backups")
    if not destination.parent.is_dir():
        raise StoreLocationError(
            f"The folder {destination.parent} does not exist. Nothing was saved."
        )
    remove_stale_work_files(destination.parent)
    return _begun(session, BackupUnderWay(destination, _hold(session)))


def _hold(session: Session) -> HeldStore:
    key = session.key_bytes()
    return hold_store(session.db, session.slots, key, lambda: Database.open(session.path, key))


def _begun(session: Session, backup: Backup) -> Backup:
    session.backups_under_way.append(backup.written)
    return backup


def _end(session: Session, backup: BackupUnderWay) -> None:
    """Let go of the store held for ``backup``, written or not."""
    backup.written.set()
    if backup.written in session.backups_under_way:
        session.backups_under_way.remove(backup.written)
    if backup.held.hold is not None:
        end_hold(session.db, backup.held.hold)


def finish_backup(session: Session, backup: BackupUnderWay, *, made: bool) -> None:
    """Let go of the store, and record the backup in the audit trail if it was ``made`` and the
    store is still open (a lock meanwhile closes it)."""
    _end(session, backup)
    if made and session.is_open:
        _record_backup(session, backup.destination)


def _record_backup(session: Session, destination: Path, *, saved_meanwhile: bool = False) -> None:
    detail = {"note": destination.name}
    if saved_meanwhile:  # the backup holds the store as it was before those changes
        detail[SAVED_MEANWHILE] = "yes"
    try:
        with session.db.transaction():
            session.record("store", BACKUP_MADE, detail=detail)
    except NotSavedError:
        log.warning("backup written but not recorded in the audit trail (store not writable)")


def make_rolling_backup(session: Session, now: datetime, folder: Path | None = None) -> Path:
    """A backup into the backups folder, then the oldest beyond ``backup_keep`` removed; all
    on this thread (the window writes it on the task runner: :func:`start_rolling_backup`)."""
    backup = start_rolling_backup(session, now, folder)
    return _write_and_finish(backup, lambda made: finish_rolling_backup(session, backup, made=made))


@dataclass(frozen=True)
class RollingBackupUnderWay(BackupUnderWay):
    """A rolling backup begun: ``last_entry`` is the newest audit entry it holds (changes saved
    while it is written are not in it)."""

    last_entry: int | None = None


def start_rolling_backup(
    session: Session, now: datetime, folder: Path | None = None
) -> RollingBackupUnderWay:
    """Begin a rolling backup, on the store's thread: the folder checked and made, a name
    chosen and the store held (quick). :meth:`BackupUnderWay.write` writes it, on any thread;
    :func:`finish_rolling_backup` ends it, on the store's thread."""
    folder = backups_folder() if folder is None else folder
    check_location(folder, what="backups")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise StoreLocationError(
            f"rrdesk cannot make the backups folder {folder}. Nothing was saved."
        ) from None
    remove_stale_work_files(folder)
    destination = folder / rolling_name(session, now)
    number = 1
    while destination.exists():
        number += 1
        destination = folder / f"{destination.stem.split('.')[0]}.{number}{BACKUP_SUFFIX}"
    held = _hold(session)
    latest = session.audit.latest()
    last_entry = None if latest is None else latest.entry_id
    return _begun(session, RollingBackupUnderWay(destination, held, last_entry=last_entry))


def finish_rolling_backup(session: Session, backup: RollingBackupUnderWay, *, made: bool) -> None:
    """Let go of the store; if the backup was ``made`` and the store is still open, record it
    in the audit trail (saying if changes were saved while it was written, so the closing
    backup is still made) and remove the oldest rolling backups beyond ``backup_keep``."""
    _end(session, backup)
    if made and session.is_open:
        latest = session.audit.latest()
        meanwhile = latest is not None and latest.entry_id != backup.last_entry
        _record_backup(session, backup.destination, saved_meanwhile=meanwhile)
        kept = keep_count(session)
        removed = prune_rolling_backups(backup.destination.parent, session.path, kept)
        log.info("rolling backup written; %d old backups removed", len(removed))


class CurrentPassphraseNeeded(StoreError):
    """The backup is of this store but was made with other secrets: the current passphrase is
    needed, so the restored store can be changed to the current secrets."""


def restore_backup(
    backup: Path,
    store_path: Path,
    secret: str,
    *,
    recovery: bool,
    now: datetime,
    current_passphrase: str | None = None,
    current_recovery: bool = False,
) -> RestoreResult:
    """Replace the store at ``store_path`` with the backup, keeping the current one aside.

    The backup is checked first; the store must not be open anywhere (its lock is taken for the
    whole restore). Any failure puts everything back as it was. A backup of this store made
    before its passphrase or recovery key changed needs ``current_passphrase``: the restored
    store is re-keyed to the current secrets, so the old ones still open only the backup.
    """
    check_store_name(store_path)
    check_location(store_path, what="the store")
    if not store_path.parent.is_dir():
        raise StoreLocationError(
            f"The folder {store_path.parent} does not exist. {NOTHING_CHANGED}"
        )
    header = read_header(backup)
    data_key, slot = unwrap(header, secret, recovery=recovery)
    given = None if current_passphrase is None else (current_passphrase, current_recovery)
    slots, current_key = header.slots, _current_key(store_path, header, given)
    lock = StoreLock(store_path)
    lock.acquire()
    work = work_file_beside(store_path, "restore")
    try:
        extract_database(backup, header, work)
        check = _check_extracted(backup, header, work, data_key)
        if current_key is not None:
            from rrdesk.services.store.key_rotation import rekey_restored

            both = None if recovery or current_recovery else (secret, str(current_passphrase))
            current_slots = key_file.read_slots(store_path)
            slots = rekey_restored(work, data_key, current_key[0], current_slots, both)
            data_key, slot = current_key
        slots = key_file.for_store_file(slots, work, data_key)
        kept = swap_in(store_path, work, slots, now)
    except BaseException:
        remove_work_file(work)
        raise
    finally:
        lock.release()
    log.info("store restored from a backup (%d cases)", check.cases)
    _record_restore(store_path, header, slots, (data_key, slot), backup)
    return RestoreResult(check, kept)


def _current_key(
    store_path: Path, header: BackupHeader, secret: tuple[str, bool] | None
) -> tuple[bytes, KeySlot] | None:
    """The current store's data key and slot, if the backup is of this store but made with other
    secrets (its key has changed since); ``None`` if the backup's own keys are to be kept."""
    try:
        current = key_file.read_slots(store_path)
    except StoreError:
        return None
    if current.store_id != header.slots.store_id or current.key_check == header.slots.key_check:
        return None
    if secret is None:
        raise CurrentPassphraseNeeded(
            "This backup was made before the store's passphrase or recovery key was last "
            "changed. Give the store's current passphrase as well: the restored store is changed "
            f"to the current passphrase and recovery key, so the old ones do not open it. "
            f"{NOTHING_CHANGED}"
        )
    if secret[1]:
        return key_slots.open_with_recovery_key(current, secret[0])
    return key_slots.open_with_passphrase(current, secret[0])


def _record_restore(
    store_path: Path,
    header: BackupHeader,
    slots: KeySlots,
    key: tuple[bytes, KeySlot],
    backup: Path,
) -> None:
    """The restored store's audit trail says it was restored, from which backup, and by whom."""
    session = open_with_key(store_path, slots, *key, accept_older=True)  # put back on purpose
    try:
        with session.db.transaction():
            session.record(
                "store",
                "Restored the store from a backup",
                detail={"note": f"{backup.name}, made {header.created}"},
            )
    finally:
        session.close()
