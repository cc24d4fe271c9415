""" "Back up now" writes the copy off the window's thread: the button says "Backing up…" until it
is done, the window can be used meanwhile, a lock meanwhile is safe, and the idle lock waits for
the backup to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.store.backups import check_backup
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.store.backup_widget import BackupWidget
from rrdesk.ui.store.protection import Protection
from tests.builders import add_case
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.ui.main_windows import WindowRebuilder, protect_as_the_app_does
from tests.ui.store.held_runner import HeldRunner

CHOSEN = "partnership-2026-11-22.rrbackup"


def _window(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> tuple[MainWindow, Protection, HeldRunner, Path]:
    usb = tmp_path / "usb"
    usb.mkdir()
    runner = HeldRunner()
    context.runner = runner
    context.dialogs = ScriptedFileDialogs(save_folder=usb)
    context.backups_folder = tmp_path / "backups"
    window = WindowRebuilder(qtbot, context)(context.session)
    protection = protect_as_the_app_does(
        window, context, WindowRebuilder(qtbot, context), context.backups_folder, runner
    )
    qtbot.waitUntil(lambda: protection.scheduler.backing_up)  # the day's, once on screen
    runner.run_waiting()  # written before anything else is done
    assert not protection.scheduler.backing_up
    return window, protection, runner, usb


def _back_up_now(qtbot: QtBot, window: MainWindow) -> BackupWidget:
    window.show_section("backups")
    backups = window.section("backups")
    assert isinstance(backups, BackupWidget)
    qtbot.mouseClick(backups.back_up_button, Qt.MouseButton.LeftButton)
    return backups


def test_the_button_says_backing_up_until_the_copy_is_written(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, passphrase: str,
    tmp_path: Path, today: Any,
) -> None:  # fmt: skip
    window, protection, runner, usb = _window(qtbot, blank_context, tmp_path)
    session = blank_context.session
    add_case(session, today=today, notified=today, reference="RR-2026-001")
    backups = _back_up_now(qtbot, window)

    assert backups.back_up_button.text() == "Backing up…"
    assert not backups.back_up_button.isEnabled()
    add_case(session, today=today, notified=today, reference="RR-2026-002")  # meanwhile
    runner.run_waiting()

    assert backups.back_up_button.text() == "Back up now…"
    assert backups.back_up_button.isEnabled()
    assert backups.status.text() == f"Backed up to {usb / CHOSEN}"
    assert check_backup(usb / CHOSEN, passphrase, work_folder=tmp_path).cases == 1
    assert len(session.cases.all_cases()) == 2
    assert messages.shown == []
    protection.stop()


def test_locking_while_backing_up_locks_at_once_and_keeps_no_half_backup(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, passphrase: str,
    tmp_path: Path, today: Any,
) -> None:  # fmt: skip
    window, protection, runner, usb = _window(qtbot, blank_context, tmp_path)
    session = blank_context.session
    add_case(session, today=today, notified=today, reference="RR-2026-001")
    _back_up_now(qtbot, window)
    add_case(session, today=today, notified=today, reference="RR-2026-002")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert protection.controller.is_locked
    runner.run_waiting()

    assert messages.shown[-1][1] == "The backup was not made"
    assert "rrdesk locked or closed while the backup was being made" in messages.texts[-1]
    assert list(usb.iterdir()) == []
    assert protection.controller.unlock(passphrase) == ""
    reopened = protection.session
    assert reopened is not None
    assert [c.reference for c in reopened.cases.all_cases()] == ["RR-2026-001", "RR-2026-002"]
    protection.stop()


def test_the_idle_lock_waits_for_the_backup_then_locks(
    qtbot: QtBot, blank_context: AppContext, passphrase: str, tmp_path: Path
) -> None:
    window, protection, runner, usb = _window(qtbot, blank_context, tmp_path)
    backups = _back_up_now(qtbot, window)
    protection.controller.set_idle_interval_ms(20)

    qtbot.wait(200)  # ten times the idle time, with nobody doing anything
    assert not protection.controller.is_locked
    assert backups.back_up_button.text() == "Backing up…"
    runner.run_waiting()

    assert backups.status.text() == f"Backed up to {usb / CHOSEN}"
    qtbot.waitUntil(lambda: protection.controller.is_locked, timeout=3000)
    assert check_backup(usb / CHOSEN, passphrase, work_folder=tmp_path).cases == 0
    protection.stop()


def test_closing_while_backing_up_still_makes_the_closing_backup_and_loses_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, passphrase: str,
    tmp_path: Path, today: Any,
) -> None:  # fmt: skip
    from rrdesk.services.store import store_access
    from rrdesk.services.store.backups import rolling_backups

    window, protection, runner, usb = _window(qtbot, blank_context, tmp_path)
    session = blank_context.session
    add_case(session, today=today, notified=today, reference="RR-2026-001")
    _back_up_now(qtbot, window)
    add_case(session, today=today, notified=today, reference="RR-2026-002")

    window.close()  # the closing backup is made once the window has gone, as rrdesk ends
    runner.run_waiting()  # the app waits for work under way before it closes the store
    protection.stop()

    assert not session.is_open
    assert check_backup(usb / CHOSEN, passphrase, work_folder=tmp_path).cases == 1
    daily = tmp_path / "backups" / "partnership-20261122-100000.rrbackup"  # on screen
    closing = tmp_path / "backups" / "partnership-20261122-100000.2.rrbackup"  # the same second
    assert set(rolling_backups(tmp_path / "backups", session.path)) == {daily, closing}
    assert check_backup(daily, passphrase, work_folder=tmp_path).cases == 0
    assert check_backup(closing, passphrase, work_folder=tmp_path).cases == 2
    assert [p.name for p in usb.iterdir()] == [CHOSEN]
    reopened = store_access.unlock_with_passphrase(session.path, passphrase)
    assert len(reopened.cases.all_cases()) == 2
    reopened.close()
    assert [title for _kind, title, _text in messages.shown] == []
