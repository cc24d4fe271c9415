"""Start-up with a remembered key: the store is opened and shown without being written; its
check against the seal from when it was last closed, and the count of openings with its writes
(store, key file, keyring), wait until the window is on screen. A store changed since it was
closed is asked about then, and left as it was if the person does not want it."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from rrdesk.app import build_main_window
from rrdesk.app.opening import finish_opening, open_store
from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store import rollback, store_access
from rrdesk.storage.keys import key_file
from tests.changed_stores import page_put_back
from tests.seams import app_context, seams_for

TODAY = date(2026, 12, 7)


def _digest(store: Path) -> tuple[str, str]:
    files = (store, key_file.slot_file_for(store))
    return tuple(hashlib.sha256(path.read_bytes()).hexdigest() for path in files)  # type: ignore[return-value]


def _started(qtbot, store_path: Path, keyring: MemorySecretStore, messages):  # type: ignore[no-untyped-def]
    seams = seams_for(messages, lambda: TODAY)
    session = open_store(store_path, seams, keyring)
    assert session is not None
    window = build_main_window(app_context(session, keyring, messages, lambda: TODAY))
    qtbot.addWidget(window)
    return session, window, seams


def test_the_count_is_written_once_the_window_is_on_screen_in_order(
    qtbot, new_store, store_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    keyring = MemorySecretStore()
    assert store_access.remember_key(new_store.session, keyring) == ""
    new_store.session.close()
    before = _digest(store_path)
    counted_before = key_file.read_slots(store_path).counter

    session, window, seams = _started(qtbot, store_path, keyring, messages)
    assert _digest(store_path) == before  # opened and the window built: nothing written yet
    finish_opening(session, window, seams)
    assert _digest(store_path) == before  # nothing until the window is on screen
    window.show()
    qtbot.waitUntil(lambda: session.put_off is not None and session.put_off.finished)
    slots = key_file.read_slots(store_path)
    assert slots.closed is None  # the seal is gone while the store is open
    assert slots.counter is not None
    assert slots.counter > (counted_before or 0)
    assert rollback.store_count(session) == slots.counter  # the store first, then the key file
    ring = rollback.read_keyring(session, keyring)
    assert ring is not None
    assert ring.count == slots.counter
    session.close()
    assert key_file.read_slots(store_path).closed is not None


def test_a_store_changed_since_it_was_closed_is_asked_about_and_left_as_it_was(
    qtbot, new_store, store_path: Path, passphrase: str, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    keyring = MemorySecretStore()
    assert store_access.remember_key(new_store.session, keyring) == ""
    page_put_back(new_store.session, store_path, passphrase, tmp_path)
    before = _digest(store_path)

    messages.confirm_answer = False
    session, window, seams = _started(qtbot, store_path, keyring, messages)
    finish_opening(session, window, seams)
    window.show()
    qtbot.waitUntil(lambda: not session.is_open)
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("confirm", "Open a store changed outside rrdesk?")
    assert text.startswith(
        "This store has been changed outside rrdesk since it was last closed on "
    )
    assert _digest(store_path) == before


def test_a_change_saved_before_the_window_is_on_screen_is_preceded_by_the_check_and_count(
    qtbot, new_store, store_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    keyring = MemorySecretStore()
    assert store_access.remember_key(new_store.session, keyring) == ""
    new_store.session.close()
    session, _window, _seams = _started(qtbot, store_path, keyring, messages)
    assert session.put_off is not None
    with session.db.transaction():
        session.settings.set("a change", "saved at once")
    assert session.put_off.finished
    assert key_file.read_slots(store_path).closed is None
    session.close()
    store_access.unlock_with_remembered_key(store_path, keyring)[0].close()  # type: ignore[union-attr]
