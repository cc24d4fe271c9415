"""``rrdesk backup`` and ``rrdesk restore`` on real files."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from rrdesk.commands.backup_commands import add_backup_parsers
from rrdesk.commands.store_options import UsageError
from rrdesk.services.store import store_access
from rrdesk.storage.errors import StoreError
from rrdesk.storage.keys.key_file import slot_file_for


def _run(argv: list[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="rrdesk")
    add_backup_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    out = io.StringIO()
    try:
        code = int(args.handler(args, out))
    except StoreError as error:
        return 2, error.message
    return code, out.getvalue()


@pytest.fixture
def passphrase_file(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def test_backup_then_restore(
    new_store, store_path: Path, passphrase_file: Path, passphrase: str, tmp_path: Path
) -> None:
    new_store.session.close()
    target = tmp_path / "out" / "copy.rrbackup"
    target.parent.mkdir()
    common = ["--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    code, text = _run(["backup", "--to", str(target), *common])
    assert (code, text.strip()) == (0, f"Backed up the store to {target}")
    code, text = _run(["restore", str(target), *common, "--check"])
    assert code == 0
    assert "is whole: 0 cases" in text
    code, text = _run(["restore", str(target), *common])
    assert code == 0
    assert f"Restored it to {store_path}" in text
    kept = sorted(store_path.parent.glob("partnership.rrdesk.before-restore-*"))
    assert [p.name.endswith("-keys") for p in kept] == [False, True]
    assert f"What it replaced is kept as {kept[0]} and {kept[1]}." in text
    store_access.unlock_with_passphrase(store_path, passphrase).close()


def test_restore_where_only_the_store_was_left_names_only_what_it_kept(
    new_store, store_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    new_store.session.close()
    target = tmp_path / "copy.rrbackup"
    common = ["--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    assert _run(["backup", "--to", str(target), *common])[0] == 0
    slot_file_for(store_path).unlink()  # the key file lost: the reason to restore
    code, text = _run(["restore", str(target), *common])
    assert code == 0
    kept = sorted(store_path.parent.glob("partnership.rrdesk.before-restore-*"))
    assert len(kept) == 1
    assert text.strip().endswith(f"What it replaced is kept as {kept[0]}.")


def test_restore_with_the_recovery_key(
    new_store, store_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    recovery_file = tmp_path / "recovery.txt"
    recovery_file.write_text(new_store.recovery_key, encoding="utf-8")
    new_store.session.close()
    target = tmp_path / "copy.rrbackup"
    common = ["--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    assert _run(["backup", "--to", str(target), *common])[0] == 0
    code, text = _run(
        [
            "restore",
            str(target),
            "--store",
            str(store_path),
            "--recovery-key-file",
            str(recovery_file),
        ]
    )
    assert code == 0, text


def test_restore_of_a_backup_older_than_the_stores_changes_is_refused_unless_meant(
    new_store, store_path: Path, passphrase_file: Path, passphrase: str, tmp_path: Path
) -> None:
    target = tmp_path / "copy.rrbackup"
    common = ["--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    new_store.session.close()
    assert _run(["backup", "--to", str(target), *common])[0] == 0
    session = store_access.unlock_with_passphrase(store_path, passphrase)
    with session.db.transaction():
        session.settings.set("profile", "statutory")
        session.record("store", "Changed the process profile")
    session.close()
    before = store_path.read_bytes()
    with pytest.raises(UsageError, match=r"1 change made after this backup: restoring it loses"):
        _run(["restore", str(target), *common])
    assert store_path.read_bytes() == before
    assert _run(["restore", str(target), *common, "--older"])[0] == 0


def test_restore_refuses_a_damaged_backup(
    new_store, store_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    new_store.session.close()
    bad = tmp_path / "bad.rrbackup"
    bad.write_bytes(b"RRDBKUP\x00" + bytes(100))
    before = store_path.read_bytes()
    code, text = _run(
        ["restore", str(bad), "--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    )
    assert code == 2
    assert "is damaged" in text
    assert store_path.read_bytes() == before


def test_rolling_backup_from_the_command_line(
    new_store,
    store_path: Path,
    passphrase_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    new_store.session.close()
    code, text = _run(
        ["backup", "--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    )
    assert code == 0
    assert "Rolling backups are kept in" in text
    assert len(list((tmp_path / "data" / "rrdesk" / "backups").iterdir())) == 1


def test_restoring_a_backup_of_another_store_says_so(
    new_store, store_path: Path, passphrase_file: Path, others_backup: Path
) -> None:
    new_store.session.close()
    theirs = others_backup
    common = ["--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    note = (
        "Note: This is a backup of a different store (Eastbrook Safeguarding Children "
        "Partnership), not of this one. Restoring it puts that store's cases in place of this "
        "one's."
    )
    code, text = _run(["restore", str(theirs), *common, "--check"])
    assert (code, text.splitlines()[-1]) == (0, note)
    before = store_path.read_bytes()
    with pytest.raises(UsageError, match=r"different store .* Give --another-store if"):
        _run(["restore", str(theirs), *common])
    assert store_path.read_bytes() == before
    code, text = _run(["restore", str(theirs), *common, "--another-store"])
    assert code == 0  # asked for by name, so no note after it: it says what it did
    assert text.splitlines()[1].startswith(f"Restored it to {store_path}")
    code, text = _run(["restore", str(theirs), *common, "--check"])  # now it is this store's
    assert "Note:" not in text


def test_restoring_a_backup_from_before_a_change_of_passphrase_needs_the_current_one(
    new_store, store_path: Path, passphrase_file: Path, passphrase: str, tmp_path: Path
) -> None:
    target = tmp_path / "copy.rrbackup"
    common = ["--store", str(store_path), "--passphrase-file", str(passphrase_file)]
    new_store.session.close()
    assert _run(["backup", "--to", str(target), *common])[0] == 0
    session = store_access.unlock_with_passphrase(store_path, passphrase)
    store_access.change_passphrase(session, "a brand new long passphrase")
    session.close()
    before = store_path.read_bytes()
    with pytest.raises(UsageError, match="give the store's current passphrase with --current"):
        _run(["restore", str(target), *common])
    assert store_path.read_bytes() == before
    current = tmp_path / "current.txt"
    current.write_text("a brand new long passphrase", encoding="utf-8")
    code, text = _run(["restore", str(target), *common, "--current-passphrase-file", str(current)])
    assert code == 0, text
    with pytest.raises(StoreError):
        store_access.unlock_with_passphrase(store_path, passphrase)
    store_access.unlock_with_passphrase(store_path, "a brand new long passphrase").close()
