"""Start-up on a store that cannot be opened as it is (damaged, in another window, from a newer
rrdesk, in a folder that cannot be made): what the coordinator is told and asked, in order, and
that nothing on disk changes. Driven as a coordinator would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.services.store import store_access
from rrdesk.storage.errors import StoreInUseError
from rrdesk.storage.lock_file import StoreLock
from tests.ui.store.store_problems import (
    StartUp,
    files_beside,
)


def test_a_damaged_store_found_while_unlocking_is_offered_a_backup(
    qtbot, backed_up: Path, store_path: Path, passphrase: str, messages, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    raw = bytearray(store_path.read_bytes())
    raw[100:4096] = os.urandom(4096 - 100)  # a first page no key reads, its salt kept
    store_path.write_bytes(bytes(raw))
    store_access.check_before_unlock(store_path)  # shaped as a store: only the key tells

    def type_the_passphrase(dialog) -> int:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.secret, passphrase)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        return 0

    start_up = StartUp(qtbot, on_unlock=type_the_passphrase)
    before = files_beside(store_path.parent)
    assert start_up.open(store_path, messages, memory_secrets) is None
    assert len(start_up.unlocks) == 1
    (shown,) = start_up.problems
    assert "is damaged: the key is right" in shown.problem.text()
    assert shown.restore_button.isVisibleTo(shown)
    assert files_beside(store_path.parent) == before


def test_a_store_open_in_another_window_is_said_before_any_passphrase_and_can_be_tried_again(
    qtbot, new_store, store_path: Path, messages, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    other_window = StoreLock(store_path)
    other_window.acquire()

    def closed_there_then_tried(dialog) -> int:  # type: ignore[no-untyped-def]
        assert not dialog.restore_button.isVisible()
        other_window.release()  # the person closes the other window, then tries again
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        return 1

    start_up = StartUp(qtbot, on_problem=closed_there_then_tried)
    try:
        with pytest.raises(StoreInUseError):
            store_access.check_before_unlock(store_path)
        assert start_up.open(store_path, messages, memory_secrets) is None
    finally:
        other_window.release()
    (shown,) = start_up.problems
    assert shown.problem.text().startswith("This store is already open in another rrdesk")
    assert shown.retry
    # Then, the store free, the passphrase is asked for, with nothing to add.
    assert [dialog.notice.text() for dialog in start_up.unlocks] == [""]


def test_a_folder_that_cannot_be_made_is_said_and_tried_again_then_set_up(
    qtbot, tmp_path: Path, messages, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    in_the_way = tmp_path / "Rapid Reviews"  # a file where the store's folder should be
    in_the_way.write_text("not a folder", encoding="utf-8")
    path = in_the_way / "partnership.rrdesk"
    set_up: list[Path] = []

    def moved_then_tried(dialog) -> int:  # type: ignore[no-untyped-def]
        in_the_way.unlink()  # the person sorts the folder out, then tries again
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
        return 1

    class SetUp:
        def __init__(self, store_path: Path, **_seams: object) -> None:
            set_up.append(store_path)
            self.session = None
            self.keyring_message = ""

        def exec(self) -> int:
            return 0

    from rrdesk.ui.store import setup_dialog

    start_up = StartUp(qtbot, on_problem=moved_then_tried)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(setup_dialog, "SetupDialog", SetUp)
        assert start_up.open(path, messages, memory_secrets) is None
    (shown,) = start_up.problems
    said = shown.problem.text()
    assert said.startswith(f"rrdesk cannot make the folder {in_the_way} for the store (")
    assert said.endswith(
        "If it is on a drive that is not connected, connect it and try again. "
        "Nothing has been changed."
    )
    assert shown.retry_button.isVisibleTo(shown)
    assert not shown.restore_button.isVisibleTo(shown)
    assert set_up == [path]
    assert not in_the_way.exists()  # made for the store, then taken away as set-up was left


def test_a_store_from_a_newer_rrdesk_opened_with_the_remembered_key_is_not_asked_a_passphrase(
    qtbot, new_store, store_path: Path, messages, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.storage.migrations import SCHEMA_VERSION

    session = new_store.session
    assert store_access.remember_key(session, memory_secrets) == ""
    session.db.set_user_version(SCHEMA_VERSION + 1)
    session.close()
    start_up = StartUp(qtbot)
    before = files_beside(store_path.parent)
    assert start_up.open(store_path, messages, memory_secrets) is None
    assert start_up.unlocks == []
    (shown,) = start_up.problems
    assert "made by a newer version of rrdesk" in shown.problem.text()
    assert not shown.restore_button.isVisibleTo(shown)
    assert not shown.retry_button.isVisibleTo(shown)
    assert files_beside(store_path.parent) == before
