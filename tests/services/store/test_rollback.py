"""An older copy of the store put back is noticed, said with when the store was last opened,
and opened only when the person says so."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.domain.cases.cases import Child
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store import rollback, store_access
from rrdesk.services.store.rollback import ChangedStoreError, OlderStoreError
from rrdesk.storage.keys import key_file
from tests.builders import add_case

DAY = date(2026, 11, 20)
OLDER = re.compile(
    r"This store is older than the one last opened on this computer: "
    r"\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?[ap]m\. "
)

CHANGED = re.compile(
    r"This store has been changed outside rrdesk since it was last closed on "
    r"\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?[ap]m\. "
)


def _copy(path: Path, to: Path) -> Path:
    shutil.copyfile(path, to)
    return to


def _older_copy(session, store_path: Path, tmp_path: Path, passphrase: str) -> Path:  # type: ignore[no-untyped-def]
    """The store as it was (with one case), kept aside; then a second case added and the store
    opened again, as a week's work would."""
    add_case(session, today=DAY, notified=DAY, children=(Child("Child A", "Kept Early"),))
    session.close()
    old = _copy(store_path, tmp_path / "older.rrdesk")
    again = store_access.unlock_with_passphrase(store_path, passphrase)
    add_case(again, today=DAY, notified=DAY, children=(Child("Child B", "Added Later"),))
    again.close()
    return old


def test_an_older_copy_of_the_store_is_refused_with_when_it_was_last_opened(
    session, store_path: Path, tmp_path: Path, passphrase: str
) -> None:
    old = _older_copy(session, store_path, tmp_path, passphrase)
    shutil.copyfile(old, store_path)  # put back over the store, its key file left as it is
    before = store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()
    with pytest.raises(OlderStoreError) as raised:
        store_access.unlock_with_passphrase(store_path, passphrase)
    assert OLDER.match(raised.value.message), raised.value.message
    assert raised.value.message.endswith("Nothing has been changed.")
    assert (store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()) == before

    opened = store_access.unlock_with_passphrase(store_path, passphrase, accept_older=True)
    try:
        assert [c.children[0].real_name for c in opened.cases.all_cases()] == ["Kept Early"]
        assert opened.audit.latest().action == rollback.OPENED_OLDER
        assert opened.audit.verify()[1] is None
    finally:
        opened.close()
    store_access.unlock_with_passphrase(store_path, passphrase).close()  # now the latest


def test_an_older_store_with_its_own_older_key_file_is_caught_by_the_keyring(
    session, store_path: Path, tmp_path: Path, passphrase: str
) -> None:
    keyring = MemorySecretStore()
    add_case(session, today=DAY, notified=DAY, children=(Child("Child A", "Kept Early"),))
    session.close()
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    old_store = _copy(store_path, tmp_path / "older.rrdesk")
    old_keys = _copy(key_file.slot_file_for(store_path), tmp_path / "older-keys")
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    shutil.copyfile(old_store, store_path)
    shutil.copyfile(old_keys, key_file.slot_file_for(store_path))
    with pytest.raises(OlderStoreError, match=OLDER):
        store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring)
    session_, _message = store_access.unlock_with_remembered_key(store_path, keyring)
    assert session_ is None  # no key remembered: the passphrase is asked for


def test_a_command_on_an_older_store_exits_1_unless_accept_older(
    session, store_path: Path, tmp_path: Path, passphrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _older_copy(session, store_path, tmp_path, passphrase)
    shutil.copyfile(old, store_path)
    phrase = tmp_path / "p.txt"
    phrase.write_text(passphrase, encoding="utf-8")
    common = ["--store", str(store_path), "--passphrase-file", str(phrase)]
    assert main(["cases", *common], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith("rrdesk: This store is older than the one last opened")
    assert len(err.splitlines()) == 1
    out = io.StringIO()
    assert main(["cases", *common, "--accept-older"], out=out) == 0
    assert len(out.getvalue().splitlines()) == 1
    assert main(["cases", *common], out=io.StringIO()) == 0


def test_a_restore_is_not_taken_for_an_older_copy(
    session, store_path: Path, tmp_path: Path, passphrase: str
) -> None:
    from datetime import datetime

    from rrdesk.services.store.backups import back_up_to, restore_backup

    keyring = MemorySecretStore()
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    session.close()
    for _ in range(2):
        store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    restore_backup(backup, store_path, passphrase, recovery=False, now=datetime(2026, 11, 22))
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()


def test_a_trail_cut_short_with_its_key_file_resealed_is_caught_by_the_keyring(
    session, store_path: Path, passphrase: str
) -> None:
    """Someone with the key removes the last entries and reseals the key file to match: the key
    file's anchor cannot tell, but the keyring's record from the last opening on this computer
    can, and so can the seal of the store as it was last closed."""
    from rrdesk.storage.audit_repository import current_anchor
    from rrdesk.storage.database import Database
    from rrdesk.storage.errors import TamperedError

    keyring = MemorySecretStore()
    key = session.key_bytes()
    with session.db.transaction():
        session.record("store", "Changed the process profile")
    session.close()
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    db = Database.open(store_path, key)
    with db.transaction():
        db.execute("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)")
    slots = key_file.read_slots(store_path)
    key_file.write_slots(store_path, key_file.seal(slots, key, current_anchor(db)))
    db.close()
    with pytest.raises(TamperedError, match="does not match what this computer recorded"):
        store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring)
    with pytest.raises(ChangedStoreError, match=CHANGED):  # the anchor can't tell; the seal can
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_opening_with_the_remembered_key_reads_the_keyring_once_for_the_key_and_once_for_the_count(
    session, store_path: Path, passphrase: str
) -> None:
    """Each read of the operating system's keyring is a round trip to it, made before the first
    window is painted (docs/startup.md)."""

    class CountingKeyring(MemorySecretStore):
        def __init__(self) -> None:
            super().__init__()
            self.reads: list[str] = []

        def load(self, account: str) -> bytes | None:
            self.reads.append(account)
            return super().load(account)

    keyring = CountingKeyring()
    assert store_access.remember_key(session, keyring) == ""
    session.close()
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    keyring.reads.clear()
    opened, _message = store_access.unlock_with_remembered_key(store_path, keyring)
    assert opened is not None
    opened.close()
    account = store_access.keyring_account(opened.slots)
    assert keyring.reads == [account, rollback.keyring_account(opened.slots.store_id)]
