"""Putting a restored store in place: what was there is kept under a new name, then the restored
copy and its key file go in; a failure before they do leaves everything as it was."""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime
from pathlib import Path

from rrdesk.services.store.rolling_backups import STAMP
from rrdesk.storage.errors import NOTHING_CHANGED, NotSavedError
from rrdesk.storage.keys import key_file, rotation
from rrdesk.storage.keys.key_slots import KeySlots

_COMPANIONS = ("-wal", "-shm", "-journal")


def _aside_name(store_path: Path, now: datetime) -> Path:
    base = store_path.with_name(f"{store_path.name}.before-restore-{now.strftime(STAMP)}")
    candidate, number = base, 1
    while candidate.exists() or key_file.slot_file_for(candidate).exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def _keep_aside(source: Path, target: Path, kept: list[Path]) -> None:
    """A second name for ``source`` (a hard link; a copy where the drive has none), leaving
    ``source`` where it is."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    kept.append(target)


def swap_in(store_path: Path, work: Path, slots: KeySlots, now: datetime) -> Path | None:
    """Put the restored copy at ``work`` and its key file ``slots`` in place of the store at
    ``store_path``, keeping what was there under a new name; returns that name (``None`` if there
    was nothing). The store never leaves its place before the copy takes it: what was there is
    kept aside under a second name, and the copy goes in as a change of key does
    (:mod:`rrdesk.storage.keys.rotation`), so a kill at any point leaves the old store or the new
    one where the store was, and the next opening finishes or undoes the rest."""
    slot_path = key_file.slot_file_for(store_path)
    has_store = store_path.exists() or slot_path.exists()
    aside = _aside_name(store_path, now) if has_store else None
    kept: list[Path] = []
    try:
        if aside is not None:
            for suffix in ("", *_COMPANIONS):
                source = store_path.with_name(store_path.name + suffix)
                if source.exists():
                    _keep_aside(source, aside.with_name(aside.name + suffix), kept)
            if slot_path.exists():
                _keep_aside(slot_path, key_file.slot_file_for(aside), kept)
        rotation.remove_work_files(store_path)
        os.replace(work, rotation.store_work_file(store_path))
        rotation.write_key_work_file(store_path, slots)
    except BaseException as failure:
        rotation.remove_work_files(store_path)
        for path in kept:
            with contextlib.suppress(OSError):
                path.unlink()
        if isinstance(failure, OSError):
            raise NotSavedError(
                f"The backup was not restored: rrdesk could not write in {store_path.parent} "
                f"({failure.strerror}). {NOTHING_CHANGED}"
            ) from None
        raise
    rotation.put_in_place(store_path)
    return aside
