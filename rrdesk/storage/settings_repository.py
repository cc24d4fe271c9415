"""Small named values kept in the store: partnership name, profile, imported calendar, settings."""

from __future__ import annotations

from rrdesk.storage.database import Database


class SettingsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str = "") -> str:
        row = self._db.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return default if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
