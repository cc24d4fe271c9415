"""rrdesk passphrase and rrdesk recovery-key: both change the store's key, and say so."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.services.store import store_access
from rrdesk.storage.errors import StoreError, WrongSecretError
from rrdesk.storage.keys import key_file

NEW = "a brand new long passphrase"


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out)
    return code, out.getvalue()


@pytest.fixture
def files(tmp_path: Path, passphrase: str) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(passphrase + "\n", encoding="utf-8")
    new.write_text(NEW + "\n", encoding="utf-8")
    return old, new


def test_passphrase_changes_it_and_prints_nothing_secret(
    new_store, store_path: Path, files: tuple[Path, Path], passphrase: str, tmp_path: Path
) -> None:
    new_store.session.close()
    old_keys = tmp_path / "old-keys"
    shutil.copyfile(key_file.slot_file_for(store_path), old_keys)
    old, new = files
    code, text = _run(
        "passphrase",
        "--store",
        str(store_path),
        "--passphrase-file",
        str(old),
        "--new-passphrase-file",
        str(new),
    )
    assert code == 0, text
    assert f"Changed the passphrase of {store_path}." in text
    assert "no earlier key file, passphrase or recovery key opens the store now" in text
    assert NEW not in text
    assert passphrase not in text
    assert new_store.recovery_key not in text
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_passphrase(store_path, passphrase)
    store_access.unlock_with_passphrase(store_path, NEW).close()
    key_file.slot_file_for(store_path).write_bytes(old_keys.read_bytes())
    with pytest.raises(StoreError):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_weak_new_passphrase_is_refused_and_changes_nothing(
    new_store, store_path: Path, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    new_store.session.close()
    before = store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()
    old, new = files
    new.write_text("short\n", encoding="utf-8")
    code, _text = _run(
        "passphrase",
        "--store",
        str(store_path),
        "--passphrase-file",
        str(old),
        "--new-passphrase-file",
        str(new),
    )
    assert code == 2
    assert "12 characters or more" in capsys.readouterr().err
    assert (store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()) == before


def test_recovery_key_prints_a_new_one_once_and_the_old_one_stops_working(
    new_store, store_path: Path, files: tuple[Path, Path], passphrase: str
) -> None:
    new_store.session.close()
    code, text = _run(
        "recovery-key", "--store", str(store_path), "--passphrase-file", str(files[0])
    )
    assert code == 0, text
    fresh = text.strip().splitlines()[-1].strip()
    assert text.count(fresh) == 1
    assert fresh != new_store.recovery_key
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_recovery_key(store_path, new_store.recovery_key)
    store_access.unlock_with_recovery_key(store_path, fresh).close()
    store_access.unlock_with_passphrase(store_path, passphrase).close()
