"""Every kind of bad store file: its own plain message, the files byte-identical afterwards, and
nothing that offers deleting. (tests/storage/test_store_files.py covers the basic kinds one by
one; this checks the whole set side by side, with a store of many pages.)"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store import store_access
from rrdesk.services.store.rollback import ChangedStoreError
from rrdesk.storage.errors import StoreError
from rrdesk.storage.keys import key_file
from rrdesk.storage.migrations import SCHEMA_VERSION

TODAY = date(2026, 11, 22)
PAGE = 4096


def _state(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


def _plain_sqlite(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()


def _newer_version(path: Path, passphrase: str) -> None:
    session = store_access.unlock_with_passphrase(path, passphrase)
    session.db.set_user_version(SCHEMA_VERSION + 1)
    session.close()


def _flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0xFF
    path.write_bytes(bytes(raw))


KINDS = {
    "zero-length": (lambda p, _s: p.write_bytes(b""), "is empty (0 bytes)"),
    "truncated": (lambda p, _s: p.write_bytes(p.read_bytes()[:1000]), "too short to be whole"),
    "random": (
        lambda p, _s: p.write_bytes(os.urandom(p.stat().st_size)),
        "do not belong together: the key file is another store's",
    ),
    "first page flipped": (lambda p, _s: _flip(p, 200), "is damaged: the key is right"),
    "plain SQLite": (lambda p, _s: _plain_sqlite(p), "unencrypted SQLite database"),
    "newer version": (_newer_version, "made by a newer version of rrdesk"),
    "key file truncated": (
        lambda p, _s: key_file.slot_file_for(p).write_bytes(
            key_file.slot_file_for(p).read_bytes()[:50]
        ),
        "The key file partnership.rrdesk-keys is damaged",
    ),
    "key file random": (
        lambda p, _s: key_file.slot_file_for(p).write_bytes(os.urandom(600)),
        "The key file partnership.rrdesk-keys is damaged",
    ),
    "key file missing": (
        lambda p, _s: key_file.slot_file_for(p).unlink(),
        "The key file partnership.rrdesk-keys is missing",
    ),
}


@pytest.fixture
def many_pages(new_store, store_path: Path):  # type: ignore[no-untyped-def]
    service = CaseService(new_store.session)
    for number in range(20):
        service.add_case(
            Case(
                reference="",
                notification_sent=TODAY,
                children=(Child(f"Child {number}"),),
                summary="What happened, at length. " * 150,
            ),
            today=TODAY,
        )
    new_store.session.close()
    assert store_path.stat().st_size > 12 * PAGE
    return store_path


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_bad_file_has_its_own_plain_message(
    many_pages: Path, passphrase: str, kind: str
) -> None:
    damage, expected = KINDS[kind]
    damage(many_pages, passphrase)
    before = _state(many_pages.parent)
    with pytest.raises(StoreError) as caught:
        store_access.unlock_with_passphrase(many_pages, passphrase)
    message = caught.value.message
    assert expected in message
    assert "delet" not in message.lower()
    assert "start again" not in message.lower()
    assert "Nothing has been changed" in message
    assert _state(many_pages.parent) == before


def test_messages_tell_the_kinds_apart() -> None:
    assert len({expected for _damage, expected in KINDS.values()}) >= 8


def test_a_damaged_later_page_is_found_and_named(many_pages: Path, passphrase: str) -> None:
    """A page beyond the first is only read when needed: the seal of the store as it was last
    closed notices the change at once; opened anyway, the integrity check names the page, and
    reading it gives the plain message rather than a crash."""
    raw = bytearray(many_pages.read_bytes())
    raw[9 * PAGE + 200] ^= 0xFF
    many_pages.write_bytes(bytes(raw))
    with pytest.raises(ChangedStoreError, match="changed outside rrdesk since it was last closed"):
        store_access.unlock_with_passphrase(many_pages, passphrase)
    session = store_access.unlock_with_passphrase(many_pages, passphrase, accept_older=True)
    try:
        problems = session.db.integrity_problems()
        assert problems
        assert any("10" in problem for problem in problems), problems
        with pytest.raises(StoreError, match="is damaged: the key is right"):
            session.cases.all_cases()
    finally:
        session.close()
