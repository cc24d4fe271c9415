"""Checks made on a store's path before any passphrase: is there a store, is it one, can it be
used; and putting right a change of key that was stopped part-way."""

from __future__ import annotations

import logging
from pathlib import Path

from rrdesk.storage.database import PAGE_BYTES, check_store_file
from rrdesk.storage.errors import (
    NOTHING_CHANGED,
    KeyFileDamagedError,
    NotAStoreError,
    StoreDamagedError,
    StoreError,
    StoreInUseError,
    StoreLocationError,
    StoreMissingError,
)
from rrdesk.storage.keys import key_file
from rrdesk.storage.lock_file import StoreLock

log = logging.getLogger(__name__)


def check_store_name(path: Path) -> None:
    """Refuse, with a plain message, a store path that no store file could have: a folder's own
    name (an empty ``--store``, ``.``, ``/``), or a name the system cannot look up (too long)."""
    if path.name in ("", ".", ".."):
        raise NotAStoreError(
            f"{path} is a folder, not a store file. Give the store's own file, whose name ends "
            f"in .rrdesk. {NOTHING_CHANGED}"
        )
    try:
        path.exists()
        key_file.slot_file_for(path).exists()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise StoreLocationError(
            f"rrdesk cannot use {path} as a store ({reason}). {NOTHING_CHANGED}"
        ) from None


def check_exists(path: Path) -> None:
    check_store_name(path)
    _finish_interrupted_change(path)
    slot_file = key_file.slot_file_for(path)
    if not path.exists():
        if slot_file.is_file():
            raise StoreDamagedError(
                f"The store {path.name} is missing from {path.absolute().parent}, but its key "
                f"file {slot_file.name} is there. Restore the store from a backup. "
                f"{NOTHING_CHANGED}"
            )
        raise StoreMissingError(f"There is no rrdesk store at {path}. {NOTHING_CHANGED}")
    if not slot_file.exists():
        _explain_missing_key_file(path)


def _finish_interrupted_change(path: Path) -> None:
    """Finish or undo a change of the store's key that was stopped part-way (a kill, a power
    cut), under the store's lock: a change still going on in another window is left alone."""
    from rrdesk.storage.keys import rotation

    if not (rotation.store_work_file(path).exists() or rotation.key_work_file(path).exists()):
        return
    lock = StoreLock(path)
    lock.acquire()
    try:
        if rotation.finish_interrupted(path):
            log.info("an unfinished change of the store's key was put right")
    finally:
        lock.release()


def _explain_missing_key_file(path: Path) -> None:
    """With no key file beside ``path``, say so plainly if ``path`` is not a store at all.

    A store whose key file has gone needs the key file back from a backup (``read_slots`` says
    so). But a person who chose another file by mistake (the key file itself, a document) needs
    to be told that, not sent to the backups. Decided by reading the file, never by its name
    alone: a file named as a key file is read as one, and anything else is checked as a store is.
    """
    store = path.with_name(path.name.removesuffix("-keys"))
    if store != path and store.is_file():
        try:
            key_file.read_slots(store)  # reads ``path`` itself, as a key file
        except StoreError:
            pass  # not a key file: checked as a store below
        else:
            raise NotAStoreError(
                f"{path.name} is the key file of a store, not the store itself. Choose the store "
                f"beside it, {store.name}. {NOTHING_CHANGED}"
            )
    try:
        check_store_file(path)
        laid_out = path.stat().st_size % PAGE_BYTES == 0
    except StoreDamagedError:
        laid_out = False
    if not laid_out:
        raise NotAStoreError(
            f"{path.name} is not an rrdesk store: there is no key file "
            f"({key_file.slot_file_for(path).name}) beside it, and the file is not laid out as a "
            "store is. If it was a store, restore it and its key file from a backup. "
            f"{NOTHING_CHANGED}"
        )


def check_before_unlock(path: Path) -> None:
    """Raise the :class:`StoreError` that no passphrase could get past, found without the key:
    no store there, not a store, its key file missing or damaged, too damaged to be a store, or
    open in another window. Nothing is written but the lock file, taken and let go at once, and
    a change of key stopped part-way, finished or undone. A store can be damaged in ways that
    only its key shows; unlocking finds those."""
    check_exists(path)
    key_file.read_slots(path)
    check_store_file(path)
    # Open in another rrdesk window, or in a folder rrdesk cannot write in: told before the
    # person types a passphrase, not after.
    probe = StoreLock(path)
    probe.acquire()
    probe.release()


def retrying_helps(error: StoreError) -> bool:
    """True if the same store may open once something outside rrdesk changes: it is open in
    another rrdesk window, or its folder cannot be reached or written (a drive not plugged in)."""
    return isinstance(error, StoreInUseError | StoreLocationError)


def restoring_helps(error: StoreError) -> bool:
    """True if putting a backup in place is the way past ``error``: the store or its key file is
    damaged or gone (a backup holds both). Not for a file that is not a store at all, a store
    open in another window, one from a newer rrdesk, or a folder rrdesk cannot write to."""
    return isinstance(error, StoreDamagedError | KeyFileDamagedError)


def make_store_folder(path: Path) -> None:
    """Make the folder a new store at ``path`` goes in, if it is not there yet."""
    check_store_name(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise StoreLocationError(
            f"rrdesk cannot make the folder {path.parent} for the store ({reason}). If it is on "
            f"a drive that is not connected, connect it and try again. {NOTHING_CHANGED}"
        ) from None


def store_exists(path: Path) -> bool:
    """True if there is a store or its key file at ``path`` (either means: never set up anew).
    Also true for a path no store could have (:func:`check_store_name`): it is not set up anew
    either, and opening it says what is wrong."""
    try:
        check_store_name(path)
    except StoreError:
        return True
    return path.exists() or key_file.slot_file_for(path).exists()
