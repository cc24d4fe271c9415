"""One backup file: the store's key slots and an encrypted copy of the store, together.

Layout (all lengths big-endian)::

    8 bytes   magic  b"RRDBKUP\\x00"
    2 bytes   container version (1)
    4 bytes   length of the header
    header    UTF-8 JSON: format, version, created (UTC), the key-slot file as an object,
              the database's length and its SHA-256
    database  the encrypted SQLCipher copy, made with SQLite's backup API, keyed with the same
              data key as the store

Nothing in the file is readable without the passphrase or the recovery key: the header holds only
wrapped keys and the database is SQLCipher pages. The copy is made into a hidden work file beside
the destination (never the system temp folder), the container is written beside it too, flushed,
and renamed into place, so a backup is either whole or absent.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from rrdesk.storage.database import SQLITE_HEADER, Database
from rrdesk.storage.errors import NotSavedError, StoreError, StoreLocationError
from rrdesk.storage.input_files import InputFileError, open_input_file, parse_bounded_json
from rrdesk.storage.keys.key_file import slots_from_json, slots_to_json
from rrdesk.storage.keys.key_slots import KeySlots

MAGIC = b"RRDBKUP\x00"
CONTAINER_VERSION = 1
FORMAT = "rrdesk-backup"
_PREFIX = struct.Struct(">8sHI")
MAX_HEADER_BYTES = 1_000_000
_CHUNK = 1 << 20
UNCHANGED = "The file has not been changed."


class BackupFileError(StoreError):
    """A backup file that cannot be used; the message says why, in plain words."""


@dataclass(frozen=True)
class BackupHeader:
    created: str
    slots: KeySlots
    database_offset: int
    database_length: int
    database_sha256: str


def _new_private_file(path: Path) -> IO[bytes]:
    """A new file at ``path`` that only its owner can read (on POSIX), from the moment it exists:
    a backup and a restored store hold the partnership's cases, if encrypted."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600)
    if os.name == "posix":
        os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "wb")


def _work_name(destination: Path, what: str) -> Path:
    return destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.{what}")


def _remove_quietly(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            candidate.unlink()


def write_backup(db: Database, slots: KeySlots, data_key: bytes, destination: Path) -> int:
    """Write a whole backup of ``db`` to ``destination`` now; returns its size in bytes.

    The store's file is copied as it is, its pages encrypted as they are, while it is held
    unchanged (:func:`hold_file`): several times as quick as SQLite's backup API, which decrypts
    and encrypts every page again. When another connection is still reading an older state of
    the store, so its file is not yet whole, the backup API makes a copy first, on a connection
    of its own. An existing file at ``destination`` is replaced only once the new backup is
    complete.
    """
    if not destination.parent.is_dir():
        raise StoreLocationError(
            f"The folder {destination.parent} does not exist. Nothing was saved."
        )
    held = hold_store(db, slots, data_key, lambda: Database.open(db.path, data_key))
    try:
        return write_held_backup(held, destination)
    finally:
        if held.hold is not None:
            end_hold(db, held.hold)


class FileHold:
    """The store's file kept as it is while another thread copies it ("Back up now").

    The store's connection is used only on the thread that opened it, so that thread takes the
    hold (:func:`hold_file`): the write-ahead log is written into the file, then nothing writes
    into the file again (no checkpoint, by hand or automatic) until :func:`end_hold`. Changes
    saved meanwhile go to the log, safe on the disk as always, and reach the file afterwards.
    Closing the store (a lock, rrdesk ending) ends every hold first: a copy that then finds its
    hold ended cannot know the file stayed as it was, and is not kept."""

    def __init__(self, owner: Database) -> None:
        self.owner = owner  # the connection that took it: closing it ends the hold
        self.ended = threading.Event()


AUTOCHECKPOINT_PAGES = 1000  # SQLite's own: past this size the log is written into the file


def hold_file(db: Database) -> FileHold | None:
    """Take a hold on ``db``'s file, for a copy made on another thread; ``None`` when the file
    cannot be copied as the whole store (see :meth:`Database.file_held_whole`)."""
    with db.file_held_whole() as whole:
        if not whole:
            return None
        hold = FileHold(db)
        db.execute("PRAGMA wal_autocheckpoint = 0")
        db.holds.append(hold)
        return hold


def end_hold(db: Database, hold: FileHold) -> None:
    """The copy is done, or failed: changes may reach the file again."""
    hold.ended.set()
    if hold not in db.holds:  # the store was closed meanwhile, which ended it
        return
    db.holds.remove(hold)
    if not any(other.owner is db for other in db.holds):
        with contextlib.suppress(StoreError):
            db.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")


@dataclass(frozen=True)
class HeldStore:
    """What a backup made on another thread copies: the store's file under ``hold``, or else,
    through SQLite's backup API, a connection of the backup's own (``reader``, closed when the
    backup is written) keyed with ``data_key``."""

    path: Path
    slots: KeySlots
    hold: FileHold | None = None
    reader: Database | None = None
    data_key: bytes = field(default=b"", repr=False)


def hold_store(
    db: Database, slots: KeySlots, data_key: bytes, open_reader: Callable[[], Database]
) -> HeldStore:
    """On the store's own thread: hold its file for a copy, or open a connection to copy
    through when the file cannot be copied as it is."""
    hold = hold_file(db)
    if hold is not None:
        return HeldStore(db.path, slots, hold=hold)
    return HeldStore(db.path, slots, reader=open_reader(), data_key=data_key)


def write_held_backup(held: HeldStore, destination: Path) -> int:
    """On any thread: write the backup of ``held`` to ``destination``; returns its size. An
    existing file there is replaced only once the new backup is complete."""
    folder = destination.parent
    work = _work_name(destination, "copy")
    partial = _work_name(destination, "partial")
    try:
        if held.reader is not None:
            held.reader.copy_to(work, held.data_key)
            size = _write_container(work, held.slots, partial)
        else:
            size = _write_container(held.path, held.slots, partial)
            if held.hold is None or held.hold.ended.is_set():
                raise NotSavedError(
                    "Not saved: rrdesk locked or closed while the backup was being made. Back "
                    "up again. Nothing saved before has been lost."
                )
        os.replace(partial, destination)
        _sync_folder(folder)
        return size
    except OSError as error:
        _remove_quietly(partial)
        raise _not_saved(destination, error) from None
    except BaseException:
        _remove_quietly(partial)
        raise
    finally:
        _remove_quietly(work)
        if held.reader is not None:
            held.reader.close()


def _write_container(database: Path, slots: KeySlots, partial: Path) -> int:
    """Write the backup to ``partial``: the header, then the encrypted ``database`` as it is,
    checked as it is copied against the checksum the header gives. Returns its size."""
    length = database.stat().st_size
    digest = hashlib.sha256()
    with open(database, "rb") as source:
        for chunk in iter(lambda: source.read(_CHUNK), b""):
            digest.update(chunk)
    header = json.dumps(
        {
            "format": FORMAT,
            "version": CONTAINER_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "key_slots": json.loads(slots_to_json(slots)),
            "database_length": length,
            "database_sha256": digest.hexdigest(),
        }
    ).encode("utf-8")
    try:
        target = _new_private_file(partial)
    except OSError:
        raise StoreLocationError(
            f"rrdesk cannot write in the folder {partial.parent}. Choose a folder you can save "
            "files in. Nothing was saved."
        ) from None
    copied = hashlib.sha256()
    with target, open(database, "rb") as source:
        target.write(_PREFIX.pack(MAGIC, CONTAINER_VERSION, len(header)))
        target.write(header)
        _copy_exactly(source, target, length, copied)
        target.flush()
        os.fsync(target.fileno())
    if copied.digest() != digest.digest():
        raise NotSavedError(
            "Not saved: the store changed while it was being copied. Back up again. Nothing "
            "saved before has been lost."
        )
    return _PREFIX.size + len(header) + length


def _not_saved(destination: Path, error: OSError) -> StoreError:
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return NotSavedError(
            f"Not saved: there is no room to write the backup {destination.name}. "
            "Free some space or choose another place. Nothing saved before has been lost."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreLocationError(
            f"Not saved: rrdesk is not allowed to write in {destination.parent}. "
            "Choose another folder."
        )
    return NotSavedError(
        f"Not saved: the backup {destination.name} could not be written ({error.strerror})."
    )


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_header(path: Path) -> BackupHeader:
    """Read and check the header of the backup at ``path``, by reading only."""
    name = path.name
    damaged = (
        f"The backup {name} is damaged: it is not whole or has been changed. "
        f"Use another backup. {UNCHANGED}"
    )
    try:
        with open_input_file(path, what="backup") as handle:
            prefix = handle.read(_PREFIX.size)
            if not prefix:
                raise BackupFileError(
                    f"The backup {name} is empty (0 bytes). Use another backup. {UNCHANGED}"
                )
            if len(prefix) == _PREFIX.size and prefix == SQLITE_HEADER[: _PREFIX.size]:
                raise BackupFileError(
                    f"{name} is an unencrypted SQLite database, not an rrdesk backup. {UNCHANGED}"
                )
            if len(prefix) < _PREFIX.size or not prefix.startswith(MAGIC):
                raise BackupFileError(f"{name} is not an rrdesk backup file. {UNCHANGED}")
            _magic, version, header_length = _PREFIX.unpack(prefix)
            if version > CONTAINER_VERSION:
                raise BackupFileError(
                    f"The backup {name} was made by a newer version of rrdesk. Install the newer "
                    f"version to restore it. {UNCHANGED}"
                )
            if header_length > MAX_HEADER_BYTES:
                raise BackupFileError(damaged)
            raw_header = handle.read(header_length)
            total = os.fstat(handle.fileno()).st_size
    except InputFileError as error:
        raise BackupFileError(f"{error.message} {UNCHANGED}") from None
    except FileNotFoundError:
        raise BackupFileError(f"There is no backup file at {path}.") from None
    except OSError as error:
        raise BackupFileError(f"rrdesk cannot read {path} ({error.strerror}).") from None
    if len(raw_header) < header_length:
        raise BackupFileError(damaged)
    try:
        body: dict[str, Any] = parse_bounded_json(raw_header)
        if body.get("format") != FORMAT:
            raise BackupFileError(damaged)
        slots = slots_from_json(json.dumps(body["key_slots"]).encode("utf-8"), where=name)
        header = BackupHeader(
            created=str(body.get("created", "")),
            slots=slots,
            database_offset=_PREFIX.size + header_length,
            database_length=int(body["database_length"]),
            database_sha256=str(body["database_sha256"]),
        )
    except BackupFileError:
        raise
    except (StoreError, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise BackupFileError(damaged) from None
    if header.database_offset + header.database_length != total or header.database_length <= 0:
        raise BackupFileError(damaged)
    return header


def extract_database(path: Path, header: BackupHeader, destination: Path) -> None:
    """Copy the encrypted database out of the backup to ``destination`` (a new file), checking
    its SHA-256 on the way. The copy stays encrypted; the caller removes it when done."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as source, _new_private_file(destination) as target:
            source.seek(header.database_offset)
            _copy_exactly(source, target, header.database_length, digest)
            target.flush()
            os.fsync(target.fileno())
    except OSError as error:
        _remove_quietly(destination)
        raise _not_saved(destination, error) from None
    if digest.hexdigest() != header.database_sha256:
        _remove_quietly(destination)
        raise BackupFileError(
            f"The backup {path.name} is damaged: its contents do not match its checksum. "
            f"Use another backup. {UNCHANGED}"
        )


def _copy_exactly(source: IO[bytes], target: IO[bytes], length: int, digest: Any) -> None:
    left = length
    while left > 0:
        chunk = source.read(min(_CHUNK, left))
        if not chunk:
            break
        digest.update(chunk)
        target.write(chunk)
        left -= len(chunk)


_WORK_FILE = re.compile(r"^\..+\.[0-9a-f]{8}\.(copy|partial|check|restore)(-journal|-wal|-shm)?$")


def remove_stale_work_files(folder: Path, *, older_than_seconds: float = 3600) -> list[Path]:
    """Remove work files left in ``folder`` by a backup or restore that was killed part-way.

    They are encrypted (SQLCipher pages or a partial backup), so leaving them is untidy rather than
    unsafe; only files older than ``older_than_seconds`` are removed, so that a backup running in
    another window is never disturbed.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time()
    for path in folder.iterdir():
        if not _WORK_FILE.match(path.name):
            continue
        try:
            if now - path.stat().st_mtime < older_than_seconds:
                continue
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def work_file_beside(path: Path, what: str) -> Path:
    """A hidden, unused file name beside ``path`` for work that must not go to the temp folder."""
    return _work_name(path, what)


def remove_work_file(path: Path) -> None:
    _remove_quietly(path)
