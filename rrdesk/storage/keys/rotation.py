"""Putting a re-keyed store and its new key file in place, so that a kill never loses either.

A store and its key file are two files, and no system renames two files at once. So a change of
data key goes in this order, each step on disk before the next:

1. the store, re-keyed, is written beside it as ``<store>.rekeying`` (through SQLite's backup
   API, keyed with the new data key);
2. the new key file is written beside its own as ``<store>-keys.rekeying``;
3. ``<store>.rekeying`` replaces the store: from this moment the new key is the store's;
4. ``<store>-keys.rekeying`` replaces the key file.

Stopped anywhere (a kill, a power cut), :func:`finish_interrupted` puts it right before anything
else reads the store: with both work files there, step 3 never happened, so both go and the store
and key file are as they were; with only the key file's, the store is the re-keyed one, so its key
file goes in place; with only the store's, it goes. Nothing needs a secret to decide.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from rrdesk.storage.atomic_file import write_atomically
from rrdesk.storage.errors import NotSavedError
from rrdesk.storage.keys.key_file import slot_file_for, slots_to_json
from rrdesk.storage.keys.key_slots import KeySlots

WORK_SUFFIX = ".rekeying"
_COMPANIONS = ("-wal", "-shm", "-journal")


def store_work_file(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + WORK_SUFFIX)


def key_work_file(store_path: Path) -> Path:
    return store_path.with_name(slot_file_for(store_path).name + WORK_SUFFIX)


def remove_work_files(store_path: Path) -> None:
    """Remove what an unfinished change of key left that is not yet in place (steps 1 and 2)."""
    work = store_work_file(store_path)
    for path in (work, *(work.with_name(work.name + s) for s in _COMPANIONS)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    with contextlib.suppress(FileNotFoundError):
        key_work_file(store_path).unlink()


def finish_interrupted(store_path: Path) -> bool:
    """Finish or undo a change of key that was stopped part-way; True if there was one."""
    store_work, key_work = store_work_file(store_path), key_work_file(store_path)
    if key_work.exists() and not store_work.exists():
        os.replace(key_work, slot_file_for(store_path))
        _sync_folder(store_path.parent)
        return True
    if store_work.exists() or key_work.exists():
        remove_work_files(store_path)
        return True
    return False


def write_key_work_file(store_path: Path, slots: KeySlots) -> None:
    """Step 2: the new key file, on disk beside the current one."""
    write_atomically(key_work_file(store_path), slots_to_json(slots), mode=0o600)


def put_in_place(store_path: Path) -> None:
    """Steps 3 and 4, once the store's connection is closed: the re-keyed store replaces the
    store (its old journal files, from the old key, go first), then the new key file replaces
    the old one."""
    work = store_work_file(store_path)
    try:
        _sync_file(work)
        for suffix in _COMPANIONS:
            with contextlib.suppress(FileNotFoundError):
                store_path.with_name(store_path.name + suffix).unlink()
        os.replace(work, store_path)
        _sync_folder(store_path.parent)
        os.replace(key_work_file(store_path), slot_file_for(store_path))
        _sync_folder(store_path.parent)
    except OSError as error:
        raise NotSavedError(
            f"The store's key could not be changed: rrdesk could not write in "
            f"{store_path.parent} ({error.strerror}). The store opens as it did before."
        ) from None


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    if os.name == "posix":
        _sync_file(folder)
