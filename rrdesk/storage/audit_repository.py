"""The audit trail: append-only, hash-chained, with the chain's head kept in ``meta``."""

from __future__ import annotations

import json
from dataclasses import replace

from rrdesk.domain.cases.audit import (
    GENESIS,
    AuditEntry,
    ChainBreak,
    entry_hash,
    first_broken_entry,
)
from rrdesk.storage.database import Database

_HEAD = "audit_head"
_COUNT = "audit_count"
_COLUMNS = "id, at, actor, os_user, case_id, entity, action, detail, previous_hash, hash"


def _entry(row: tuple[object, ...]) -> AuditEntry:
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


class AuditRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _meta(self, key: str) -> str | None:
        row = self._db.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def append(self, entry: AuditEntry) -> AuditEntry:
        """Seal ``entry`` onto the chain (call inside the transaction that made the change)."""
        previous = self._meta(_HEAD) or GENESIS
        count = int(self._meta(_COUNT) or 0)
        sealed = replace(entry, previous_hash=previous, hash=entry_hash(entry, previous))
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
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (_HEAD, sealed.hash, _COUNT, str(count + 1)),
        )
        return replace(sealed, entry_id=int(cursor.lastrowid))

    def entries(self, case_id: int | None = None) -> list[AuditEntry]:
        if case_id is None:
            rows = self._db.query(f"SELECT {_COLUMNS} FROM audit ORDER BY id")
        else:
            rows = self._db.query(
                f"SELECT {_COLUMNS} FROM audit WHERE case_id = ? ORDER BY id", (case_id,)
            )
        return [_entry(row) for row in rows]

    def latest(self) -> AuditEntry | None:
        """The newest entry: the last change made to the store."""
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM audit ORDER BY id DESC LIMIT 1")
        return None if row is None else _entry(row)

    def verify(self) -> tuple[int, ChainBreak | None]:
        """How many entries were checked, and the first break if there is one."""
        entries = self.entries()
        count = self._meta(_COUNT)
        return len(entries), first_broken_entry(
            entries,
            expected_count=None if count is None else int(count),
            expected_head=self._meta(_HEAD) or "",
        )
