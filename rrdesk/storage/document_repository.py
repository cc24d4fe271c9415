"""Case documents kept as JSON (meeting record, agency forms, requests, sign-off) and the frozen
bytes of exported documents, every version kept."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rrdesk.storage.database import Database


@dataclass(frozen=True)
class ExportedDocument:
    document_id: int
    case_id: int | None
    kind: str
    version: int
    note: str
    created_at: str
    body: bytes


class DocumentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, case_id: int, kind: str, name: str = "") -> dict[str, Any] | None:
        row = self._db.query_one(
            "SELECT body FROM case_documents WHERE case_id = ? AND kind = ? AND name = ?",
            (case_id, kind, name),
        )
        return None if row is None else dict(json.loads(str(row[0])))

    def values_at(self, kind: str, path: str) -> dict[int, Any]:
        """One value from every case's document of ``kind`` (the one without a name), by case:
        the part at the JSON ``path`` (``$.learning.theme_keys``, say), read by SQLite without
        decoding the rest. Cases whose document has nothing there are left out."""
        rows = self._db.query(
            "SELECT case_id, body -> ? FROM case_documents WHERE kind = ? AND name = ''",
            (path, kind),
        )
        return {int(row[0]): json.loads(str(row[1])) for row in rows if row[1] is not None}

    def names(self, case_id: int, kind: str) -> list[str]:
        rows = self._db.query(
            "SELECT name FROM case_documents WHERE case_id = ? AND kind = ? ORDER BY name",
            (case_id, kind),
        )
        return [str(row[0]) for row in rows]

    def put(self, case_id: int, kind: str, body: dict[str, Any], name: str = "") -> None:
        self._db.execute(
            "INSERT INTO case_documents (case_id, kind, name, body, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(case_id, kind, name)"
            " DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            (
                case_id,
                kind,
                name,
                json.dumps(body, ensure_ascii=False),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def delete(self, case_id: int, kind: str, name: str = "") -> None:
        self._db.execute(
            "DELETE FROM case_documents WHERE case_id = ? AND kind = ? AND name = ?",
            (case_id, kind, name),
        )

    def add_export(
        self,
        case_id: int | None,
        kind: str,
        body: bytes,
        note: str,
        made_at: datetime | None = None,
    ) -> ExportedDocument:
        """Keep ``body`` as the kind's next version, made at ``made_at`` (now if not given)."""
        row = self._db.query_one(
            "SELECT coalesce(max(version), 0) FROM exported_documents"
            " WHERE case_id IS ? AND kind = ?",
            (case_id, kind),
        )
        version = (0 if row is None else int(row[0])) + 1
        created = (made_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
        cursor = self._db.execute(
            "INSERT INTO exported_documents (case_id, kind, version, note, created_at, body)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (case_id, kind, version, note, created, body),
        )
        return ExportedDocument(int(cursor.lastrowid), case_id, kind, version, note, created, body)

    def exports(self, case_id: int | None, kind: str) -> list[ExportedDocument]:
        rows = self._db.query(
            "SELECT id, case_id, kind, version, note, created_at, body FROM exported_documents"
            " WHERE case_id IS ? AND kind = ? ORDER BY version",
            (case_id, kind),
        )
        return [
            ExportedDocument(
                int(r[0]), r[1], str(r[2]), int(r[3]), str(r[4]), str(r[5]), bytes(r[6])
            )
            for r in rows
        ]
