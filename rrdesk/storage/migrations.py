"""Numbered, append-only schema migrations, one transaction each.

``PRAGMA user_version`` holds the schema version. Before an existing store is migrated, an
encrypted copy is taken beside it through SQLite's backup API. A store from a newer rrdesk is
refused with a plain message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rrdesk.storage.database import Database
from rrdesk.storage.errors import NOTHING_CHANGED, StoreTooNewError

V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    stage TEXT NOT NULL,
    profile TEXT NOT NULL,
    notification_sent TEXT,
    national_panel_reference TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_stage ON cases(stage);
CREATE INDEX cases_notification ON cases(notification_sent);
CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    pseudonym TEXT NOT NULL,
    real_name TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    details TEXT NOT NULL,
    UNIQUE (case_id, position)
);
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    partner TEXT,
    email TEXT NOT NULL DEFAULT ''
);
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    agency TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    on_panel INTEGER NOT NULL DEFAULT 0,
    voting INTEGER NOT NULL DEFAULT 0,
    substitute_for INTEGER REFERENCES members(id) ON DELETE SET NULL,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE case_documents (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, name)
);
CREATE TABLE exported_documents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (case_id, kind, version)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    os_user TEXT NOT NULL,
    case_id INTEGER,
    entity TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_case ON audit(case_id);
"""

V2 = """
CREATE TABLE signing_identities (
    id INTEGER PRIMARY KEY,
    certificate BLOB NOT NULL,
    private_key BLOB NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retired_at TEXT
);
CREATE TABLE signing_chain (
    identity_id INTEGER NOT NULL REFERENCES signing_identities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    certificate BLOB NOT NULL,
    PRIMARY KEY (identity_id, position)
);
"""
"""The partnership's signing certificates and keys, kept only inside the encrypted store."""

V3 = """
ALTER TABLE members ADD COLUMN executive_for TEXT;
ALTER TABLE members ADD COLUMN executive_deputy INTEGER NOT NULL DEFAULT 0
"""
"""Each statutory partner's executive lead and deputy, who sign off the decision sheet."""

Migration = Callable[[Database], None]


def _script(sql: str) -> Migration:
    def apply(db: Database) -> None:
        for statement in (part.strip() for part in sql.split(";")):
            if statement:
                db.execute(statement)

    return apply


MIGRATIONS: tuple[Migration, ...] = (_script(V1), _script(V2), _script(V3))
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: Database, *, backup_before: Callable[[Path], None] | None = None) -> int:
    """Bring ``db`` up to :data:`SCHEMA_VERSION`; returns how many migrations ran."""
    current = db.user_version
    if current > SCHEMA_VERSION:
        raise StoreTooNewError(
            f"This store was made by a newer version of rrdesk (schema {current}; this version "
            f"knows up to {SCHEMA_VERSION}). Install the newer rrdesk to open it. {NOTHING_CHANGED}"
        )
    if current == SCHEMA_VERSION:
        return 0
    if current > 0 and backup_before is not None:
        backup_before(db.path.with_name(f"{db.path.name}.before-schema-{SCHEMA_VERSION}"))
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with db.transaction():
            MIGRATIONS[version - 1](db)
            db.set_user_version(version)
    return SCHEMA_VERSION - current
