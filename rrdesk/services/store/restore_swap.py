"""Putting a restored store in place: what was there is moved aside, then the restored copy and
its key file go in; any failure moves everything back."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from rrdesk.services.store.rolling_backups import STAMP
from rrdesk.storage.errors import NOTHING_CHANGED, NotSavedError
from rrdesk.storage.keys import key_file
from rrdesk.storage.keys.key_slots import KeySlots

_COMPANIONS = ("-wal", "-shm", "-journal")


def _aside_name(store_path: Path, now: datetime) -> Path:
    base = store_path.with_name(f"{store_path.name}.before-restore-{now.strftime(STAMP)}")
    candidate, number = base, 1
    while candidate.exists() or key_file.slot_file_for(candidate).exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def swap_in(store_path: Path, work: Path, slots: KeySlots, now: datetime) -> Path | None:
    slot_path = key_file.slot_file_for(store_path)
    has_store = store_path.exists() or slot_path.exists()
    aside = _aside_name(store_path, now) if has_store else None
    moved: list[tuple[Path, Path]] = []
    installed: list[Path] = []
    try:
        if aside is not None:
            for suffix in ("", *_COMPANIONS):
                source = store_path.with_name(store_path.name + suffix)
                if source.exists():
                    target = aside.with_name(aside.name + suffix)
                    os.replace(source, target)
                    moved.append((target, source))
            if slot_path.exists():
                target = key_file.slot_file_for(aside)
                os.replace(slot_path, target)
                moved.append((target, slot_path))
        os.replace(work, store_path)
        installed.append(store_path)
        key_file.write_slots(store_path, slots)
        installed.append(slot_path)
    except BaseException as failure:
        for path in installed:
            with contextlib.suppress(OSError):
                path.unlink()
        for target, original in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(target, original)
        if isinstance(failure, OSError):
            raise NotSavedError(
                f"The backup was not restored: rrdesk could not write in {store_path.parent} "
                f"({failure.strerror}). {NOTHING_CHANGED}"
            ) from None
        raise
    return aside
