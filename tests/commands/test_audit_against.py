"""rrdesk audit verify --against BACKUP: a backup kept elsewhere proves entries removed or
rewritten since it was made, even when the key file was resealed to match."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import back_up_to
from rrdesk.storage.audit_repository import current_anchor
from rrdesk.storage.database import Database
from rrdesk.storage.keys import key_file


def _verify(store: Path, phrase: Path, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    arguments = ["audit", "verify", "--store", str(store), "--passphrase-file", str(phrase)]
    return main([*arguments, *extra], out=out), out.getvalue()


@pytest.fixture
def phrase(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "p.txt"
    path.write_text(passphrase, encoding="utf-8")
    return path


@pytest.fixture
def backup(session, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    for number in range(3):
        with session.db.transaction():
            session.record("store", f"Change {number}")
    made = back_up_to(session, tmp_path / "kept-elsewhere.rrbackup")
    with session.db.transaction():
        session.record("store", "A change after the backup")
    return made


def test_a_trail_holding_what_the_backup_recorded_passes(
    session, store_path: Path, phrase: Path, backup: Path
) -> None:
    session.close()
    code, text = _verify(store_path, phrase, "--against", str(backup))
    assert code == 0, text
    assert text.splitlines()[1].startswith(
        f"It holds every entry the backup {backup.name} recorded (made on "
    )


def test_entries_removed_and_the_key_file_resealed_are_found_by_the_backup(
    session, store_path: Path, phrase: Path, backup: Path
) -> None:
    key = session.key_bytes()
    session.close()
    db = Database.open(store_path, key)  # someone with the key
    with db.transaction():
        db.execute("DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit)")
    key_file.write_slots(
        store_path, key_file.seal(key_file.read_slots(store_path), key, current_anchor(db))
    )
    db.close()
    assert _verify(store_path, phrase)[0] == 0  # the store and its key file agree
    code, text = _verify(store_path, phrase, "--against", str(backup))
    assert code == 1
    assert text.startswith(f"The audit trail does not hold what the backup {backup.name} (made ")
    assert "Entries have been removed or rewritten since the backup was made." in text


def test_a_change_of_passphrase_keeps_old_backups_good_for_the_check(
    session, store_path: Path, tmp_path: Path, backup: Path
) -> None:
    store_access.change_passphrase(session, "a brand new long passphrase")
    session.close()
    new = tmp_path / "new.txt"
    new.write_text("a brand new long passphrase", encoding="utf-8")
    code, text = _verify(store_path, new, "--against", str(backup))
    assert code == 0, text


def test_a_pdf_or_another_stores_backup_is_refused_in_one_line(
    session,
    store_path: Path,
    phrase: Path,
    tmp_path: Path,
    others_backup: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session.close()
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert _verify(store_path, phrase, "--against", str(pdf))[0] == 2
    assert "only a backup (.rrbackup) records the audit trail" in capsys.readouterr().err
    assert _verify(store_path, phrase, "--against", str(others_backup))[0] == 2
    err = capsys.readouterr().err
    assert "is a backup of another store" in err
    assert len(err.splitlines()) == 1
