"""A damaged store, a damaged or missing key file, and other files chosen as the store: each is
told apart in plain words, and nothing on disk changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from rrdesk.services.store import store_access
from rrdesk.storage.database import Database
from rrdesk.storage.errors import (
    NotAStoreError,
    StoreDamagedError,
    StoreTooNewError,
)
from rrdesk.storage.keys import key_file, key_slots
from rrdesk.storage.migrations import SCHEMA_VERSION
from tests.storage.store_files import digest, files_beside, plain_sqlite

MARKER = "Zebedee Quintrell-Marker"


def _damage(path: Path, how: str) -> None:
    raw = bytearray(path.read_bytes())
    if how == "zero-length":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(bytes(raw[:1000]))
    elif how == "random":
        import os

        path.write_bytes(os.urandom(len(raw)))
    elif how == "first page flipped":
        raw[100] ^= 0xFF
        path.write_bytes(bytes(raw))


@pytest.mark.parametrize(
    ("how", "error", "message"),
    [
        ("zero-length", StoreDamagedError, "is empty"),
        ("truncated", StoreDamagedError, "too short"),
        ("random", StoreDamagedError, "is damaged"),
        ("first page flipped", StoreDamagedError, "is damaged"),
    ],
)
def test_damaged_store_is_told_apart(
    new_store, store_path: Path, passphrase: str, how: str, error: type[Exception], message: str
) -> None:
    new_store.session.close()
    _damage(store_path, how)
    before = files_beside(store_path)
    with pytest.raises(error, match=message):
        store_access.unlock_with_passphrase(store_path, passphrase)
    assert files_beside(store_path) == before


def test_plain_sqlite_is_not_a_store(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "plain.rrdesk"
    plain_sqlite(path)
    key_file.write_slots(
        path,
        key_slots.create_slots(
            key_slots.new_data_key(),
            owner="X",
            passphrase=passphrase,
            recovery_key=key_slots.new_recovery_key(),
        ),
    )
    before = digest(path)
    with pytest.raises(NotAStoreError, match="unencrypted SQLite database"):
        Database.open(path, b"k" * 32)
    assert digest(path) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b'{"format": "something-else"}', b'{"format": "rrdesk-key-slots"}'],
    ids=["empty", "broken JSON", "foreign JSON", "no slots"],
)
def test_damaged_key_file(new_store, store_path: Path, passphrase: str, content: bytes) -> None:
    new_store.session.close()
    key_file.slot_file_for(store_path).write_bytes(content)
    before = files_beside(store_path)
    with pytest.raises(NotAStoreError, match="key file"):
        store_access.unlock_with_passphrase(store_path, passphrase)
    assert files_beside(store_path) == before


def test_missing_key_file(
    new_store, store_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_store.session.close()
    key_file.slot_file_for(store_path).unlink()
    monkeypatch.chdir(store_path.parent)  # the store named as a person types it, in its folder
    before = files_beside(store_path)
    with pytest.raises(NotAStoreError) as caught:
        store_access.unlock_with_passphrase(Path(store_path.name), passphrase)
    # The folder is named in full, so the message says where the key file belongs.
    assert caught.value.message == (
        f"The key file {store_path.name}-keys is missing from {store_path.parent}. rrdesk keeps "
        "it beside the store; restore it from a backup. Nothing has been changed."
    )
    assert files_beside(store_path) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"Minutes of the panel meeting\n", b"%PDF-1.7\n" + b"x" * 90_000],
    ids=["empty", "short text", "a document larger than a page"],
)
def test_another_file_chosen_by_mistake_is_not_a_store(
    tmp_path: Path, passphrase: str, content: bytes
) -> None:
    chosen = tmp_path / "minutes.rrdesk"
    chosen.write_bytes(content)
    with pytest.raises(NotAStoreError) as caught:
        store_access.unlock_with_passphrase(chosen, passphrase)
    assert caught.value.message == (
        "minutes.rrdesk is not an rrdesk store: there is no key file (minutes.rrdesk-keys) "
        "beside it, and the file is not laid out as a store is. If it was a store, restore it "
        "and its key file from a backup. Nothing has been changed."
    )
    assert chosen.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.rrdesk"]


def test_the_key_file_chosen_instead_of_the_store(
    new_store, store_path: Path, passphrase: str
) -> None:
    new_store.session.close()
    before = files_beside(store_path)
    with pytest.raises(NotAStoreError) as caught:
        store_access.unlock_with_passphrase(key_file.slot_file_for(store_path), passphrase)
    assert caught.value.message == (
        f"{store_path.name}-keys is the key file of a store, not the store itself. Choose the "
        f"store beside it, {store_path.name}. Nothing has been changed."
    )
    assert files_beside(store_path) == before


def test_plain_sqlite_with_no_key_file_is_named_as_such(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "plain.rrdesk"
    plain_sqlite(path)
    before = digest(path)
    with pytest.raises(NotAStoreError, match="is an unencrypted SQLite database"):
        store_access.unlock_with_passphrase(path, passphrase)
    assert digest(path) == before


def test_store_from_newer_rrdesk_is_refused(new_store, store_path: Path, passphrase: str) -> None:
    new_store.session.db.set_user_version(SCHEMA_VERSION + 1)
    new_store.session.close()
    before = digest(store_path)
    with pytest.raises(StoreTooNewError, match="newer version of rrdesk"):
        store_access.unlock_with_passphrase(store_path, passphrase)
    assert digest(store_path) == before


def test_another_stores_key_file_is_named_as_such(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    new_store.session.close()
    other = tmp_path / "other" / "eastbrook.rrdesk"
    other.parent.mkdir()
    store_access.create_store(
        other, partnership="Eastbrook", owner="Sam", passphrase=passphrase
    ).session.close()
    key_file.slot_file_for(store_path).write_bytes(key_file.slot_file_for(other).read_bytes())
    before = files_beside(store_path)
    expected = "do not belong together: the key file is another store's"
    with pytest.raises(StoreDamagedError, match=expected):
        store_access.unlock_with_passphrase(store_path, passphrase)
    assert files_beside(store_path) == before


def test_a_key_file_from_before_a_change_of_passphrase_is_named_as_such(
    new_store, store_path: Path, passphrase: str
) -> None:
    earlier = key_file.slot_file_for(store_path).read_bytes()
    store_access.change_passphrase(new_store.session, "a brand new long passphrase")
    new_store.session.close()
    key_file.slot_file_for(store_path).write_bytes(earlier)
    with pytest.raises(StoreDamagedError, match="from before its passphrase or recovery key was"):
        store_access.unlock_with_passphrase(store_path, passphrase)


def test_a_copy_of_the_store_made_with_its_own_key_still_opens_with_its_key_file(
    new_store, store_path: Path, passphrase: str, tmp_path: Path
) -> None:
    """A copy made through SQLite (the one kept before a migration, say) is a new file with the
    same key: put back in place of the store, it opens, and is not taken for another store's."""
    session = new_store.session
    copy = tmp_path / "copy.rrdesk"
    session.db.copy_to(copy, session.key_bytes())
    session.close()
    copy.replace(store_path)
    store_access.unlock_with_passphrase(store_path, passphrase, accept_older=True).close()
    store_access.unlock_with_passphrase(store_path, passphrase).close()
