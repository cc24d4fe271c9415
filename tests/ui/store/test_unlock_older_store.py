"""Unlocking an older copy of the store: rrdesk says when the store was last opened and asks
before going on."""

from __future__ import annotations

import shutil
from pathlib import Path

from rrdesk.services.store import rollback, store_access
from tests.ui.store.unlocking import (
    digest,
    unlock_answering_no,
    unlock_answering_yes,
    unlock_dialog_on,
)


def _older(new_store, store_path: Path, passphrase: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    old = tmp_path / "older.rrdesk"
    shutil.copyfile(store_path, old)
    store_access.unlock_with_passphrase(store_path, passphrase).close()
    shutil.copyfile(old, store_path)


def test_an_older_store_is_opened_only_when_the_person_says_so(
    qtbot, new_store, store_path: Path, passphrase: str, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _older(new_store, store_path, passphrase, tmp_path)
    before = digest(store_path)
    dialog = unlock_dialog_on(qtbot, store_path, messages)
    kind, title, text = unlock_answering_no(qtbot, dialog, messages, passphrase)
    assert (kind, title) == ("confirm", "Open an older copy of the store?")
    assert text.startswith("This store is older than the one last opened on this computer: ")
    assert dialog.session is None
    assert dialog.summary.messages == ["The older copy was not opened. Nothing has been changed."]
    assert digest(store_path) == before

    assert unlock_answering_yes(qtbot, dialog, messages) == rollback.OPENED_OLDER


def test_the_apps_unlock_notices_an_older_store_with_its_own_older_key_file(
    qtbot, new_store, store_path: Path, passphrase: str, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from rrdesk.app.opening import unlock_dialog
    from rrdesk.keystore import MemorySecretStore
    from rrdesk.storage.keys import key_file
    from tests.seams import seams_for

    keyring = MemorySecretStore()
    new_store.session.close()
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    keys = key_file.slot_file_for(store_path)
    shutil.copyfile(store_path, tmp_path / "older.rrdesk")
    shutil.copyfile(keys, tmp_path / "older-keys")
    store_access.unlock_with_passphrase(store_path, passphrase, secret_store=keyring).close()
    shutil.copyfile(tmp_path / "older.rrdesk", store_path)
    shutil.copyfile(tmp_path / "older-keys", keys)
    before = digest(store_path)

    dialog = unlock_dialog(store_path, seams_for(messages, lambda: date(2026, 12, 7)), keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    kind, title, text = unlock_answering_no(qtbot, dialog, messages, passphrase)
    assert (kind, title) == ("confirm", "Open an older copy of the store?")
    assert text.startswith("This store is older than the one last opened on this computer: ")
    assert dialog.session is None
    assert digest(store_path) == before


def test_a_store_changed_since_it_was_closed_is_opened_only_when_the_person_says_so(
    qtbot, new_store, store_path: Path, passphrase: str, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.changed_stores import page_put_back

    page_put_back(new_store.session, store_path, passphrase, tmp_path)
    before = digest(store_path)
    dialog = unlock_dialog_on(qtbot, store_path, messages)
    kind, title, text = unlock_answering_no(qtbot, dialog, messages, passphrase)
    assert (kind, title) == ("confirm", "Open a store changed outside rrdesk?")
    assert text.startswith(
        "This store has been changed outside rrdesk since it was last closed on "
    )
    assert dialog.session is None
    assert dialog.summary.messages == [
        "The changed store was not opened. Nothing has been changed."
    ]
    assert digest(store_path) == before

    assert unlock_answering_yes(qtbot, dialog, messages) == rollback.OPENED_CHANGED
