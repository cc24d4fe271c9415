"""The signing identity table: migration 2 on an older store, replacing, the chain kept in order."""

from __future__ import annotations

from pathlib import Path

from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.storage.migrations import SCHEMA_VERSION
from rrdesk.storage.secret_repository import SecretRepository
from tests.changed_stores import changed_as_an_earlier_rrdesk_left_it


def test_a_store_from_before_signing_gains_the_tables(
    new_store, store_path: Path, passphrase: str
) -> None:
    with changed_as_an_earlier_rrdesk_left_it(new_store.session, store_path) as db:
        db.execute("DROP TABLE signing_chain")
        db.execute("DROP TABLE signing_identities")
        db.execute("ALTER TABLE members DROP COLUMN executive_for")
        db.execute("ALTER TABLE members DROP COLUMN executive_deputy")
        db.set_user_version(1)

    upgraded = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert upgraded.db.user_version == SCHEMA_VERSION
        assert SecretRepository(upgraded.db).current() is None
    finally:
        upgraded.close()
    assert store_path.with_name(f"{store_path.name}.before-schema-{SCHEMA_VERSION}").exists()


def test_replace_retires_the_old_identity_and_wipes_its_key(session: Session) -> None:
    secrets = SecretRepository(session.db)
    with session.db.transaction():
        first = secrets.replace(b"cert-1", b"key-1", (), "created")
    with session.db.transaction():
        second = secrets.replace(b"cert-2", b"key-2", (b"intermediate", b"root"), "imported")
    current = secrets.current()
    assert current is not None
    assert (current.certificate_der, current.private_key_der) == (b"cert-2", b"key-2")
    assert current.chain_der == (b"intermediate", b"root")
    assert current.identity_id == second.identity_id
    everything = secrets.all_certificates()
    assert [i.certificate_der for i in everything] == [b"cert-2", b"cert-1"]
    retired = everything[1]
    assert retired.identity_id == first.identity_id
    assert retired.private_key_der == b""
    assert retired.retired_at is not None
