"""Which rolling backups a store has and when they were made, read from their names alone.

Kept apart from making and restoring backups (:mod:`rrdesk.services.store.backups`), so that looking
for a due backup, when the window opens or closes, loads nothing more.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from pathlib import Path

from rrdesk.services.platform.locations import data_folder
from rrdesk.services.store.session import Session
from rrdesk.storage.backup_names import BACKUP_SUFFIX

BACKUP_MADE = "Made a backup"  # the audit entry each backup adds
SAVED_MEANWHILE = "saved_while_written"  # in its detail: changes saved as it was written
DAILY = timedelta(days=1)
STAMP = "%Y%m%d-%H%M%S"


def backups_folder() -> Path:
    return data_folder() / "backups"


def rolling_name(session: Session, now: datetime) -> str:
    return f"{session.path.stem}-{now.strftime(STAMP)}{BACKUP_SUFFIX}"


def rolling_backups(folder: Path, store_path: Path) -> list[Path]:
    """This store's rolling backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    prefix = f"{store_path.stem}-"
    found = [
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.startswith(prefix) and p.name.endswith(BACKUP_SUFFIX)
    ]
    return sorted(found, key=lambda p: _order(p, store_path))


def _stamp_and_number(path: Path, store_path: Path) -> tuple[str, int]:
    """``store-20261122-093000.2.rrbackup`` → ``("20261122-093000", 2)``: the second backup
    made in that second (the first has no number)."""
    text = path.name[len(store_path.stem) + 1 : -len(BACKUP_SUFFIX)]
    stamp, _dot, number = text.partition(".")
    return stamp, int(number) if number.isascii() and number.isdigit() else 1


def _order(path: Path, store_path: Path) -> tuple[str, int, str]:
    """Oldest first: by the time in the name, then by its number within that second."""
    stamp, number = _stamp_and_number(path, store_path)
    return stamp, number, path.name


def made_at(path: Path, store_path: Path) -> datetime | None:
    """When a rolling backup was made, read from its name (``20261122-093000``, with ``.2``
    after it for a second backup in the same second)."""
    text, _number = _stamp_and_number(path, store_path)
    day, dash, time = text.partition("-")
    digits = day + time
    if not (dash and len(day) == 8 and len(time) == 6 and digits.isascii() and digits.isdigit()):
        return None
    try:
        return datetime(
            int(day[:4]), int(day[4:6]), int(day[6:]), int(time[:2]), int(time[2:4]), int(time[4:])
        )
    except ValueError:  # an impossible date or time
        return None


def last_rolling_backup(session: Session, folder: Path | None = None) -> datetime | None:
    folder = backups_folder() if folder is None else folder
    stamps = [made_at(p, session.path) for p in rolling_backups(folder, session.path)]
    known = [s for s in stamps if s is not None]
    return max(known) if known else None


def rolling_backup_due(session: Session, now: datetime, folder: Path | None = None) -> bool:
    """True when the newest rolling backup is a day old or more (or there is none)."""
    last = last_rolling_backup(session, folder)
    return last is None or now - last >= DAILY


def unchanged_since_rolling_backup(session: Session, folder: Path | None = None) -> bool:
    """True when the newest rolling backup holds everything in the store: the store's last
    audit entry records making that backup (every change to a store is audited), and no change
    was saved while it was being written."""
    folder = backups_folder() if folder is None else folder
    kept = rolling_backups(folder, session.path)
    if not kept:
        return False
    latest = session.audit.latest()
    return (
        latest is not None
        and latest.entity == "store"
        and latest.action == BACKUP_MADE
        and latest.detail.get("note") == kept[-1].name
        and SAVED_MEANWHILE not in latest.detail
    )


def prune_rolling_backups(folder: Path, store_path: Path, keep: int) -> list[Path]:
    existing = rolling_backups(folder, store_path)
    old = existing[: max(0, len(existing) - keep)]
    for path in old:
        with contextlib.suppress(OSError):
            path.unlink()
    return old
