"""The encrypted store: one SQLCipher 4 file per partnership.

:class:`Database` owns the connection. The raw data key goes in first (as hex, checked to be hex;
never a passphrase formatted into SQL), then a real read proves it, then the pinned settings are
applied and checked. Every write runs inside ``with db.transaction():``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from rrdesk.storage.atomic_file import create_private
from rrdesk.storage.errors import (
    NOTHING_CHANGED,
    NotAStoreError,
    NotSavedError,
    StoreClosedError,
    StoreDamagedError,
    StoreError,
    StoreLocationError,
    StoreMissingError,
)

PINNED_PRAGMAS = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("temp_store", "MEMORY", 2),
    ("foreign_keys", "ON", 1),
    # Up to 32 MB of pages kept in memory as read (a negative size is in KiB). A page read
    # again from the file has to be decrypted and its checksum checked again, so a store larger
    # than the 8 MB SQLCipher keeps by default was decrypted afresh at every search of the list.
    ("cache_size", "-32768", -32768),
)
SQLITE_HEADER = b"SQLite format 3\x00"
_HOLDS: dict[Path, list[Any]] = {}  # each file's holds, seen by every connection to it
BUSY_MILLISECONDS = 2000  # how long a change waits for another connection's before giving up
SQLITE_LOCK_BYTES = 0x40000000  # where SQLite's file locks start (its "pending byte")
PAGE_BYTES = 4096  # SQLCipher 4's page: a store's file is always a whole number of them
SQLITE_FULL = 13
SQLITE_IOERR = 10
SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_CORRUPT = 11
SQLITE_BUSY = 5

DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError
Row = tuple[Any, ...]


def _hex_key(data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("the data key must be 32 bytes")
    text = data_key.hex()
    if not re.fullmatch(r"[0-9a-f]{64}", text):  # pragma: no cover - hex() guarantees this
        raise ValueError("the data key did not encode as hex")
    return text


def check_store_file(path: Path) -> None:
    """Refuse, by reading only, anything that cannot be an rrdesk store."""
    if not path.parent.is_dir():
        raise StoreLocationError(f"The folder {path.parent} does not exist. {NOTHING_CHANGED}")
    if not path.exists():
        raise StoreMissingError(f"There is no rrdesk store at {path}. {NOTHING_CHANGED}")
    if path.is_dir():
        raise NotAStoreError(f"{path} is a folder, not an rrdesk store. {NOTHING_CHANGED}")
    if not path.is_file():
        raise NotAStoreError(
            f"{path} is not a file (it is a device or another special kind of file), so it is "
            f"not an rrdesk store. {NOTHING_CHANGED}"
        )
    try:
        with open(path, "rb") as handle:
            head = handle.read(PAGE_BYTES)
    except OSError as error:
        raise StoreLocationError(
            f"rrdesk cannot read {path} ({error.strerror}). {NOTHING_CHANGED}"
        ) from None
    if not head:
        raise StoreDamagedError(
            f"The store {path.name} is empty (0 bytes): it is damaged. Restore it from a backup. "
            f"{NOTHING_CHANGED}"
        )
    if head.startswith(SQLITE_HEADER):
        raise NotAStoreError(
            f"{path.name} is an unencrypted SQLite database, not an rrdesk store. {NOTHING_CHANGED}"
        )
    if len(head) < PAGE_BYTES:
        raise StoreDamagedError(
            f"The store {path.name} is too short to be whole: it is damaged. Restore it from a "
            f"backup. {NOTHING_CHANGED}"
        )


def describe_database_error(error: Exception, *, path: Path) -> StoreError | None:
    """Sort a SQLCipher error into a plain-English :class:`StoreError`, or ``None`` for a bug."""
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    if code in (SQLITE_FULL, SQLITE_IOERR) or "disk is full" in text or "disk i/o" in text:
        return NotSavedError(
            "Not saved: the computer could not write to the disk (it may be full). "
            "Everything saved before is kept. Free some space and try again."
        )
    if code == SQLITE_READONLY or "readonly" in text:
        return StoreLocationError(
            f"Not saved: the store {path.name} or its folder is read-only. "
            "Everything saved before is kept."
        )
    if code in (SQLITE_NOTADB, SQLITE_CORRUPT) or "not a database" in text or "malformed" in text:
        return StoreDamagedError(
            f"The store {path.name} is damaged: the key is right but the file cannot be read. "
            f"Restore it from a backup. {NOTHING_CHANGED}"
        )
    if code == SQLITE_CANTOPEN or "unable to open" in text:
        return StoreLocationError(f"rrdesk cannot open {path}. {NOTHING_CHANGED}")
    if code == SQLITE_BUSY or "locked" in text:
        return StoreLocationError(
            f"The store {path.name} is busy in another program. Try again. {NOTHING_CHANGED}"
        )
    return None


class Database:
    """An open, keyed connection to one store."""

    def __init__(self, connection: Any, path: Path) -> None:
        self._connection = connection
        self.path = path
        self._depth = 0
        self._after_commit: list[Callable[[], None]] = []
        self.holds: list[Any] = _HOLDS.setdefault(path, [])  # file copies (backup_file.py)
        self.before_first_write: Callable[[], None] | None = None  # run as a change begins

    @classmethod
    def in_memory(cls) -> Database:
        """An empty, unencrypted database in memory: to work out the schema migrations make."""
        return cls(sqlcipher.connect(":memory:", isolation_level=None), Path(":memory:"))

    @classmethod
    def open(cls, path: Path, data_key: bytes, *, create: bool = False) -> Database:
        """Open (or, with ``create``, make) the store at ``path`` keyed with ``data_key``."""
        (create_private if create else check_store_file)(path)  # a new store is 0600
        try:
            connection = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlcipher.Error as error:
            raise describe_database_error(error, path=path) or StoreLocationError(
                f"rrdesk cannot open {path}. {NOTHING_CHANGED}"
            ) from None
        database = cls(connection, path)
        try:
            database._key_and_prove(data_key)
            database._pin_settings()
        except BaseException:
            connection.close()
            raise
        return database

    def _key_and_prove(self, data_key: bytes) -> None:
        connection = self._connection
        connection.execute(f"PRAGMA key = \"x'{_hex_key(data_key)}'\"")
        connection.execute("PRAGMA cipher_log_level = NONE")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as error:
            raise describe_database_error(error, path=self.path) or StoreDamagedError(
                f"The store {self.path.name} cannot be read. {NOTHING_CHANGED}"
            ) from None

    def _pin_settings(self) -> None:
        for name, value, _expected in PINNED_PRAGMAS:
            try:
                self._connection.execute(f"PRAGMA {name} = {value}").fetchall()
            except sqlcipher.DatabaseError as error:
                raise describe_database_error(error, path=self.path) or error from None
        self._connection.execute(f"PRAGMA busy_timeout = {BUSY_MILLISECONDS}")

    @property
    def _live(self) -> Any:
        if self._connection is None:
            raise StoreClosedError(
                "The store is closed: rrdesk is locked or has finished. Unlock it to carry on."
            )
        return self._connection

    def pragma(self, name: str) -> Any:
        if not re.fullmatch(r"[a-z_]+", name):
            raise ValueError(f"not a pragma name: {name!r}")
        row = self._live.execute(f"PRAGMA {name}").fetchone()
        return None if row is None else row[0]

    def pinned_settings(self) -> dict[str, Any]:
        return {name: self.pragma(name) for name, _value, _expected in PINNED_PRAGMAS}

    @property
    def user_version(self) -> int:
        return int(self.pragma("user_version"))

    def set_user_version(self, version: int) -> None:
        self._connection.execute(f"PRAGMA user_version = {int(version)}")

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the outermost transaction has committed (never if it is rolled
        back); the same callback asked for twice in one transaction is called once."""
        if self._depth == 0:
            callback()
        elif callback not in self._after_commit:
            self._after_commit.append(callback)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """All or nothing. Nested use becomes a savepoint inside the outer transaction."""
        if (outer := self._depth == 0) and self.before_first_write is not None:
            self.before_first_write()  # what a store's opening put off; it unsets this
        savepoint = f"sp{self._depth}"
        try:
            self._live.execute("BEGIN IMMEDIATE" if outer else f"SAVEPOINT {savepoint}")
        except sqlcipher.DatabaseError as error:
            raise describe_database_error(error, path=self.path) or error from None
        self._depth += 1
        try:
            yield self
        except BaseException as failure:
            self._depth -= 1
            if outer:
                self._after_commit.clear()
            with contextlib.suppress(sqlcipher.Error):
                if outer:
                    self._connection.execute("ROLLBACK")
                else:
                    self._connection.execute(f"ROLLBACK TO {savepoint}")
                    self._connection.execute(f"RELEASE {savepoint}")
            if isinstance(failure, sqlcipher.DatabaseError) and not isinstance(
                failure, sqlcipher.IntegrityError
            ):
                described = describe_database_error(failure, path=self.path)
                if described is not None:
                    raise described from None
            raise
        self._depth -= 1
        try:
            self._connection.execute("COMMIT" if outer else f"RELEASE {savepoint}")
        except sqlcipher.DatabaseError as error:
            if outer:
                self._after_commit.clear()
            with contextlib.suppress(sqlcipher.Error):
                self._connection.execute("ROLLBACK")
            raise describe_database_error(error, path=self.path) or error from None
        if outer:
            callbacks, self._after_commit = self._after_commit, []
            for callback in callbacks:
                callback()

    @contextlib.contextmanager
    def _described(self) -> Iterator[None]:
        """A damaged page, a full disk or a read-only file met in any statement becomes a
        plain :class:`StoreError`; constraint failures and anything unknown pass through."""
        try:
            yield
        except sqlcipher.IntegrityError:
            raise
        except sqlcipher.DatabaseError as error:
            described = describe_database_error(error, path=self.path)
            if described is None:
                raise
            raise described from None

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        with self._described():
            return self._live.execute(sql, parameters)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        with self._described():
            return self._live.executemany(sql, rows)

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        with self._described():
            return list(self._live.execute(sql, parameters).fetchall())

    def query_one(self, sql: str, parameters: Sequence[Any] = ()) -> Row | None:
        with self._described():
            row = self._live.execute(sql, parameters).fetchone()
        return None if row is None else tuple(row)

    def query_pages(
        self, sql: str, parameters: Sequence[Any] = (), *, rows: int = 5000
    ) -> Iterator[list[Row]]:
        """The rows of one query, ``rows`` at a time: what it reads is never held whole, and it
        reads one state of the store from start to end, whatever is saved meanwhile."""
        with self._described():
            cursor = self._live.execute(sql, parameters)
            try:
                while page := cursor.fetchmany(rows):
                    yield page
            finally:
                cursor.close()

    def integrity_problems(self) -> list[str]:
        """Both SQLite's and SQLCipher's own checks; an empty list means the store is sound."""
        problems: list[str] = []
        for pragma in ("cipher_integrity_check", "integrity_check"):
            try:
                rows = self._live.execute(f"PRAGMA {pragma}").fetchall()
            except sqlcipher.DatabaseError as error:
                problems.append(f"{pragma} could not finish: {error}")
                continue
            problems.extend(str(row[0]) for row in rows if row[0] != "ok")
        return problems

    def copy_to(
        self,
        destination: Path,
        data_key: bytes,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """An encrypted, consistent copy through SQLite's backup API (never a file copy), keyed
        with ``data_key`` (another key than this store's makes a re-keyed copy). ``progress`` is
        told the pages copied so far and the pages in all, as the copy goes."""
        if destination.exists():
            raise StoreLocationError(f"{destination} already exists. Nothing was written.")
        source = self._live
        cannot_write = StoreLocationError(
            f"rrdesk cannot write in the folder {destination.parent}. Choose a folder you can "
            "save files in. Nothing was saved."
        )
        try:
            target = sqlcipher.connect(str(destination), isolation_level=None)
        except sqlcipher.Error:
            raise cannot_write from None
        try:
            target.execute(f"PRAGMA key = \"x'{_hex_key(data_key)}'\"")
            target.execute("PRAGMA cipher_log_level = NONE")
            if progress is None:
                source.backup(target)
            else:
                source.backup(
                    target,
                    pages=256,
                    progress=lambda _status, remaining, total: progress(total - remaining, total),
                )
            target.execute("PRAGMA journal_mode = DELETE")
        except sqlcipher.Error as error:
            target.close()
            with contextlib.suppress(OSError):
                destination.unlink()
            described = describe_database_error(error, path=destination)
            if isinstance(described, StoreLocationError):  # named for the folder, not the copy
                raise cannot_write from None
            raise described or error from None
        target.close()

    def reopen(self, data_key: bytes) -> None:
        """Close the connection and open the file at :attr:`path` again with ``data_key`` (after
        the file has been replaced by a re-keyed copy). Whatever holds this object keeps it."""
        self.close()
        fresh = Database.open(self.path, data_key)
        self._connection, fresh._connection = fresh._connection, None

    @contextlib.contextmanager
    def file_held_whole(self) -> Iterator[bool]:
        """Hold the store's file whole and unchanged for the block, to be copied as it is: the
        write-ahead log is written into the file first, and the write lock is held until the
        block ends (a save meanwhile waits, as for any other change). Yields whether the file can
        be copied as the whole store: not when another connection still reads an older state,
        which keeps the log from being emptied, nor when it is over 1 GiB (see below)."""
        self._live.execute("PRAGMA busy_timeout = 0")  # a reader in the way: copy otherwise
        try:
            self.checkpoint()
        finally:
            self._live.execute(f"PRAGMA busy_timeout = {BUSY_MILLISECONDS}")
        with self.transaction():
            log = self.path.with_name(self.path.name + "-wal")
            emptied = not log.exists() or log.stat().st_size == 0
            # Windows locks bytes from 1 GiB into the file against other handles: a store that
            # large (some forty years of records) cannot be read as a file while it is open.
            yield emptied and self.path.stat().st_size <= SQLITE_LOCK_BYTES

    def checkpoint(self) -> None:
        if self.holds:  # the file is being copied: the log is written into it afterwards
            return
        with contextlib.suppress(sqlcipher.Error):
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        if self._connection is None:
            return
        for hold in [hold for hold in self.holds if hold.owner is self]:
            hold.ended.set()
            self.holds.remove(hold)
        self.checkpoint()
        self._connection.close()
        self._connection = None
