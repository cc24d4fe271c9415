"""The review's low findings in the store's own files: the lock file is never followed through
a link, a store reached through a link is the same store for the lock, and backups and restored
stores are readable by their owner only, and the key file's owner cannot be edited."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from rrdesk.services.store import store_access
from rrdesk.services.store.backups import back_up_to, restore_backup
from rrdesk.services.store.store_access import NewStore
from rrdesk.storage.errors import StoreInUseError, StoreLocationError, TamperedError
from rrdesk.storage.keys import key_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")


def test_a_link_at_the_lock_file_is_refused_and_its_target_left_alone(
    new_store: NewStore, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    new_store.session.close()
    target = tmp_path / "someone-elses-file.txt"
    target.write_text("Not rrdesk's to empty", encoding="utf-8")
    lock = store_path.with_name(store_path.name + ".lock")
    lock.unlink()
    lock.symlink_to(target)

    with pytest.raises(StoreLocationError) as raised:
        store_access.unlock_with_passphrase(store_path, passphrase)

    assert "is a link, where rrdesk keeps the store's lock file" in raised.value.message
    assert "Nothing has been changed" in raised.value.message
    assert target.read_text(encoding="utf-8") == "Not rrdesk's to empty"
    assert lock.is_symlink()


def test_a_store_opened_through_a_link_is_the_same_store_for_the_lock(
    new_store: NewStore, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "shortcut"
    elsewhere.mkdir()
    link = elsewhere / "partnership.rrdesk"
    link.symlink_to(store_path)
    (elsewhere / "partnership.rrdesk-keys").symlink_to(
        store_path.with_name("partnership.rrdesk-keys")
    )

    with pytest.raises(StoreInUseError, match="already open in another rrdesk window"):
        store_access.unlock_with_passphrase(link, passphrase)


@pytest.fixture
def group_readable_umask() -> Iterator[None]:
    """The usual umask, which leaves new files readable by everyone unless rrdesk says not."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_stores_backups_and_restored_stores_are_for_their_owner_only(
    group_readable_umask: None,
    new_store: NewStore,
    store_path: Path,
    passphrase: str,
    tmp_path: Path,
) -> None:
    # Made new under a umask that lets the group read, the store and its journals are not.
    for made in store_path.parent.glob(store_path.name + "*"):
        assert _mode(made) == 0o600, made.name
    backup = back_up_to(new_store.session, tmp_path / "partnership.rrbackup")
    new_store.session.close()

    assert _mode(backup) == 0o600

    restore_backup(backup, store_path, passphrase, recovery=False, now=datetime(2026, 11, 22, 15))

    assert _mode(store_path) == 0o600


def test_an_owner_edited_in_the_key_file_is_refused(
    new_store, store_path: Path, passphrase: str
) -> None:
    """The owner named in the key file becomes the audit trail's actor: it is under the key
    file's seal, so an edit is refused rather than recorded under another name."""
    new_store.session.close()
    keys = key_file.slot_file_for(store_path)
    body = json.loads(keys.read_bytes())
    body["slots"][0]["owner"] = "Someone Else"
    keys.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(TamperedError, match="its seal does not match"):
        store_access.unlock_with_passphrase(store_path, passphrase)
