"""The seal of the store as rrdesk last closed it: a page put back from an older copy is
refused (asked about in the app, exit 1 on the command line), and nothing rrdesk does itself
(a crash while open, a change of key, a restore, a look at the store) leaves a seal that no
longer matches."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from rrdesk.cli import main
from rrdesk.domain.cases.cases import Child
from rrdesk.services.store import rollback, store_access
from rrdesk.services.store.backups import back_up_to, restore_backup
from rrdesk.services.store.rollback import ChangedStoreError
from rrdesk.services.store.session import Session
from rrdesk.storage.keys import key_file
from tests.builders import add_case
from tests.changed_stores import DAY, case_names, page_put_back

CHANGED = re.compile(
    r"This store has been changed outside rrdesk since it was last closed on "
    r"\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?[ap]m\. Part of it may have been put back "
)


def _names(session: Session) -> list[str]:
    return sorted(name for _reference, names in case_names(session) for name in names)


def _state(store: Path) -> tuple[bytes, bytes]:
    return store.read_bytes(), key_file.slot_file_for(store).read_bytes()


def test_a_closed_store_holds_a_seal_that_its_next_opening_checks_and_clears(
    session: Session, store_path: Path, passphrase: str
) -> None:
    add_case(session, today=DAY, notified=DAY, children=(Child("Child A", "Kept Early"),))
    session.close()
    sealed = key_file.read_slots(store_path).closed
    assert sealed is not None
    opened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert key_file.read_slots(store_path).closed is None  # cleared before the first write
    finally:
        opened.close()
    resealed = key_file.read_slots(store_path).closed
    assert resealed is not None
    assert resealed.mac != sealed.mac  # the count changed the file


def test_a_page_put_back_from_an_older_copy_is_refused_and_nothing_is_changed(
    session: Session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    page_put_back(session, store_path, passphrase, tmp_path)
    before = _state(store_path)
    with pytest.raises(ChangedStoreError) as raised:
        store_access.unlock_with_passphrase(store_path, passphrase)
    assert CHANGED.match(raised.value.message), raised.value.message
    assert raised.value.message.endswith("Nothing has been changed.")
    assert raised.value.exit_code == 1
    assert _state(store_path) == before

    opened = store_access.unlock_with_passphrase(store_path, passphrase, accept_older=True)
    try:
        assert opened.audit.latest().action == rollback.OPENED_CHANGED  # type: ignore[union-attr]
        assert opened.audit.verify()[1] is None
    finally:
        opened.close()
    store_access.unlock_with_passphrase(store_path, passphrase).close()  # accepted: sealed anew


def test_the_remembered_key_does_not_open_a_changed_store_and_says_why(
    session: Session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    from rrdesk.keystore import MemorySecretStore

    keyring = MemorySecretStore()
    assert store_access.remember_key(session, keyring) == ""
    page_put_back(session, store_path, passphrase, tmp_path)
    opened, message = store_access.unlock_with_remembered_key(store_path, keyring)
    assert opened is None
    assert CHANGED.match(message), message
    assert message.endswith("Enter your passphrase to open it anyway.")


def test_a_log_file_left_beside_a_closed_store_is_refused(
    session: Session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """A write-ahead log from an older copy, put beside the store, would be read into it."""
    session.close()
    log = store_path.with_name(store_path.name + "-wal")
    log.write_bytes(b"\x37\x7f\x06\x82" + bytes(28))
    with pytest.raises(ChangedStoreError, match=CHANGED):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_crash_while_open_leaves_no_seal_and_the_next_opening_says_nothing(
    session: Session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """The store, its log and its key file as a crash would leave them while it is open (after
    a change): no seal to check, so it opens with no alarm, the change kept."""
    session.close()
    opened = store_access.unlock_with_passphrase(store_path, passphrase)
    add_case(opened, today=DAY, notified=DAY, children=(Child("Child A", "Saved Before"),))
    crashed = tmp_path / "crashed" / store_path.name
    crashed.parent.mkdir()
    for suffix in ("", "-wal", "-keys"):
        source = store_path.with_name(store_path.name + suffix)
        if source.exists():
            shutil.copyfile(source, crashed.with_name(crashed.name + suffix))
    opened.close()
    assert key_file.read_slots(crashed).closed is None
    after = store_access.unlock_with_passphrase(crashed, passphrase)
    try:
        assert _names(after) == ["Saved Before"]
        assert after.audit.latest().action != rollback.OPENED_CHANGED  # type: ignore[union-attr]
    finally:
        after.close()
    assert key_file.read_slots(crashed).closed is not None  # closed cleanly: sealed again


def test_after_a_change_of_passphrase_or_recovery_key_the_seal_holds(
    session: Session, store_path: Path, passphrase: str
) -> None:
    new_passphrase = "a new and longer passphrase"
    store_access.change_passphrase(session, new_passphrase, current_passphrase=passphrase)
    recovery = store_access.new_recovery_key(session, passphrase=new_passphrase)
    add_case(session, today=DAY, notified=DAY, children=(Child("Child A", "After Change"),))
    session.close()
    assert key_file.read_slots(store_path).closed is not None
    store_access.unlock_with_passphrase(store_path, new_passphrase).close()
    store_access.unlock_with_recovery_key(store_path, recovery).close()


def test_a_restored_store_is_sealed_when_closed_and_opens_with_no_alarm(
    session: Session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    add_case(session, today=DAY, notified=DAY, children=(Child("Child A", "Lost By Restore"),))
    session.close()
    restore_backup(backup, store_path, passphrase, recovery=False, now=datetime(2026, 11, 22))
    assert key_file.read_slots(store_path).closed is not None
    opened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert _names(opened) == []
    finally:
        opened.close()


def test_a_look_at_the_store_leaves_its_seal_as_it_was(
    session: Session, store_path: Path, passphrase: str
) -> None:
    session.close()
    before = _state(store_path)
    looked = store_access.unlock_with_passphrase(store_path, passphrase, counted=False)
    looked.close()
    assert _state(store_path) == before
    store_access.unlock_with_passphrase(store_path, passphrase).close()


def test_a_command_on_a_changed_store_exits_1_with_one_line_and_changes_nothing(
    session: Session,
    store_path: Path,
    passphrase: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page_put_back(session, store_path, passphrase, tmp_path)
    before = _state(store_path)
    phrase = tmp_path / "p.txt"
    phrase.write_text(passphrase, encoding="utf-8")
    common = ["--store", str(store_path), "--passphrase-file", str(phrase)]
    assert main(["cases", *common], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert CHANGED.match(err.removeprefix("rrdesk: ")), err
    assert len(err.splitlines()) == 1
    assert _state(store_path) == before

    out = io.StringIO()
    assert main(["audit", "verify", *common], out=out) == 1  # looked at, and said
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("The audit trail is whole: ")
    assert CHANGED.match(lines[1]), lines
    assert _state(store_path) == before

    capsys.readouterr()
    assert main(["cases", *common, "--accept-older"], out=io.StringIO()) == 0, capsys.readouterr()
    assert main(["cases", *common], out=io.StringIO()) == 0


def test_a_sealed_store_from_an_earlier_schema_is_checked_then_migrated_and_sealed_again(
    session: Session, store_path: Path, passphrase: str
) -> None:
    """As a later rrdesk will find a store this one closed: its seal checked before the
    migrations write, then gone from the key file while they do."""
    from rrdesk.storage.database import Database
    from rrdesk.storage.keys import store_seal
    from rrdesk.storage.migrations import SCHEMA_VERSION

    key = session.key_bytes()
    session.close()
    db = Database.open(store_path, key)
    with db.transaction():
        db.execute("DROP TABLE signing_chain")
        db.execute("DROP TABLE signing_identities")
        db.execute("ALTER TABLE members DROP COLUMN executive_for")
        db.execute("ALTER TABLE members DROP COLUMN executive_deputy")
        db.set_user_version(1)
    db.close()
    slots = key_file.read_slots(store_path)
    closed = store_seal.seal_closed(store_path, slots, key, "2026-12-04T15:00:00+00:00")
    key_file.write_slots(store_path, key_file.seal(replace(slots, closed=closed), key))

    upgraded = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert upgraded.db.user_version == SCHEMA_VERSION
        assert key_file.read_slots(store_path).closed is None
    finally:
        upgraded.close()
    assert key_file.read_slots(store_path).closed is not None
    store_access.unlock_with_passphrase(store_path, passphrase).close()
