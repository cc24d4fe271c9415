"""Changing the passphrase or the recovery key changes the data key: nothing earlier opens it."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Child
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store import key_rotation, store_access
from rrdesk.storage.database import Database
from rrdesk.storage.errors import KeySlotError, StoreError, WrongSecretError
from rrdesk.storage.keys import key_file, key_slots, rotation, slot_crypto
from rrdesk.storage.keys.key_slots import KeySlot, SlotKind
from tests.builders import add_case

NEW_PASSPHRASE = "a brand new long passphrase"
MARKER = "Wilhelmina Rekeymarker"


def _add_case(session: store_access.Session, summary: str) -> None:
    day = date(2026, 11, 20)
    add_case(
        session, today=day, notified=day, children=(Child("Child A", summary),), summary=summary
    )


def _old_store_with(store_path: Path, key_file_from: Path, folder: Path) -> Path:
    """The current store beside an earlier key file, as an old backup's key file would be put."""
    folder.mkdir()
    copy = folder / store_path.name
    shutil.copyfile(store_path, copy)
    shutil.copyfile(key_file_from, key_file.slot_file_for(copy))
    return copy


def test_old_key_file_and_old_passphrase_do_not_open_the_store_after_a_change(
    session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    old_keys = tmp_path / "old-keys"
    shutil.copyfile(key_file.slot_file_for(store_path), old_keys)
    old_key = session.key_bytes()
    store_access.change_passphrase(session, NEW_PASSPHRASE)
    _add_case(session, MARKER)  # written after the change
    session.close()

    with pytest.raises(StoreError):  # the old key file with the old passphrase
        store_access.unlock_with_passphrase(
            _old_store_with(store_path, old_keys, tmp_path / "a"), passphrase
        )
    with pytest.raises(StoreError):  # the old data key itself
        Database.open(store_path, old_key)
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_passphrase(store_path, passphrase)
    reopened = store_access.unlock_with_passphrase(store_path, NEW_PASSPHRASE)
    try:
        assert reopened.key_bytes() != old_key
        assert [c.summary for c in reopened.cases.all_cases()] == [MARKER]
        assert reopened.db.integrity_problems() == []
        assert reopened.audit.verify()[1] is None
        actions = [entry.action for entry in reopened.audit.entries()]
        assert key_rotation.CHANGED_PASSPHRASE in actions
    finally:
        reopened.close()


def test_the_recovery_key_still_opens_after_a_passphrase_change(new_store, store_path) -> None:
    store_access.change_passphrase(new_store.session, NEW_PASSPHRASE)
    new_store.session.close()
    store_access.unlock_with_recovery_key(store_path, new_store.recovery_key).close()


def test_a_new_recovery_key_revokes_the_old_one(new_store, store_path, passphrase) -> None:
    session = new_store.session
    old_key = session.key_bytes()
    fresh = store_access.new_recovery_key(session)
    assert fresh != new_store.recovery_key
    session.close()
    with pytest.raises(WrongSecretError, match="The recovery key is not right"):
        store_access.unlock_with_recovery_key(store_path, new_store.recovery_key)
    with pytest.raises(StoreError):
        Database.open(store_path, old_key)
    store_access.unlock_with_recovery_key(store_path, fresh).close()
    reopened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        assert [e.action for e in reopened.audit.entries()][-1] == key_rotation.NEW_RECOVERY_KEY
    finally:
        reopened.close()


def test_the_session_carries_on_after_a_change(session, store_path: Path) -> None:
    cases = CaseService(session)
    _add_case(session, "before")
    store_access.change_passphrase(session, NEW_PASSPHRASE)
    _add_case(session, "after")
    assert [c.summary for c in cases.all_cases()] == ["before", "after"]
    assert session.audit.verify()[1] is None
    assert not rotation.store_work_file(store_path).exists()
    assert not rotation.key_work_file(store_path).exists()


def test_a_remembered_key_is_replaced(session, store_path: Path) -> None:
    remembered = MemorySecretStore()
    store_access.remember_key(session, remembered)
    key_rotation.change_passphrase(session, NEW_PASSPHRASE, secret_store=remembered)
    session.close()
    again, message = store_access.unlock_with_remembered_key(store_path, remembered)
    assert message == ""
    assert again is not None
    again.close()


def test_a_weak_new_passphrase_changes_nothing(session, store_path: Path) -> None:
    before = store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()
    with pytest.raises(KeySlotError, match="12 characters or more"):
        store_access.change_passphrase(session, "short")
    assert (store_path.read_bytes(), key_file.slot_file_for(store_path).read_bytes()) == before


def _legacy(slot: KeySlot, data_key: bytes, secret: bytes, store_id: str) -> KeySlot:
    """``slot`` as rrdesk wrote it before the data key could change: the data key wrapped
    directly under the secret."""
    nonce = secrets.token_bytes(12)
    wrapping = slot_crypto.derive(secret, slot.salt, slot.n, slot.r, slot.p)
    associated = f"rrdesk:{store_id}:{slot.kind}".encode()
    wrapped = slot_crypto.wrap(wrapping, data_key, nonce, associated)
    return replace(slot, nonce=nonce, wrapped=wrapped, public=b"", sealed=b"")


def test_keys_from_an_earlier_rrdesk_are_remade_when_opened(
    new_store, store_path: Path, passphrase: str
) -> None:
    session = new_store.session
    data_key, slots = session.key_bytes(), session.slots
    secrets_by_kind = {
        SlotKind.PASSPHRASE: key_slots.normalise_passphrase(passphrase),
        SlotKind.RECOVERY: key_slots.normalise_recovery_key(new_store.recovery_key).encode(),
    }
    old = tuple(_legacy(s, data_key, secrets_by_kind[s.kind], slots.store_id) for s in slots.slots)
    key_file.write_slots(store_path, key_file.seal(replace(slots, slots=old), data_key))
    session.close()

    opened = store_access.unlock_with_passphrase(store_path, passphrase)
    try:
        kinds = {s.kind: s.rewrappable for s in key_file.read_slots(store_path).slots}
        assert kinds == {SlotKind.PASSPHRASE: True, SlotKind.RECOVERY: False}
        before = store_path.read_bytes()
        with pytest.raises(KeySlotError, match="Make a new recovery key first"):
            store_access.change_passphrase(opened, NEW_PASSPHRASE)
        assert store_path.read_bytes() == before
        fresh = store_access.new_recovery_key(opened)
        store_access.change_passphrase(opened, NEW_PASSPHRASE)
    finally:
        opened.close()
    store_access.unlock_with_recovery_key(store_path, fresh).close()
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_recovery_key(store_path, new_store.recovery_key)


def test_a_change_stopped_before_the_store_was_replaced_is_undone(
    session, store_path: Path, passphrase: str
) -> None:
    session.close()
    shutil.copyfile(store_path, rotation.store_work_file(store_path))
    shutil.copyfile(key_file.slot_file_for(store_path), rotation.key_work_file(store_path))
    store_access.unlock_with_passphrase(store_path, passphrase).close()
    assert not rotation.store_work_file(store_path).exists()
    assert not rotation.key_work_file(store_path).exists()


def test_a_change_stopped_after_the_store_was_replaced_is_finished(
    session, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """Killed between putting the re-keyed store in place and its key file: the next opening
    puts the new key file in place, and the new passphrase opens the store."""
    old_keys = key_file.slot_file_for(store_path).read_bytes()
    store_access.change_passphrase(session, NEW_PASSPHRASE)
    session.close()
    key_file.slot_file_for(store_path).replace(rotation.key_work_file(store_path))
    key_file.slot_file_for(store_path).write_bytes(old_keys)
    store_access.unlock_with_passphrase(store_path, NEW_PASSPHRASE).close()
    assert not rotation.key_work_file(store_path).exists()
