"""Numbered, append-only schema migrations, one transaction each.

``PRAGMA user_version`` holds the schema version. Before an existing store is migrated, an
encrypted copy is taken beside it through SQLite's backup API. A store from a newer rrdesk is
refused with a plain message. On every open the store's schema (tables, indexes, triggers and
views) is compared with the one its migrations make (:func:`check_schema`): anything extra or
missing is refused, so nothing planted in the store (a trigger that silences the audit trail)
goes unnoticed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from rrdesk.storage.audit_repository import reseal_chain
from rrdesk.storage.database import Database
from rrdesk.storage.errors import NOTHING_CHANGED, StoreTooNewError, TamperedError

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


def _reseal_audit(db: Database) -> None:
    """Migration 4: the audit chain sealed with a key derived from the data key. The key is not
    the migration's to know: :func:`migrate` runs :func:`reseal_chain` with it in its place."""
    raise AssertionError("run by migrate with the audit key")  # pragma: no cover


def new_request_id() -> str:
    """A request identifier for an agency's check form: ``RQ-`` and eight letters and digits."""
    import secrets

    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "RQ-" + "".join(secrets.choice(alphabet) for _ in range(8))


def _agency_request_ids(db: Database) -> None:
    """Migration 5: every agency's request is given a stable identifier, which the Word form
    carries so a returned form is matched to its request. Nothing else in a request changes."""
    import json

    rows = db.query("SELECT case_id, name, body FROM case_documents WHERE kind = 'agency_requests'")
    for case_id, name, body in rows:
        data = json.loads(str(body))
        requests = data.get("requests") if isinstance(data, dict) else None
        if not isinstance(requests, list):
            continue
        changed = False
        for request in requests:
            if isinstance(request, dict) and not request.get("request_id"):
                request["request_id"] = new_request_id()
                changed = True
        if changed:
            db.execute(
                "UPDATE case_documents SET body = ? WHERE case_id = ? AND kind = ? AND name = ?",
                (json.dumps(data, ensure_ascii=False), case_id, "agency_requests", name),
            )


MIGRATIONS: tuple[Migration, ...] = (
    _script(V1),
    _script(V2),
    _script(V3),
    _reseal_audit,
    _agency_request_ids,
)
SCHEMA_VERSION = len(MIGRATIONS)
KEYED_AUDIT_VERSION = MIGRATIONS.index(_reseal_audit) + 1
"""From this schema version on, the audit chain is keyed and anchored in the key file."""


def migrate(
    db: Database,
    *,
    audit_key: bytes,
    backup_before: Callable[[Path], None] | None = None,
) -> int:
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
        step = MIGRATIONS[version - 1]
        with db.transaction():
            if step is _reseal_audit:
                reseal_chain(db, key=audit_key)
            else:
                step(db)
            db.set_user_version(version)
    return SCHEMA_VERSION - current


SchemaItem = tuple[str, str, str]


def _schema(db: Database) -> set[SchemaItem]:
    rows = db.query("SELECT type, name, coalesce(sql, '') FROM sqlite_master")
    return {(str(t), str(name), re.sub(r"\s+", "", str(sql)).lower()) for t, name, sql in rows}


@functools.cache
def expected_schema(version: int = SCHEMA_VERSION) -> frozenset[SchemaItem]:
    """The schema migrations 1 to ``version`` make, worked out in memory."""
    db = Database.in_memory()
    try:
        for number, step in enumerate(MIGRATIONS[:version], start=1):
            with db.transaction():
                if step is _reseal_audit:
                    reseal_chain(db, key=bytes(32))
                else:
                    step(db)
                db.set_user_version(number)
        return frozenset(_schema(db))
    finally:
        db.close()


def _named(items: set[SchemaItem]) -> list[str]:
    """Items as a person can read them, leaving out SQLite's own indexes where others differ."""
    names = sorted(f"{kind} {name}" for kind, name, _sql in items)
    own = [name for name in names if not name.startswith("index sqlite_autoindex_")]
    return own or names


def check_schema(db: Database, *, what: str = "store", name: str = "") -> None:
    """Refuse a store whose tables, indexes, triggers or views are not the ones rrdesk made.
    ``what`` and ``name`` say what the person chose (a backup is checked in a work file)."""
    found = _schema(db)
    expected = expected_schema(min(db.user_version, SCHEMA_VERSION))
    extra = _named(found - expected)
    missing = _named({item for item in expected - found if item[:2] not in {f[:2] for f in found}})
    if extra or missing:
        told = "; ".join(
            part
            for part in (
                f"not made by rrdesk or changed: {', '.join(extra)}" if extra else "",
                f"missing: {', '.join(missing)}" if missing else "",
            )
            if part
        )
        advice = "Use another backup." if what == "backup" else "Restore it from a backup."
        raise TamperedError(
            f"The {what} {name or db.path.name} has been changed outside rrdesk ({told}). "
            f"{advice} {NOTHING_CHANGED}"
        )
