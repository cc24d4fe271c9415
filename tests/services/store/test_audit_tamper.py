"""The red team's audit-trail attacks, made with the passphrase: each is found, and a store from
before the keyed trail is re-sealed once."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.domain.cases.audit import GENESIS, AuditEntry, unkeyed_entry_hash
from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.audit_repository import RESEALED
from rrdesk.storage.database import Database
from rrdesk.storage.errors import TamperedError
from rrdesk.storage.keys import key_file


def _with_changes(session: Session, count: int) -> bytes:
    for number in range(1, count + 1):
        with session.db.transaction():
            session.cases.add(Case(f"RR-2026-{number:03}", (Child(f"Child {number}"),)))
            session.record("case", "Created the case", detail={"note": str(number)})
    key = session.key_bytes()
    session.close()
    return key


def _audit_verify(store: Path, tmp_path: Path, passphrase: str) -> tuple[int, str]:
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(passphrase, encoding="utf-8")
    out = io.StringIO()
    code = main(
        ["audit", "verify", "--store", str(store), "--passphrase-file", str(passphrase_file)], out
    )
    return code, out.getvalue()


def test_the_whole_trail_verifies(new_store, store_path: Path, passphrase: str, tmp_path) -> None:
    _with_changes(new_store.session, 6)
    assert _audit_verify(store_path, tmp_path, passphrase) == (
        0,
        "The audit trail is whole: 7 entries checked.\n",
    )


def test_removing_the_last_entries_and_their_anchors_is_found(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    key = _with_changes(new_store.session, 6)
    db = Database.open(store_path, key)
    with db.transaction():
        db.execute("DELETE FROM audit WHERE id > 2")
        db.execute("DELETE FROM meta WHERE key IN ('audit_head', 'audit_count')")
    db.close()

    code, text = _audit_verify(store_path, tmp_path, passphrase)

    assert code == 1
    assert "should hold at least 7 entries but holds 2" in text
    with pytest.raises(TamperedError, match="does not match its key file"):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_trail_rebuilt_with_plain_hashes_is_found(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    key = _with_changes(new_store.session, 3)
    db = Database.open(store_path, key)
    rows = db.query("SELECT id, at, actor, os_user, case_id, entity, action, detail FROM audit")
    previous = GENESIS
    with db.transaction():
        for row in rows:
            entry = AuditEntry(*row[1:7], json.loads(row[7]))
            sealed = unkeyed_entry_hash(entry, previous)
            db.execute(
                "UPDATE audit SET previous_hash = ?, hash = ? WHERE id = ?",
                (previous, sealed, row[0]),
            )
            previous = sealed
    db.close()

    code, text = _audit_verify(store_path, tmp_path, passphrase)

    assert code == 1
    assert "this entry was changed after it was written" in text or "does not match" in text


@pytest.mark.parametrize(
    "planted",
    [
        pytest.param(
            "CREATE TRIGGER quiet BEFORE INSERT ON audit WHEN NEW.case_id = 1 "
            "BEGIN SELECT RAISE(IGNORE); END",
            id="a trigger silencing one case's audit entries",
        ),
        pytest.param("CREATE VIEW recent AS SELECT * FROM audit", id="a view"),
        pytest.param("CREATE INDEX audit_actor ON audit(actor)", id="an index"),
        pytest.param("CREATE TABLE notes (body TEXT)", id="a table"),
    ],
)
def test_anything_planted_in_the_schema_refuses_to_open(
    new_store, store_path: Path, passphrase: str, planted: str
) -> None:
    key = _with_changes(new_store.session, 1)
    db = Database.open(store_path, key)
    with db.transaction():
        db.execute(planted)
    db.close()
    name = planted.split()[2] if "TRIGGER" not in planted else "quiet"

    with pytest.raises(TamperedError) as refused:
        store_access.unlock_with_passphrase(store_path, passphrase)

    assert "has been changed outside rrdesk" in refused.value.message
    assert name in refused.value.message


def test_a_missing_table_refuses_to_open(new_store, store_path: Path, passphrase: str) -> None:
    key = _with_changes(new_store.session, 1)
    db = Database.open(store_path, key)
    with db.transaction():
        db.execute("DROP TABLE case_documents")
    db.close()
    with pytest.raises(TamperedError, match="missing: table case_documents"):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_key_file_with_its_anchor_changed_refuses_to_open(
    new_store, store_path: Path, passphrase: str
) -> None:
    _with_changes(new_store.session, 2)
    keys = key_file.slot_file_for(store_path)
    body = json.loads(keys.read_bytes())
    body["audit"]["count"] = 1
    keys.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(TamperedError, match="its seal does not match"):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_key_file_without_its_anchor_refuses_to_open(
    new_store, store_path: Path, passphrase: str
) -> None:
    _with_changes(new_store.session, 2)
    keys = key_file.slot_file_for(store_path)
    body = json.loads(keys.read_bytes())
    del body["audit"], body["mac"]
    body["version"] = 1
    keys.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(TamperedError, match="has no record of the audit trail"):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_store_ahead_of_its_anchor_opens_and_is_anchored(
    new_store, store_path: Path, passphrase: str
) -> None:
    """rrdesk stopped after saving a change but before the key file was rewritten."""
    keys = key_file.slot_file_for(store_path)
    before = keys.read_bytes()
    _with_changes(new_store.session, 2)
    keys.write_bytes(before)

    session = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert session.audit.verify() == (3, None)
    finally:
        session.close()
    assert key_file.read_slots(store_path).anchor.count == 3  # type: ignore[union-attr]


def test_a_store_from_before_the_keyed_trail_is_sealed_once(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """As rrdesk wrote it before: plain SHA-256 seals, the anchors in ``meta``, a version 1 key
    file and schema version 3."""
    key = _with_changes(new_store.session, 2)
    db = Database.open(store_path, key)
    rows = db.query("SELECT id, at, actor, os_user, case_id, entity, action, detail FROM audit")
    previous = GENESIS
    with db.transaction():
        for row in rows:
            entry = AuditEntry(*row[1:7], json.loads(row[7]))
            sealed = unkeyed_entry_hash(entry, previous)
            db.execute(
                "UPDATE audit SET previous_hash = ?, hash = ? WHERE id = ?",
                (previous, sealed, row[0]),
            )
            previous = sealed
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('audit_head', ?), ('audit_count', '3')",
            (previous,),
        )
        db.set_user_version(3)
    db.close()
    slots = key_file.read_slots(store_path)
    key_file.write_slots(store_path, replace(slots, anchor=None, mac=b""))

    session = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert session.audit.verify() == (4, None)
        last = session.audit.latest()
        assert last is not None
        assert (last.action, last.detail["note"]) == (RESEALED, "the trail was whole")
    finally:
        session.close()
    assert json.loads(key_file.slot_file_for(store_path).read_bytes())["audit"]["count"] == 4
    assert _audit_verify(store_path, tmp_path, passphrase)[0] == 0
    # Sealed once: opening again leaves it as it is.
    session = store_access.unlock_with_passphrase(store_path, passphrase)
    assert session.audit.verify() == (4, None)
    session.close()
