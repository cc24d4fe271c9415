"""The File menu's store actions (a new case, remembering the key on this computer) and the
Backups screen, in the main window over a new store."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from rrdesk.app import build_main_window
from rrdesk.services.store import store_access
from tests.fakes import ImmediateRunner


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
    fresh = dialog.recovery_key.text()
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


@pytest.mark.parametrize(
    ("action", "title"),
    [
        ("action_change_passphrase", "Changing the passphrase"),
        ("action_new_recovery_key", "Making a new recovery key"),
    ],
)
def test_changing_the_key_shows_its_progress_and_every_lock_waits_for_it(
    qtbot, new_store, messages, memory_secrets, today, tmp_path, action: str, title: str
) -> None:  # type: ignore[no-untyped-def]
    import os
    from datetime import datetime

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from rrdesk.domain.cases.cases import Child
    from rrdesk.ui.shell.main_window import MainWindow
    from rrdesk.ui.store.account_actions import (
        KEY_CHANGE_TEXT,
        KeyChangeProgress,
        install_account_actions,
    )
    from rrdesk.ui.store.backup_scheduler import BackupScheduler
    from rrdesk.ui.store.lock_controller import LockController
    from tests.builders import add_case

    session = new_store.session
    case = add_case(session, today=today, notified=today, children=(Child("Child K"),))
    with session.db.transaction():  # about 3 MB: the copy goes in several steps of 1 MB
        session.documents.add_export(case.case_id, "decision_sheet", os.urandom(3 << 20), "signed")
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    window.show()
    messages.confirm_answer = True
    install_account_actions(
        window,
        session,
        memory_secrets,
        messages,
        new_case=lambda: None,
        ask_passphrase=lambda: "a brand new long passphrase",
    )
    controller = LockController(
        session,
        runner=ImmediateRunner(),
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        rebuild=lambda _session: None,
    )
    controller.watch(window)
    controller.set_idle_interval_ms(1)  # idle at once: only the change holds the lock off
    rolling = tmp_path / "rolling"
    scheduler = BackupScheduler(
        lambda: session,
        runner=ImmediateRunner(),
        now=lambda: datetime(2026, 11, 22, 9),
        folder=rolling,
        check_every_ms=60_000,
    )
    seen: list[tuple[str, str, int, int, bool, bool]] = []

    def look() -> None:  # between the copy's steps, as the screen is drawn again
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, KeyChangeProgress):
            return
        if not seen:  # the screen locks (as the operating system's lock would), and Escape
            controller.lock("session")
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            assert scheduler.back_up_if_due() is False  # a rolling backup is due, and waits
        seen.append(
            (
                dialog.windowTitle(),
                dialog.labelText(),
                dialog.value(),
                dialog.maximum(),
                dialog.isVisible(),
                controller.is_locked,
            )
        )

    watcher = QTimer()
    watcher.timeout.connect(look)
    watcher.start(0)
    key_before = session.key_bytes()
    window.findChild(QAction, action).trigger()
    watcher.stop()

    assert session.key_bytes() != key_before
    steps = [entry for entry in seen if "pages done" in entry[1]]
    assert len(steps) >= 3, seen
    assert {entry[0] for entry in seen} == {title}
    assert all(entry[1].startswith(KEY_CHANGE_TEXT) for entry in seen)
    assert [entry[2] for entry in steps] == sorted(entry[2] for entry in steps)
    assert steps[-1][2] == steps[-1][3] > 256
    assert steps[-1][1].endswith(f"{steps[-1][3]:,} of {steps[-1][3]:,} pages done.")
    assert all(entry[4] for entry in seen)  # Escape did not close it
    assert not any(entry[5] for entry in seen)  # neither the idle lock nor the screen's locked
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert "key_change_progress" not in [widget.objectName() for widget in shown]
    qtbot.waitUntil(lambda: controller.is_locked, timeout=5000)  # then the lock is kept
    assert not session.is_open
    controller.stop()
    scheduler.stop()
    assert not rolling.exists()  # none made while the key changed, though one was due
