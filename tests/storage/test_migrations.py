"""Numbered migrations: one transaction each, a copy taken first, a failed one changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.store import store_access
from rrdesk.storage import migrations
from rrdesk.storage.database import Database


def _add_column(db: Database) -> None:
    db.execute("ALTER TABLE cases ADD COLUMN extra TEXT NOT NULL DEFAULT ''")


def _broken(db: Database) -> None:
    db.execute("ALTER TABLE cases ADD COLUMN half_done TEXT")
    raise RuntimeError("migration bug")


def test_migration_copies_store_first(
    new_store, store_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = new_store.session
    with session.db.transaction():
        session.cases.add(Case("RR-2026-001", (Child("Child A"),)))
    session.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, _add_column))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    upgraded = store_access.unlock_with_passphrase(store_path, passphrase)
    assert upgraded.db.user_version == migrations.SCHEMA_VERSION
    assert upgraded.db.query("SELECT extra FROM cases") == [("",)]
    key = upgraded.key_bytes()
    upgraded.close()
    copy = store_path.with_name(f"{store_path.name}.before-schema-{migrations.SCHEMA_VERSION}")
    assert copy.exists()
    old = Database.open(copy, key)
    assert old.user_version == migrations.SCHEMA_VERSION - 1
    assert old.query("SELECT reference FROM cases") == [("RR-2026-001",)]
    old.close()


def test_failed_migration_changes_nothing(
    new_store, store_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_store.session.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, _broken))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    with pytest.raises(RuntimeError, match="migration bug"):
        store_access.unlock_with_passphrase(store_path, passphrase)
    monkeypatch.undo()
    session = store_access.unlock_with_passphrase(store_path, passphrase)
    assert session.db.user_version == migrations.SCHEMA_VERSION
    columns = [row[1] for row in session.db.query("PRAGMA table_info(cases)")]
    assert "half_done" not in columns
    session.close()
