"""What a backup copies: the store's encrypted file as it is, with every change saved up to the
moment it is made, whether or not another connection is reading an older state meanwhile."""

from __future__ import annotations

from pathlib import Path

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.store.backups import back_up_to, check_backup
from rrdesk.services.store.session import Session
from rrdesk.storage.database import Database

MARKER = "Philippa Copymarker"


def add_case(session: Session, reference: str) -> None:
    with session.db.transaction():
        session.cases.add(Case(reference=reference, children=(Child("Child C", MARKER),)))


def wal_of(session: Session) -> Path:
    return session.path.with_name(session.path.name + "-wal")


def test_a_backup_holds_the_changes_just_saved_and_stays_encrypted(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    add_case(session, "RR-2026-001")
    add_case(session, "RR-2026-002")
    assert wal_of(session).stat().st_size > 0  # saved, not yet written into the store's file
    entries = session.audit.length()

    backup = back_up_to(session, tmp_path / "now.rrbackup")

    checked = check_backup(backup, passphrase, work_folder=tmp_path)
    assert checked.cases == 2
    assert checked.audit_entries == entries  # then the backup itself is recorded
    raw = backup.read_bytes()
    assert MARKER.encode() not in raw
    assert b"SQLite format 3" not in raw
    add_case(session, "RR-2026-003")  # the store is saved to as before
    assert session.cases.get_by_reference("RR-2026-003") is not None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no work files


def test_a_backup_made_while_an_older_state_is_read_elsewhere_is_whole_and_current(
    session: Session, passphrase: str, tmp_path: Path
) -> None:
    add_case(session, "RR-2026-001")
    add_case(session, "RR-2026-002")
    reader = Database.open(session.path, session.key_bytes())
    try:
        pages = reader.query_pages("SELECT reference FROM cases ORDER BY id", rows=1)
        assert next(pages) == [("RR-2026-001",)]  # reading the store as it was then
        add_case(session, "RR-2026-003")
        entries = session.audit.length()

        backup = back_up_to(session, tmp_path / "while-reading.rrbackup")
        pages.close()
    finally:
        reader.close()

    checked = check_backup(backup, passphrase, work_folder=tmp_path)
    assert checked.cases == 3
    assert checked.audit_entries == entries
