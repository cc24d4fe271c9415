"""The seal of a closed store: a keyed MAC of the whole store file, kept in its key file.

SQLCipher checks each 4 KiB page with its own MAC, which does not say which version of the page
it is: a page copied back from an older copy of the same store reads as good. When rrdesk closes
a store cleanly (its write-ahead log written into the file and emptied) it seals the file as it
is, with HMAC-SHA256 under a key derived from the data key for this alone; the seal goes in the
sealed key file. Opening compares the file with it before anything is written, so any change made
to the file while the store was closed (a page put back, a log file left beside it) is noticed.
A store that was not closed cleanly has no seal, and cannot be checked this way. The page at 1 GiB
holds no data (SQLite's file locks are there, and Windows keeps other handles from reading it
while the store is open), so it is passed over, to check a store that large once it is open.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from rrdesk.storage.database import PAGE_BYTES, SQLITE_LOCK_BYTES
from rrdesk.storage.keys.key_slots import ClosedSeal, KeySlots

CHUNK_BYTES = 1 << 20  # a whole number of them make SQLITE_LOCK_BYTES


def _seal_key(data_key: bytes, store_id: str) -> bytes:
    return hmac.new(
        data_key, b"rrdesk closed store seal:" + store_id.encode(), hashlib.sha256
    ).digest()


JOURNALS = ("-wal", "-journal")  # SQLite's write-ahead log, and its rollback journal


def _log_holds_changes(store_path: Path) -> bool:
    """True if a journal beside the store holds changes it would put into the store."""
    for suffix in JOURNALS:
        try:
            if store_path.with_name(store_path.name + suffix).stat().st_size > 0:
                return True
        except FileNotFoundError:
            continue
        except OSError:
            return True
    return False


def file_mac(store_path: Path, data_key: bytes, store_id: str) -> bytes | None:
    """The MAC of the store file at ``store_path`` as it is, or ``None`` if the store is not
    wholly in it (a journal beside it holds changes) or it cannot be read."""
    if _log_holds_changes(store_path):
        return None
    mac = hmac.new(_seal_key(data_key, store_id), digestmod=hashlib.sha256)
    try:
        with open(store_path, "rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                mac.update(chunk)
                if handle.tell() == SQLITE_LOCK_BYTES:  # a page SQLite keeps no data in
                    handle.seek(PAGE_BYTES, 1)
    except OSError:
        return None
    return mac.digest()


def seal_closed(store_path: Path, slots: KeySlots, data_key: bytes, at: str) -> ClosedSeal | None:
    """The seal of the store at ``store_path``, just closed, at ``at`` (an ISO time); ``None``
    if it cannot be sealed (the write-ahead log was not emptied, or the file cannot be read)."""
    mac = file_mac(store_path, data_key, slots.store_id)
    return None if mac is None else ClosedSeal(at, mac)


def holds(store_path: Path, slots: KeySlots, data_key: bytes) -> bool:
    """True if the store file at ``store_path`` is as it was sealed in ``slots`` (which must hold
    a seal); False if it has changed since, or a write-ahead log with changes is beside it."""
    assert slots.closed is not None
    mac = file_mac(store_path, data_key, slots.store_id)
    return mac is not None and hmac.compare_digest(mac, slots.closed.mac)
