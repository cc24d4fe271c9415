"""Locking and rolling backups around the real main window, as the app wires them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from rrdesk.domain.cases.cases import Child
from rrdesk.services.store.backups import rolling_backups
from rrdesk.ui.store.backup_widget import BackupWidget
from tests.builders import add_case
from tests.ui.main_windows import WindowRebuilder, protect_as_the_app_does


def _visible_text(window: QWidget) -> str:
    parts = [window.windowTitle()]
    for child in window.findChildren(QWidget):
        if child.isVisible():
            for name in ("text", "windowTitle", "toolTip", "accessibleName"):
                value = getattr(child, name, None)
                result = value() if callable(value) else None
                if isinstance(result, str):
                    parts.append(result)
    return "\n".join(parts)


def _two_cases(session, today: date) -> None:  # type: ignore[no-untyped-def]
    add_case(session, today=today, notified=date(2026, 11, 16))
    twins = (
        Child("Child K", "Kai Lockwood-Fictional"),
        Child("Child L", "Lily Lockwood-Fictional"),
    )
    add_case(session, today=today, notified=date(2026, 11, 18), children=twins)


def test_lock_unlock_and_back_up_on_close(
    qtbot, blank_context, session, today, messages, passphrase: str, tmp_path: Path
) -> None:
    context = blank_context
    _two_cases(session, today)
    folder = tmp_path / "backups"
    context.backups_folder = folder
    rebuild = WindowRebuilder(qtbot, context)
    windows = rebuild.windows
    first = rebuild(context.session)
    private = [v for case in context.session.cases.all_cases() for v in case.private_values()]
    private += [case.reference for case in context.session.cases.all_cases()]
    assert {"Poppy Example-Fictional", "Kai Lockwood-Fictional", "RR-2026-002"} <= set(private)
    protection = protect_as_the_app_does(first, context, rebuild, folder)
    # The first daily backup is made once the window is on screen.
    qtbot.waitUntil(lambda: len(rolling_backups(folder, context.session.path)) == 1)
    assert protection.controller.idle_interval_ms == 5 * 60_000
    stacked = [first.stack.widget(index) for index in range(first.stack.count())]
    assert not any(isinstance(widget, BackupWidget) for widget in stacked)  # built when shown
    backups = first.section("backups")
    assert isinstance(backups, BackupWidget)
    backups.idle.setValue(12)
    backups.idle.editingFinished.emit()
    assert protection.controller.idle_interval_ms == 12 * 60_000
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    qtbot.keyClick(first, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert protection.session is None
    assert first.windowTitle() == "rrdesk: Locked"
    qtbot.wait(10)
    shown = _visible_text(first)
    assert "Locked" in shown
    assert [value for value in private if value in shown] == []
    assert protection.controller.unlock(passphrase) == ""
    assert len(windows) == 2
    second = windows[1]
    assert protection.session is context.session
    assert second.isVisible()
    assert not first.isVisible()
    second.close()
    assert len(rolling_backups(folder, context.session.path)) == 1  # made once it has gone
    protection.stop()  # as rrdesk ends
    assert len(rolling_backups(folder, context.session.path)) == 2
    assert not context.session.is_open
    assert messages.shown == []


def test_a_key_file_gone_while_locked_is_restored_from_a_backup_and_unlocked(
    qtbot, blank_context, session, today, messages, passphrase: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from rrdesk.services.store.backups import make_rolling_backup
    from rrdesk.storage.keys import key_file
    from rrdesk.ui.store import store_problem_dialog
    from tests.fakes import ScriptedFileDialogs

    context = blank_context
    _two_cases(session, today)
    folder = tmp_path / "backups"
    rebuild = WindowRebuilder(qtbot, context)
    windows = rebuild.windows
    first = rebuild(context.session)
    store_path = context.session.path
    references = sorted(s.reference for s in context.session.cases.all_cases())
    assert references == ["RR-2026-001", "RR-2026-002"]
    backup = make_rolling_backup(context.session, datetime(2026, 11, 20, 17, 5), folder=folder)
    protection = protect_as_the_app_does(first, context, rebuild, folder)
    protection.controller.lock("manual")
    key_file.slot_file_for(store_path).unlink()  # gone while rrdesk was locked
    shown: list[store_problem_dialog.StoreProblemDialog] = []

    class RestoredThere(store_problem_dialog.StoreProblemDialog):
        """The person chooses the backup and enters its passphrase."""

        def __init__(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
            options["files"] = ScriptedFileDialogs(open_=[backup])
            super().__init__(
                *args,
                ask_secret=lambda _parent, _backup, check, _runner: (
                    check(passphrase, False),
                    passphrase,
                    False,
                ),
                **options,
            )

        def exec(self) -> int:
            qtbot.addWidget(self)
            shown.append(self)
            qtbot.mouseClick(self.restore_button, Qt.MouseButton.LeftButton)
            return int(self.result())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_problem_dialog, "StoreProblemDialog", RestoredThere)
        assert protection.controller.unlock(passphrase) == ""
    (dialog,) = shown
    assert dialog.problem.text().startswith("The key file partnership.rrdesk-keys is missing")
    assert dialog.quit_button.text() == "Back"  # to the lock screen: rrdesk does not quit
    assert backup.name in dialog.guidance.text()
    assert not protection.controller.is_locked
    assert len(windows) == 2
    assert sorted(s.reference for s in protection.session.cases.all_cases()) == references
    assert key_file.slot_file_for(store_path).is_file()
    windows[1].close()
    protection.stop()


def _after_the_days_backup(qtbot, context, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The main window, protected as the app does, once the day's backup (made as it came on
    screen) is written: the rolling backups folder and the protection."""
    from tests.ui.store.held_runner import HeldRunner

    runner = HeldRunner()
    context.runner = runner
    folder = context.backups_folder = tmp_path / "backups"
    rebuild = WindowRebuilder(qtbot, context)
    window = rebuild(context.session)
    protection = protect_as_the_app_does(window, context, rebuild, folder, runner)
    qtbot.waitUntil(lambda: protection.scheduler.backing_up)
    runner.run_waiting()
    assert len(rolling_backups(folder, context.session.path)) == 1
    return window, protection, folder


def test_closing_after_a_change_backs_up_once_the_window_has_gone(
    qtbot, blank_context, today, messages, passphrase: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.services.store.backups import check_backup

    session = blank_context.session
    window, protection, folder = _after_the_days_backup(qtbot, blank_context, tmp_path)
    [daily] = rolling_backups(folder, session.path)
    add_case(session, today=today, notified=today, reference="RR-2026-001")
    window.close()
    assert not window.isVisible()
    assert rolling_backups(folder, session.path) == [daily]  # nothing made as it closed
    protection.stop()  # as rrdesk ends, its window gone: the backup is written first

    closing = folder / "partnership-20261122-100000.2.rrbackup"  # the tests' clock stands still
    assert set(rolling_backups(folder, session.path)) == {daily, closing}
    assert check_backup(closing, passphrase, work_folder=tmp_path).cases == 1
    assert check_backup(daily, passphrase, work_folder=tmp_path).cases == 0
    assert not session.is_open
    assert messages.shown == []


def test_closing_with_nothing_changed_makes_no_backup(
    qtbot, blank_context, messages, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    session = blank_context.session
    window, protection, folder = _after_the_days_backup(qtbot, blank_context, tmp_path)
    [daily] = rolling_backups(folder, session.path)
    window.close()
    protection.stop()
    assert rolling_backups(folder, session.path) == [daily]
    assert not session.is_open
    assert messages.shown == []


def test_a_closing_backup_that_fails_is_logged_and_the_store_still_closed(
    qtbot, blank_context, today, messages, tmp_path: Path, caplog
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    session = blank_context.session
    window, protection, folder = _after_the_days_backup(qtbot, blank_context, tmp_path)
    add_case(session, today=today, notified=today, reference="RR-2026-001")
    shutil.rmtree(folder)
    folder.write_bytes(b"")  # a file where the backups folder was: no backup can be made
    window.close()
    caplog.clear()
    protection.stop()

    logged = [record.getMessage() for record in caplog.records]
    assert [line for line in logged if "backup" in line] == [
        "closing backup failed: StoreLocationError"
    ]
    assert not session.is_open
    assert messages.shown == []  # the window has gone: the log says it
