"""The daily rolling backup is written on the task runner: the window stays usable while it is
written, a second look meanwhile begins nothing, and a lock, the idle lock or a restore meanwhile
never closes the store under the copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.store.backups import check_backup, make_rolling_backup, rolling_backups
from rrdesk.services.store.rolling_backups import BACKUP_MADE
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.tasks import TaskStarter
from rrdesk.ui.store.backup_widget import BackupWidget
from rrdesk.ui.store.locked_screen import LockedScreen
from rrdesk.ui.store.protection import Protection, restore_from_backup
from tests.builders import add_case
from tests.fakes import RecordingMessages
from tests.ui.main_windows import WindowRebuilder, protect_as_the_app_does
from tests.ui.store.held_runner import HeldRunner, ReportsHeldRunner

DAILY = "partnership-20261122-100000.rrbackup"  # named by the tests' clock


def _window(
    qtbot: QtBot, context: AppContext, tmp_path: Path, runner: TaskStarter
) -> tuple[MainWindow, Protection, Path]:
    """The main window, locked and backed up as the app does, once on screen with the day's
    backup begun (none was made yet)."""
    context.runner = runner
    folder = context.backups_folder = tmp_path / "backups"
    window = WindowRebuilder(qtbot, context)(context.session)
    protection = protect_as_the_app_does(
        window, context, WindowRebuilder(qtbot, context), folder, runner
    )
    qtbot.waitUntil(lambda: protection.scheduler.backing_up)
    return window, protection, folder


def _press_ctrl_l(qtbot: QtBot, window: MainWindow) -> LockedScreen:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    screen = window.centralWidget()
    assert isinstance(screen, LockedScreen)
    return screen


def test_the_daily_backup_is_written_on_the_runner_while_the_window_is_used(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, passphrase: str,
    tmp_path: Path, today: Any,
) -> None:  # fmt: skip
    runner = HeldRunner()
    window, protection, folder = _window(qtbot, blank_context, tmp_path, runner)
    session = blank_context.session
    assert len(runner.waiting) == 1
    assert list(folder.iterdir()) == []  # nothing written on the window's thread

    window.show_section("backups")  # the window answers meanwhile
    backups = window.section("backups")
    assert isinstance(backups, BackupWidget)
    assert backups.recent.item(0).text() == "No rolling backups yet."
    add_case(session, today=today, notified=today, reference="RR-2026-001")  # saved meanwhile
    assert protection.scheduler.back_up_if_due() is True  # the next look: one is being written
    assert len(runner.waiting) == 1  # and no second one begun

    with qtbot.waitSignal(protection.scheduler.backup_made) as made:
        runner.run_waiting()

    assert made.args == [str(folder / DAILY)]
    assert not protection.scheduler.backing_up
    assert rolling_backups(folder, session.path) == [folder / DAILY]
    assert check_backup(folder / DAILY, passphrase, work_folder=tmp_path).cases == 0  # as begun
    assert [c.reference for c in session.cases.all_cases()] == ["RR-2026-001"]
    assert session.audit.entries()[-1].summary == f"{BACKUP_MADE}: {DAILY}"
    assert session.db.holds == []
    assert messages.shown == []
    protection.stop()
    assert rolling_backups(folder, session.path) == [folder / DAILY]  # the window never closed


def test_a_lock_while_the_daily_backup_is_written_covers_at_once_and_closes_the_store_after(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, passphrase: str,
    tmp_path: Path,
) -> None:  # fmt: skip
    runner = HeldRunner()
    window, protection, folder = _window(qtbot, blank_context, tmp_path, runner)
    session = blank_context.session

    screen = _press_ctrl_l(qtbot, window)
    assert protection.controller.is_locked
    assert window.windowTitle() == "rrdesk: Locked"
    assert screen.reason.text() == "Locking\u2026"
    assert not screen.unlock_button.isEnabled()
    assert session.is_open, "the store is not closed under the copy"

    runner.run_waiting()  # the copy is written; then the store is closed and its seal begun
    assert rolling_backups(folder, session.path) == [folder / DAILY]
    assert check_backup(folder / DAILY, passphrase, work_folder=tmp_path).cases == 0
    runner.run_waiting()  # the seal
    assert not session.is_open
    assert screen.unlock_button.isEnabled()
    assert messages.shown == []

    assert protection.controller.unlock(passphrase) == ""
    reopened = protection.session
    assert reopened is not None
    assert reopened.audit.entries()[-1].summary == f"{BACKUP_MADE}: {DAILY}"
    protection.stop()


def test_the_idle_lock_waits_for_the_daily_backup_then_locks(
    qtbot: QtBot, blank_context: AppContext, tmp_path: Path
) -> None:
    runner = HeldRunner()
    _shown, protection, folder = _window(qtbot, blank_context, tmp_path, runner)
    protection.controller.set_idle_interval_ms(20)

    qtbot.wait(200)  # ten times the idle time, with nobody doing anything
    assert not protection.controller.is_locked
    runner.run_waiting()

    assert rolling_backups(folder, blank_context.session.path) == [folder / DAILY]
    qtbot.waitUntil(lambda: protection.controller.is_locked, timeout=3000)
    runner.run_waiting()  # the seal
    assert not blank_context.session.is_open
    protection.stop()


def test_a_restore_while_the_daily_backup_is_written_waits_for_the_copy(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, passphrase: str,
    tmp_path: Path, today: Any,
) -> None:  # fmt: skip
    from datetime import datetime

    session = blank_context.session
    add_case(session, today=today, notified=today, reference="RR-2026-001")
    earlier = make_rolling_backup(session, datetime(2026, 11, 20, 17, 5), tmp_path / "earlier")
    add_case(session, today=today, notified=today, reference="RR-2026-002")
    runner = ReportsHeldRunner()
    _shown, protection, folder = _window(qtbot, blank_context, tmp_path, runner)
    assert len(runner.started) == 1  # the day's copy, being written; its report held back

    restore_from_backup(protection, messages, earlier, passphrase, recovery=False)
    assert not session.is_open  # closed for the restore once the rest of the copy was written
    assert not protection.scheduler.backing_up
    runner.report()  # the copy's report, then the restore's

    assert check_backup(folder / DAILY, passphrase, work_folder=tmp_path).cases == 2
    assert messages.shown[-1][1] == "Backup restored"
    restored = protection.session
    assert restored is not None
    assert [c.reference for c in restored.cases.all_cases()] == ["RR-2026-001"]
    protection.stop()


def test_protection_stopped_twice_does_nothing_more(
    qtbot: QtBot, blank_context: AppContext, tmp_path: Path
) -> None:
    runner = HeldRunner()
    window, protection, folder = _window(qtbot, blank_context, tmp_path, runner)
    runner.run_waiting()
    window.close()
    protection.stop()
    protection.stop()  # as rrdesk ending twice over would
    assert not blank_context.session.is_open
    assert rolling_backups(folder, blank_context.session.path) == [folder / DAILY]


def test_a_daily_backup_that_fails_on_the_runner_is_said_and_logged_by_its_kind(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, tmp_path: Path,
    caplog: Any,
) -> None:  # fmt: skip
    import shutil

    runner = HeldRunner()
    _shown, protection, folder = _window(qtbot, blank_context, tmp_path, runner)
    session = blank_context.session
    shutil.rmtree(folder)  # the folder gone while the copy waits to be written
    caplog.clear()
    with qtbot.waitSignal(protection.scheduler.backup_failed) as failed:
        runner.run_waiting()

    assert failed.args == [
        f"rrdesk cannot write in the folder {folder}. Choose a folder you can save files in. "
        "Nothing was saved."
    ]
    assert [(kind, title) for kind, title, _text in messages.shown] == [
        ("error", "The automatic backup was not made")
    ]
    assert [record.getMessage() for record in caplog.records] == [
        "rolling backup failed: StoreLocationError"
    ]
    assert not protection.scheduler.backing_up
    assert session.db.holds == []
    assert session.is_open
    assert session.audit.entries()[-1].action != BACKUP_MADE
    protection.stop()


def test_a_bug_while_the_daily_backup_is_written_lets_go_of_the_store_and_is_raised(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, tmp_path: Path,
    monkeypatch: Any,
) -> None:  # fmt: skip
    """A bug is not a store's problem to say in a message: the store is let go, and the bug is
    raised again on the window's thread, where the crash dialog reports it."""
    from rrdesk.services.store.backups import RollingBackupUnderWay

    def a_bug(_backup: object) -> Path:
        raise ZeroDivisionError("a bug in writing the copy")

    runner = HeldRunner()
    _shown, protection, _folder = _window(qtbot, blank_context, tmp_path, runner)
    session = blank_context.session
    monkeypatch.setattr(RollingBackupUnderWay, "write", a_bug)
    with pytest.raises(ZeroDivisionError, match="a bug in writing the copy"):
        runner.run_waiting()

    assert not protection.scheduler.backing_up
    assert session.db.holds == []
    assert session.is_open
    assert messages.shown == []
    assert session.audit.entries()[-1].action != BACKUP_MADE
    protection.stop()
