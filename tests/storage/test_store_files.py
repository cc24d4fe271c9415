"""The encrypted store on real files: settings, round trips, every unlock failure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store import store_access
from rrdesk.storage.database import Database
from rrdesk.storage.errors import (
    NotAStoreError,
    StoreExistsError,
    StoreInUseError,
    StoreLocationError,
    StoreMissingError,
    WrongSecretError,
)
from rrdesk.storage.migrations import SCHEMA_VERSION
from tests.storage.store_files import digest, files_beside

MARKER = "Zebedee Quintrell-Marker"


def test_pinned_settings_on_every_open(new_store, store_path: Path, passphrase: str) -> None:
    assert new_store.session.db.pinned_settings() == {
        "journal_mode": "wal",
        "synchronous": 2,
        "temp_store": 2,
        "foreign_keys": 1,
        "cache_size": -32768,
    }
    new_store.session.close()
    reopened = store_access.unlock_with_passphrase(store_path, passphrase)
    assert reopened.db.pinned_settings()["temp_store"] == 2
    assert reopened.db.user_version == SCHEMA_VERSION
    assert reopened.db.pragma("cipher_version")
    reopened.close()


def test_case_round_trip_and_no_plaintext(new_store, store_path: Path, passphrase: str) -> None:
    session = new_store.session
    with session.db.transaction():
        saved = session.cases.add(
            Case(
                reference="RR-2026-001",
                children=(Child("Child Q", real_name=MARKER),),
                summary=f"{MARKER} summary",
            )
        )
    assert saved.case_id is not None
    for path in store_path.parent.iterdir():
        if path.is_file():
            raw = path.read_bytes()
            assert MARKER.encode() not in raw, path.name
            assert MARKER.encode("utf-16-le") not in raw, path.name
    assert not store_path.read_bytes().startswith(b"SQLite format 3")
    session.close()
    again = store_access.unlock_with_passphrase(store_path, passphrase)
    loaded = again.cases.get_by_reference("RR-2026-001")
    assert loaded is not None
    assert loaded.children[0].real_name == MARKER
    again.close()


def test_wrong_passphrase_changes_nothing(new_store, store_path: Path) -> None:
    new_store.session.close()
    before = files_beside(store_path)
    with pytest.raises(
        WrongSecretError, match=r"The passphrase is not right\. Nothing has been changed\."
    ):
        store_access.unlock_with_passphrase(store_path, "not the right passphrase")
    assert files_beside(store_path) == before


def test_recovery_key_opens_and_sets_new_passphrase(new_store, store_path: Path) -> None:
    recovery = new_store.recovery_key
    new_store.session.close()
    typed = recovery.lower().replace("-", " ")
    session = store_access.unlock_with_recovery_key(store_path, typed)
    store_access.change_passphrase(session, "a brand new long passphrase", owner="Information lead")
    session.close()
    reopened = store_access.unlock_with_passphrase(store_path, "a brand new long passphrase")
    assert reopened.actor == "Information lead"
    reopened.close()
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_passphrase(store_path, "correct horse battery staple")


def test_passphrase_change_reencrypts_with_a_new_key(new_store, store_path: Path) -> None:
    session = new_store.session
    key_before = session.key_bytes()
    store_access.change_passphrase(session, "another long passphrase here")
    session.close()
    reopened = store_access.unlock_with_passphrase(store_path, "another long passphrase here")
    assert reopened.key_bytes() != key_before
    assert reopened.db.integrity_problems() == []
    reopened.close()


def test_remembered_key(new_store, store_path: Path) -> None:
    secrets = MemorySecretStore()
    assert store_access.remember_key(new_store.session, secrets) == ""
    new_store.session.close()
    session, message = store_access.unlock_with_remembered_key(store_path, secrets)
    assert message == ""
    assert session is not None
    assert session.actor == "Priya Test-Coordinator"
    session.close()


@pytest.mark.parametrize(
    "secrets",
    [
        MemorySecretStore(broken="This computer has no keyring that rrdesk can use."),
        MemorySecretStore(),
    ],
    ids=["keyring broken", "keyring empty"],
)
def test_keyring_failure_falls_back_to_passphrase(
    new_store, store_path: Path, passphrase: str, secrets: MemorySecretStore
) -> None:
    new_store.session.close()
    session, message = store_access.unlock_with_remembered_key(store_path, secrets)
    assert session is None
    if secrets.broken:
        assert "Enter your passphrase instead" in message
    again = store_access.unlock_with_passphrase(store_path, passphrase)
    again.close()


def test_keyring_with_foreign_key(new_store, store_path: Path) -> None:
    secrets = MemorySecretStore()
    secrets.save(store_access.keyring_account(new_store.session.slots), b"x" * 32)
    new_store.session.close()
    session, message = store_access.unlock_with_remembered_key(store_path, secrets)
    assert session is None
    assert "does not fit this store" in message


def test_second_window_is_refused(new_store, store_path: Path, passphrase: str) -> None:
    before = digest(store_path)
    with pytest.raises(StoreInUseError) as caught:
        store_access.unlock_with_passphrase(store_path, passphrase)
    # Where it is open, and since when, in words: "since 22 November 2026 at 9:05am".
    assert re.fullmatch(
        r"This store is already open in another rrdesk window \(on .+, by .+, since "
        r"\d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}(:\d\d)?[ap]m|midday|midnight)\)\. "
        r"Close it there first\. Nothing has been changed\.",
        caught.value.message,
    )
    assert digest(store_path) == before


def test_never_creates_over_an_existing_store(new_store, store_path: Path) -> None:
    new_store.session.close()
    before = files_beside(store_path)
    with pytest.raises(StoreExistsError, match="never makes a new store over an old one"):
        store_access.create_store(
            store_path, partnership="X", owner="Y", passphrase="long enough passphrase"
        )
    assert files_beside(store_path) == before


@pytest.mark.parametrize("given", ["", ".", "..", "/"])
def test_a_folder_given_as_the_store_is_refused_plainly(
    tmp_path: Path, passphrase: str, given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = Path(given)  # an empty --store reads as "."
    expected = (
        f"{path} is a folder, not a store file. Give the store's own file, whose name ends in "
        ".rrdesk. Nothing has been changed."
    )
    for attempt in (
        lambda: store_access.unlock_with_passphrase(path, passphrase),
        lambda: store_access.create_store(
            path, partnership="X", owner="Y", passphrase="long enough passphrase"
        ),
        lambda: store_access.make_store_folder(path),
    ):
        with pytest.raises(NotAStoreError) as caught:
            attempt()
        assert caught.value.message == expected
    assert store_access.store_exists(path)  # never offered to be set up anew
    assert list(tmp_path.iterdir()) == []


def test_a_name_too_long_for_the_system_is_refused_plainly(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / ("x" * 300 + ".rrdesk")
    with pytest.raises(StoreLocationError) as caught:
        store_access.unlock_with_passphrase(path, passphrase)
    assert caught.value.message.startswith(f"rrdesk cannot use {path} as a store (")
    assert caught.value.message.endswith("). Nothing has been changed.")
    assert store_access.store_exists(path)
    assert list(tmp_path.iterdir()) == []


def test_a_device_is_not_a_store(passphrase: str) -> None:
    with pytest.raises(NotAStoreError, match=r"^/dev/null is not a file \(it is a device"):
        store_access.unlock_with_passphrase(Path("/dev/null"), passphrase)


def test_what_is_already_there_is_named_when_a_new_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.rrdesk").mkdir()
    (tmp_path / "notes.rrdesk").write_text("notes", encoding="utf-8")
    for name, there in (("folder.rrdesk", "a folder"), ("notes.rrdesk", "a file")):
        with pytest.raises(StoreExistsError) as caught:
            store_access.create_store(
                tmp_path / name, partnership="X", owner="Y", passphrase="long enough passphrase"
            )
        assert caught.value.message.startswith(f"There is already {there} at {tmp_path / name}.")
    assert (tmp_path / "notes.rrdesk").read_text(encoding="utf-8") == "notes"


def test_missing_store(tmp_path: Path, passphrase: str) -> None:
    with pytest.raises(StoreMissingError, match="There is no rrdesk store"):
        store_access.unlock_with_passphrase(tmp_path / "nothing.rrdesk", passphrase)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreLocationError, match="does not exist"):
        store_access.create_store(
            tmp_path / "no" / "such.rrdesk",
            partnership="X",
            owner="Y",
            passphrase="long enough passphrase",
        )


def test_short_passphrase_refused(tmp_path: Path) -> None:
    from rrdesk.storage.errors import KeySlotError

    with pytest.raises(KeySlotError, match="12 characters or more"):
        store_access.create_store(
            tmp_path / "a.rrdesk", partnership="X", owner="Y", passphrase="short"
        )
    assert list(tmp_path.iterdir()) == [] or all(
        p.name.endswith(".lock") for p in tmp_path.iterdir()
    )


def test_transaction_rolls_back(session) -> None:
    def fail_halfway() -> None:
        with session.db.transaction():
            session.cases.add(Case(reference="RR-2026-009", children=(Child("Child A"),)))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert session.cases.count() == 0


def test_copy_to_is_encrypted_and_whole(session, tmp_path: Path) -> None:
    with session.db.transaction():
        session.cases.add(Case(reference="RR-2026-010", children=(Child("Child A"),)))
    target = tmp_path / "copy.rrdesk"
    session.db.copy_to(target, session.key_bytes())
    copy = Database.open(target, session.key_bytes())
    assert copy.query_one("SELECT count(*) FROM cases") == (1,)
    assert copy.integrity_problems() == []
    copy.close()


def test_a_misread_recovery_key_says_which_characters_no_key_has(
    new_store, store_path: Path
) -> None:
    new_store.session.close()
    mistyped = "01" + new_store.recovery_key[2:].lower()  # read off paper: two misread
    with pytest.raises(WrongSecretError) as caught:
        store_access.unlock_with_recovery_key(store_path, mistyped)
    assert caught.value.message == (
        "The recovery key is not right. Check each group of characters. Recovery keys have no "
        "0, O, 1 or I: check the 0 and 1 you typed. Nothing has been changed."
    )
    with pytest.raises(WrongSecretError) as caught:
        store_access.unlock_with_recovery_key(store_path, "ABCDE-FGHJK-LMNPQ")
    assert caught.value.message == (
        "The recovery key is not right. Check each group of characters. Nothing has been changed."
    )
