"""Encrypted backups and restore: one file, same passphrase, checked before anything changes."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import (
    CurrentPassphraseNeeded,
    back_up_to,
    check_backup,
    keep_count,
    last_rolling_backup,
    make_rolling_backup,
    restore_backup,
    rolling_backup_due,
    rolling_backups,
    set_keep_count,
    unchanged_since_rolling_backup,
)
from rrdesk.storage.backup_file import BackupFileError, read_header
from rrdesk.storage.errors import (
    StoreError,
    StoreInUseError,
    StoreLocationError,
    WrongSecretError,
)
from rrdesk.storage.keys import key_file, rotation

MARKER = "Ottoline Backupmarker"
NOW = datetime(2026, 11, 22, 9, 30, 0)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _add_case(session, reference: str) -> None:  # type: ignore[no-untyped-def]
    with session.db.transaction():
        session.cases.add(Case(reference=reference, children=(Child("Child B", real_name=MARKER),)))


@pytest.fixture
def backup(session, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    _add_case(session, "RR-2026-001")
    folder = tmp_path / "chosen"
    folder.mkdir()
    return back_up_to(session, folder / "copy.rrbackup")


def test_backup_is_one_encrypted_file(backup: Path, session) -> None:  # type: ignore[no-untyped-def]
    raw = backup.read_bytes()
    assert raw.startswith(b"RRDBKUP\x00")
    assert MARKER.encode() not in raw
    assert MARKER.encode("utf-16-le") not in raw
    assert b"SQLite format 3" not in raw
    assert [p.name for p in backup.parent.iterdir()] == ["copy.rrbackup"]
    assert read_header(backup).slots.store_id == session.slots.store_id


def test_backup_opens_with_passphrase_and_recovery_key(
    backup: Path, new_store, passphrase: str, tmp_path: Path
) -> None:
    by_passphrase = check_backup(backup, passphrase, work_folder=tmp_path)
    by_recovery = check_backup(backup, new_store.recovery_key, recovery=True, work_folder=tmp_path)
    assert by_passphrase.cases == by_recovery.cases == 1
    assert by_passphrase.audit_entries >= 1
    assert "is whole: 1 case, " in by_passphrase.describe()
    # Which store it is a backup of, to warn before another store's backup replaces this one.
    assert by_passphrase.store_id == key_file.read_slots(new_store.session.path).store_id
    assert by_passphrase.partnership == "Northmoor Safeguarding Children Partnership"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_wrong_passphrase_for_backup(backup: Path, tmp_path: Path) -> None:
    before = _digest(backup)
    with pytest.raises(WrongSecretError, match="passphrase is not right"):
        check_backup(backup, "not the passphrase at all", work_folder=tmp_path)
    assert _digest(backup) == before


def test_restore_replaces_store_and_keeps_the_old_one_aside(
    backup: Path, session, store_path: Path, passphrase: str
) -> None:
    _add_case(session, "RR-2026-002")
    session.close()
    result = restore_backup(backup, store_path, passphrase, recovery=False, now=NOW)
    assert result.check.cases == 1
    assert result.kept_aside == store_path.with_name(
        "partnership.rrdesk.before-restore-20261122-093000"
    )
    assert key_file.slot_file_for(result.kept_aside).exists()
    restored = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert restored.cases.get_by_reference("RR-2026-001") is not None
        assert restored.cases.get_by_reference("RR-2026-002") is None
        assert restored.db.integrity_problems() == []
        last = restored.audit.latest()
        assert last is not None
        assert last.action == "Restored the store from a backup"
        assert str(last.detail["note"]).startswith(f"{backup.name}, made ")
        assert restored.audit.verify()[1] is None
    finally:
        restored.close()
    aside = store_access.unlock_with_passphrase(result.kept_aside, passphrase)
    try:
        assert aside.cases.get_by_reference("RR-2026-002") is not None
    finally:
        aside.close()


def test_restoring_a_backup_from_before_a_change_of_key_keeps_the_current_secrets(
    backup: Path, session, store_path: Path, passphrase: str, new_store
) -> None:
    """The old passphrase still opens the old backup, but restoring it asks for the current
    passphrase and changes the restored store to it: the old secrets do not come back."""
    new = "a completely new passphrase"
    store_access.change_passphrase(session, new)
    session.close()
    before = _folder_state(store_path.parent)
    with pytest.raises(WrongSecretError):
        restore_backup(backup, store_path, new, recovery=False, now=NOW)
    with pytest.raises(CurrentPassphraseNeeded, match="Give the store's current passphrase"):
        restore_backup(backup, store_path, passphrase, recovery=False, now=NOW)
    with pytest.raises(WrongSecretError):
        restore_backup(
            backup, store_path, passphrase, recovery=False, now=NOW, current_passphrase=passphrase
        )
    assert _folder_state(store_path.parent) == before
    restore_backup(backup, store_path, passphrase, recovery=False, now=NOW, current_passphrase=new)
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_passphrase(store_path, passphrase)
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_recovery_key(store_path, "AAAAA-" * 7 + "AAAAA")
    restored = store_access.unlock_with_passphrase(store_path, new)
    try:
        assert restored.cases.get_by_reference("RR-2026-001") is not None
        assert restored.audit.verify()[1] is None
        assert restored.audit.latest().action == "Restored the store from a backup"
    finally:
        restored.close()
    store_access.unlock_with_recovery_key(store_path, new_store.recovery_key).close()


def test_restore_refused_while_store_is_open(
    backup: Path, store_path: Path, passphrase: str
) -> None:
    before = _folder_state(store_path.parent)
    with pytest.raises(StoreInUseError, match="already open"):
        restore_backup(backup, store_path, passphrase, recovery=False, now=NOW)
    assert _folder_state(store_path.parent) == before


def _damage(path: Path, how: str) -> None:
    raw = bytearray(path.read_bytes())
    if how == "zero-length":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(bytes(raw[: len(raw) // 2]))
    elif how == "random":
        path.write_bytes(os.urandom(len(raw)))
    elif how == "byte flipped in the copy":
        raw[-5000] ^= 0xFF
        path.write_bytes(bytes(raw))
    elif how == "byte flipped in the header":
        raw[40] ^= 0x01
        path.write_bytes(bytes(raw))
    elif how == "newer version":
        raw[9] = 9
        path.write_bytes(bytes(raw))
    elif how == "a plain SQLite file":
        path.write_bytes(b"SQLite format 3\x00" + bytes(4080))


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("zero-length", "is empty"),
        ("truncated", "is damaged"),
        ("random", "is not an rrdesk backup"),
        ("byte flipped in the copy", "do not match its checksum"),
        ("byte flipped in the header", "is damaged"),
        ("newer version", "newer version of rrdesk"),
        ("a plain SQLite file", "unencrypted SQLite database"),
    ],
)
def test_failed_restore_changes_nothing(
    backup: Path, session, store_path: Path, passphrase: str, how: str, message: str
) -> None:
    session.close()
    _damage(backup, how)
    backup_before = _digest(backup)
    store_before = _folder_state(store_path.parent)
    with pytest.raises(StoreError, match=message) as caught:
        restore_backup(backup, store_path, passphrase, recovery=False, now=NOW)
    assert "delet" not in caught.value.message.lower()
    assert _digest(backup) == backup_before
    assert _folder_state(store_path.parent) == store_before


def test_failure_while_swapping_puts_everything_back(
    backup: Path, session, store_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.close()
    before = _folder_state(store_path.parent)

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rotation, "write_key_work_file", refuse)
    with pytest.raises(StoreError, match="was not restored"):
        restore_backup(backup, store_path, passphrase, recovery=False, now=NOW)
    assert _folder_state(store_path.parent) == before


def test_rolling_backups_keep_the_newest(session, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    set_keep_count(session, 3)
    assert keep_count(session) == 3
    assert rolling_backup_due(session, NOW, folder)
    for hour in range(5):
        make_rolling_backup(session, NOW.replace(hour=hour), folder)
    kept = rolling_backups(folder, session.path)
    assert [p.name for p in kept] == [f"partnership-20261122-0{h}3000.rrbackup" for h in (2, 3, 4)]
    assert not rolling_backup_due(session, NOW.replace(hour=23), folder)
    assert rolling_backup_due(session, datetime(2026, 11, 23, 4, 30), folder)


def test_a_second_backup_in_the_same_second_is_the_newer(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    set_keep_count(session, 2)
    first = make_rolling_backup(session, NOW, folder)
    second = make_rolling_backup(session, NOW, folder)
    assert second.name == "partnership-20261122-093000.2.rrbackup"
    assert rolling_backups(folder, session.path) == [first, second]
    third = make_rolling_backup(session, NOW, folder)
    assert rolling_backups(folder, session.path) == [second, third], "the oldest removed"


def test_the_last_rolling_backup_is_read_from_well_formed_names_only(
    session,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in (
        "20261122-093000",  # the newest well-formed name
        "20261121-235959",
        "20261122-093000.2",  # a second backup in the same second: the same time
        "20261340-093000",  # no 40th day of a 13th month
        "20261122-253000",
        "2026112-0930000",
        "２０２６１１２３-093000",  # wide digits
        "20261123093000",
    ):
        (folder / f"partnership-{stamp}.rrbackup").write_bytes(b"")
    assert last_rolling_backup(session, folder) == datetime(2026, 11, 22, 9, 30)


def test_unchanged_since_the_newest_rolling_backup(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "backups"
    assert not unchanged_since_rolling_backup(session, folder)  # no backup yet
    first = make_rolling_backup(session, NOW, folder)
    assert unchanged_since_rolling_backup(session, folder)
    set_keep_count(session, 4)
    assert not unchanged_since_rolling_backup(session, folder)
    second = make_rolling_backup(session, NOW.replace(hour=11), folder)
    assert unchanged_since_rolling_backup(session, folder)
    second.unlink()  # the backup that holds the last change is gone
    assert first.exists()
    assert not unchanged_since_rolling_backup(session, folder)


def test_keep_count_is_bounded(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="between 1 and 100"):
        set_keep_count(session, 0)
    assert keep_count(session) == 10


def test_backup_refuses_onedrive(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "OneDrive - Northmoor Council"
    folder.mkdir()
    with pytest.raises(StoreLocationError, match="OneDrive syncs that folder"):
        back_up_to(session, folder / "copy.rrbackup")
    assert list(folder.iterdir()) == []


def test_backup_header_is_refused_if_not_whole(backup: Path) -> None:
    raw = backup.read_bytes()
    backup.write_bytes(raw + b"extra")
    with pytest.raises(BackupFileError, match="is damaged"):
        read_header(backup)


def _cannot_make_files_in(folder: Path) -> bool:
    try:
        (folder / ".rrdesk-probe").touch()
    except OSError:
        return True
    (folder / ".rrdesk-probe").unlink()
    return False


@pytest.mark.skipif(
    not Path("/proc").is_dir() or not _cannot_make_files_in(Path("/proc")),
    reason="needs a folder no one can make files in (Linux's /proc)",
)
def test_a_backup_to_a_folder_that_cannot_be_written_says_so(session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreLocationError) as caught:
        back_up_to(session, Path("/proc/partnership.rrbackup"))
    assert caught.value.message == (
        "rrdesk cannot write in the folder /proc. Choose a folder you can save files in. "
        "Nothing was saved."
    )
    assert session.is_open


def test_a_backup_missing_a_table_is_refused_by_its_own_name_and_changes_nothing(
    session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from rrdesk.storage.backup_file import write_backup
    from rrdesk.storage.database import Database
    from rrdesk.storage.errors import TamperedError

    key = session.key_bytes()
    session.close()
    elsewhere = tmp_path / "elsewhere" / store_path.name
    elsewhere.parent.mkdir()
    shutil.copyfile(store_path, elsewhere)
    db = Database.open(elsewhere, key)
    with db.transaction():
        db.execute("DROP TABLE case_documents")
    write_backup(db, key_file.read_slots(store_path), key, tmp_path / "monday.rrbackup")
    db.close()
    before = _folder_state(store_path.parent)

    with pytest.raises(TamperedError) as refused:
        restore_backup(
            tmp_path / "monday.rrbackup", store_path, passphrase, recovery=False, now=NOW
        )

    assert refused.value.message == (
        "The backup monday.rrbackup has been changed outside rrdesk (missing: table "
        "case_documents). Use another backup. Nothing has been changed."
    )
    assert _folder_state(store_path.parent) == before
