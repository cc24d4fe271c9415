"""The File menu's store actions (a new case, remembering the key on this computer) and the
Backups screen, in the main window over a new store."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from rrdesk.app import build_main_window
from rrdesk.services.store import store_access


def _window(qtbot, context):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_menus_new_case_and_remember(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, blank_context)
    names = [a.objectName() for a in window.file_menu.actions() if a.objectName()]
    assert names[:4] == [
        "action_new_case",
        "action_change_passphrase",
        "action_new_recovery_key",
        "action_remember",
    ]
    window.findChild(QAction, "action_new_case").trigger()
    assert window.section("cases").editor.current_page_key == "stage"
    remember = window.findChild(QAction, "action_remember")
    assert not remember.isChecked()
    remember.trigger()
    assert remember.isChecked()
    assert blank_context.secret_store.entries
    remember.trigger()
    assert not blank_context.secret_store.entries


def test_remember_shows_what_the_keyring_holds_once_on_screen_and_when_the_menu_opens(
    qtbot, blank_context
) -> None:  # type: ignore[no-untyped-def]
    assert store_access.remember_key(blank_context.session, blank_context.secret_store) == ""
    window = _window(qtbot, blank_context)
    remember = window.findChild(QAction, "action_remember")
    qtbot.waitUntil(remember.isChecked)
    assert (
        store_access.forget_key(blank_context.session, blank_context.secret_store) == ""
    )  # elsewhere
    window.file_menu.aboutToShow.emit()
    assert not remember.isChecked()
    assert not blank_context.secret_store.entries  # reading the state changed nothing


def test_remember_with_broken_keyring_is_explained(qtbot, blank_context) -> None:  # type: ignore[no-untyped-def]
    blank_context.secret_store.broken = "The keyring could not be written (locked)."
    window = _window(qtbot, blank_context)
    remember = window.findChild(QAction, "action_remember")
    remember.trigger()
    assert not remember.isChecked()
    assert "The keyring could not be written" in blank_context.messages.texts[-1]


def test_the_backups_screen_shows_the_folder_rolling_backups_go_to(  # type: ignore[no-untyped-def]
    qtbot, blank_context, tmp_path
) -> None:
    blank_context.backups_folder = tmp_path / "rolling" / "backups"
    window = _window(qtbot, blank_context)
    window.show_section("backups")
    backups = window.section("backups")
    assert (
        backups.folder_label.text()
        == f"Rolling backups are kept in {tmp_path / 'rolling' / 'backups'}"
    )


def test_a_new_recovery_key_is_shown_once_and_the_old_one_stops_working(
    qtbot, new_store, blank_context
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from rrdesk.services.store.errors import WrongSecretError
    from rrdesk.ui.store.account_actions import RecoveryKeyDialog

    context = blank_context
    window = _window(qtbot, context)
    context.messages.confirm_answer = False
    window.findChild(QAction, "action_new_recovery_key").trigger()
    assert context.messages.shown[-1][1] == "Make a new recovery key?"
    assert window.findChild(RecoveryKeyDialog) is None
    context.messages.confirm_answer = True
    window.findChild(QAction, "action_new_recovery_key").trigger()
    dialog = window.findChild(RecoveryKeyDialog)
    assert dialog is not None
    fresh = dialog.key_label.text()
    assert len(fresh.split("-")) == 8
    assert not dialog.close_button.isEnabled()
    dialog.stored_check.setChecked(True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    path = new_store.session.path
    new_store.session.close()
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_recovery_key(path, new_store.recovery_key)
    store_access.unlock_with_recovery_key(path, fresh).close()


def test_change_passphrase_from_the_file_menu_changes_the_key_and_keeps_a_remembered_one(
    qtbot, new_store, messages, memory_secrets, passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.services.store.errors import WrongSecretError
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.store.account_actions import PASSPHRASE_CHANGED, install_account_actions

    session = new_store.session
    store_access.remember_key(session, memory_secrets)
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    install_account_actions(
        window,
        session,
        memory_secrets,
        messages,
        new_case=lambda: None,
        ask_passphrase=lambda: "a brand new long passphrase",
    )
    key_before = session.key_bytes()
    window.findChild(QAction, "action_change_passphrase").trigger()
    assert messages.shown[-1] == ("info", "Passphrase changed", PASSPHRASE_CHANGED)
    assert session.key_bytes() != key_before
    path = session.path
    session.close()
    with pytest.raises(WrongSecretError):
        store_access.unlock_with_passphrase(path, passphrase)
    remembered, notice = store_access.unlock_with_remembered_key(path, memory_secrets)
    assert notice == ""
    assert remembered is not None
    remembered.close()


def test_change_passphrase_asks_the_current_one_to_keep_the_signing_key(
    qtbot, new_store, messages, memory_secrets, passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from rrdesk.services.partnership.signing_service import SigningService
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.store.account_actions import install_account_actions

    session = new_store.session
    identity = SigningService(session).ensure_identity(datetime.now(UTC), passphrase)
    session.forget_signing_keys()  # as after opening: not yet opened this session
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    answers: list[str | None] = [None, passphrase]
    asked: list[str] = []

    def ask_current() -> str | None:
        asked.append("current")
        return answers.pop(0)

    install_account_actions(
        window,
        session,
        memory_secrets,
        messages,
        new_case=lambda: None,
        ask_passphrase=lambda: "a brand new long passphrase",
        ask_current_passphrase=ask_current,
    )
    key_before = session.key_bytes()
    window.findChild(QAction, "action_change_passphrase").trigger()  # cancelled
    assert session.key_bytes() == key_before
    window.findChild(QAction, "action_change_passphrase").trigger()
    assert asked == ["current", "current"]
    assert session.key_bytes() != key_before
    session.forget_signing_keys()
    assert SigningService(session).identity("a brand new long passphrase") == identity
