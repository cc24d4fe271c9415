"""The audit trail: append-only, each entry sealed with an HMAC over the one before it.

The seal's key is derived from the store's first data key (:func:`audit_key`) and kept in the
store once the data key changes (:func:`chain_key`). The chain's head and
length are kept outside the store, in the sealed key file: the session gives this repository the
anchor it holds and is told, once each change is committed, to write the new one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

from rrdesk.domain.cases.audit import (
    GENESIS,
    AuditAnchor,
    AuditEntry,
    ChainBreak,
    entry_hash,
    first_broken_entry,
    unkeyed_entry_hash,
)
from rrdesk.storage.database import Database

_COLUMNS = "id, at, actor, os_user, case_id, entity, action, detail, previous_hash, hash"
RESEALED = "Sealed the audit trail with the store's key"


CHAIN_KEY = "audit_chain_key"


def audit_key(data_key: bytes, store_id: str) -> bytes:
    """The key a new chain is sealed with: derived from the store's first data key."""
    return hmac.new(data_key, b"rrdesk audit chain:" + store_id.encode(), hashlib.sha256).digest()


def chain_key(db: Database, data_key: bytes, store_id: str) -> bytes:
    """The key this store's chain is sealed with. When the data key changes, the chain's key is
    kept in the store (:func:`keep_chain_key`), so the chain is not sealed afresh and the heads
    recorded outside it (on signed sheets, in backups) still match; it is read only with the
    data key, as the derived one was."""
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (CHAIN_KEY,))
    if row is None:
        return audit_key(data_key, store_id)
    return bytes.fromhex(str(row[0]))


def keep_chain_key(db: Database, key: bytes) -> None:
    """Keep the chain's key in the store before its data key changes (call in a transaction)."""
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (CHAIN_KEY, key.hex()))


_PAGE_ROWS = 5000


def _entry(row: tuple[object, ...]) -> AuditEntry:
    # Each value is made the type the schema gives it, so a value of another type put in by
    # hand reads as a changed entry rather than stopping the check.
    return AuditEntry(
        entry_id=int(str(row[0])),
        at=str(row[1]),
        actor=str(row[2]),
        os_user=str(row[3]),
        case_id=None if row[4] is None else int(str(row[4])),
        entity=str(row[5]),
        action=str(row[6]),
        detail=json.loads(str(row[7])),
        previous_hash=str(row[8]),
        hash=str(row[9]),
    )


def _all_entries(db: Database) -> list[AuditEntry]:
    return [_entry(row) for row in db.query(f"SELECT {_COLUMNS} FROM audit ORDER BY id")]


Progress = Callable[[int, int], None]
"""Told how many entries have been checked, and of how many."""


def _check_chain(
    db: Database, key: bytes, anchor: AuditAnchor | None, progress: Progress | None = None
) -> tuple[int, ChainBreak | None]:
    """Check the whole chain, reading it a page at a time (half a million entries after ten
    years are never held at once); ``progress`` is told after each page. Returns how many
    entries were read, and the first break if there is one."""
    total = current_anchor(db).count if progress is not None else 0
    read = 0

    def stream() -> Iterator[AuditEntry]:
        nonlocal read
        for page in db.query_pages(f"SELECT {_COLUMNS} FROM audit ORDER BY id", rows=_PAGE_ROWS):
            for row in page:
                read += 1
                yield _entry(row)
            if progress is not None:
                progress(read, max(total, read))

    broken = first_broken_entry(stream(), key=key, anchor=anchor)
    return read, broken


def current_anchor(db: Database) -> AuditAnchor:
    """The chain's head and length as the store holds them now."""
    row = db.query_one(
        "SELECT hash, (SELECT count(*) FROM audit) FROM audit ORDER BY id DESC LIMIT 1"
    )
    return AuditAnchor() if row is None else AuditAnchor(str(row[0]), int(row[1]))


class AuditRepository:
    def __init__(
        self,
        db: Database,
        key: bytes,
        anchor: Callable[[], AuditAnchor | None],
        changed: Callable[[], None],
        *,
        reader: Callable[[], Database] | None = None,
    ) -> None:
        """``reader`` opens another connection to the same store, for :meth:`checker`; without
        one (a command run on one thread) the check reads on ``db``."""
        self._db = db
        self._key = key
        self._anchor = anchor
        self._changed = changed
        self._reader = reader

    def append(self, entry: AuditEntry) -> AuditEntry:
        """Seal ``entry`` onto the chain (call inside the transaction that made the change)."""
        previous = current_anchor(self._db).head
        sealed = replace(entry, previous_hash=previous, hash=entry_hash(entry, previous, self._key))
        cursor = self._db.execute(
            "INSERT INTO audit (at, actor, os_user, case_id, entity, action, detail,"
            " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sealed.at,
                sealed.actor,
                sealed.os_user,
                sealed.case_id,
                sealed.entity,
                sealed.action,
                json.dumps(dict(sealed.detail), ensure_ascii=False),
                sealed.previous_hash,
                sealed.hash,
            ),
        )
        self._db.after_commit(self._changed)
        return replace(sealed, entry_id=int(cursor.lastrowid))

    def entries(self, case_id: int | None = None) -> list[AuditEntry]:
        if case_id is None:
            return _all_entries(self._db)
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM audit WHERE case_id = ? ORDER BY id", (case_id,)
        )
        return [_entry(row) for row in rows]

    def entries_page(
        self, before_id: int | None, limit: int, case_id: int | None = None
    ) -> list[AuditEntry]:
        """Up to ``limit`` entries, newest first, all older than the entry ``before_id`` (the
        newest when it is ``None``): the trail (or one case's history, by ``case_id``) a page at
        a time, however long it grows."""
        clauses, parameters = [], []
        if case_id is not None:
            clauses.append("case_id = ?")
            parameters.append(case_id)
        if before_id is not None:
            clauses.append("id < ?")
            parameters.append(before_id)
        where = f"WHERE {' AND '.join(clauses)} " if clauses else ""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM audit {where}ORDER BY id DESC LIMIT ?", (*parameters, limit)
        )
        return [_entry(row) for row in rows]

    def latest(self) -> AuditEntry | None:
        """The newest entry: the last change made to the store."""
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM audit ORDER BY id DESC LIMIT 1")
        return None if row is None else _entry(row)

    def current_anchor(self) -> AuditAnchor:
        return current_anchor(self._db)

    def length(self, case_id: int | None = None) -> int:
        """How many entries the trail holds (about one case, by ``case_id``)."""
        if case_id is not None:
            row = self._db.query_one("SELECT count(*) FROM audit WHERE case_id = ?", (case_id,))
            return 0 if row is None else int(row[0])
        row = self._db.query_one("SELECT count(*) FROM audit")
        return 0 if row is None else int(row[0])

    def hash_at(self, position: int) -> str:
        """The seal of the entry at ``position`` in the trail (from 1), or "" past its end.

        Entries are added with the next id and never removed, so while the ids run without a
        gap the entry at a position is the one with that id from the first: found at once.
        Otherwise (ids changed by hand) it is found by counting along the trail, which reads
        all of it."""
        first, last, length = self._db.query_one(
            "SELECT (SELECT min(id) FROM audit), (SELECT max(id) FROM audit),"
            " (SELECT count(*) FROM audit)"
        ) or (None, None, 0)
        if first is not None and int(last) - int(first) + 1 == int(length):
            row = self._db.query_one(
                "SELECT hash FROM audit WHERE id = ?", (int(first) + max(position, 1) - 1,)
            )
        else:
            row = self._db.query_one(
                "SELECT hash FROM audit ORDER BY id LIMIT 1 OFFSET ?", (max(position - 1, 0),)
            )
        return "" if row is None else str(row[0])

    def verify(self, progress: Progress | None = None) -> tuple[int, ChainBreak | None]:
        """How many entries were checked, and the first break if there is one (a missing
        anchor is a break). The trail is read a page at a time; ``progress`` is told after
        each."""
        return _check_chain(self._db, self._key, self._anchor(), progress)

    def checker(self) -> Callable[[Progress], tuple[int, ChainBreak | None]]:
        """:meth:`verify` to run on a worker thread. It reads on a connection of its own, opened
        now, so locking the store (which closes the session's connection) cannot pull the rows
        from under it; and it checks against the anchor as it is now, so a change saved while
        it reads is not taken for a break."""
        self._db.query_one("SELECT 1")  # a locked store says so here, before any is opened
        anchor = self._anchor()
        key = self._key
        db = self._db if self._reader is None else self._reader()

        def check(progress: Progress) -> tuple[int, ChainBreak | None]:
            try:
                return _check_chain(db, key, anchor, progress)
            finally:
                if db is not self._db:
                    db.close()

        return check


def reseal_chain(db: Database, *, key: bytes) -> bool:
    """Migration: seal a chain written before it was keyed with ``key``; True if it did.

    A chain already sealed with ``key`` is left as it is. Otherwise every entry is sealed afresh
    in order, and an entry is added saying so and whether the old chain was whole, so a break
    made before the re-sealing stays on the record.
    """
    entries = _all_entries(db)
    if first_broken_entry(entries, key=key, anchor=AuditAnchor(*_head(entries))) is None:
        return False
    whole = _legacy_whole(db, entries)
    previous = GENESIS
    for entry in entries:
        sealed = entry_hash(entry, previous, key)
        db.execute(
            "UPDATE audit SET previous_hash = ?, hash = ? WHERE id = ?",
            (previous, sealed, entry.entry_id),
        )
        previous = sealed
    db.execute("DELETE FROM meta WHERE key IN ('audit_head', 'audit_count')")
    note = "the trail was whole" if whole else "the trail was already broken before this"
    at = datetime.now(UTC).isoformat(timespec="seconds")
    last = AuditEntry(at, "rrdesk", "", None, "store", RESEALED, {"note": note})
    db.execute(
        "INSERT INTO audit (at, actor, os_user, case_id, entity, action, detail,"
        " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            last.at,
            last.actor,
            last.os_user,
            None,
            last.entity,
            last.action,
            json.dumps(dict(last.detail)),
            previous,
            entry_hash(last, previous, key),
        ),
    )
    return True


def _head(entries: list[AuditEntry]) -> tuple[str, int]:
    return (entries[-1].hash if entries else GENESIS), len(entries)


def _legacy_whole(db: Database, entries: list[AuditEntry]) -> bool:
    """Whether a chain from before keying holds under its old, unkeyed seals and meta anchors."""
    previous = GENESIS
    for entry in entries:
        if entry.previous_hash != previous or unkeyed_entry_hash(entry, previous) != entry.hash:
            return False
        previous = entry.hash
    meta: dict[object, object] = dict(
        db.query("SELECT key, value FROM meta WHERE key IN ('audit_head', 'audit_count')")
    )
    return meta.get("audit_head") == previous and meta.get("audit_count") == str(len(entries))
