"""Migration 3: a store from before executives keeps its people and gains their executive posts."""

from __future__ import annotations

from pathlib import Path

from rrdesk.domain.cases.directory import Member, StatutoryPartner
from rrdesk.services.cases.case_service import DirectoryService
from rrdesk.services.store import store_access
from rrdesk.storage.migrations import SCHEMA_VERSION
from tests.changed_stores import changed_as_an_earlier_rrdesk_left_it


def test_a_store_from_before_executives_keeps_its_people(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    DirectoryService(session).save_member(Member("Harriet Vale", "Northmoor Council", "Chair"))
    with changed_as_an_earlier_rrdesk_left_it(session, store_path) as db:
        db.execute("ALTER TABLE members DROP COLUMN executive_for")
        db.execute("ALTER TABLE members DROP COLUMN executive_deputy")
        db.set_user_version(2)

    upgraded = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert upgraded.db.user_version == SCHEMA_VERSION
        (kept,) = upgraded.directory.members()
        assert (kept.name, kept.role, kept.executive_for) == ("Harriet Vale", "Chair", None)
        DirectoryService(upgraded).save_member(
            Member(
                "Morwenna Tregear",
                "Northmoor Council",
                "Director of Children's Services",
                email="morwenna@northmoor.example",
                executive_for=StatutoryPartner.LOCAL_AUTHORITY,
            )
        )
        executive = next(m for m in upgraded.directory.members() if m.name == "Morwenna Tregear")
        assert executive.executive_for is StatutoryPartner.LOCAL_AUTHORITY
        assert not executive.executive_deputy
    finally:
        upgraded.close()
    assert store_path.with_name(f"{store_path.name}.before-schema-{SCHEMA_VERSION}").exists()
