"""The backups and locking screen, and the rolling-backup scheduler."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.services.store import locking
from rrdesk.services.store.backups import check_backup, keep_count, rolling_backups, set_keep_count
from rrdesk.ui.store.backup_scheduler import BackupScheduler
from rrdesk.ui.store.backup_widget import BackupWidget
from tests.fakes import ImmediateRunner, ScriptedFileDialogs

NOW = datetime(2026, 11, 22, 9, 0, 0)


def _widget(session, messages, folder: Path) -> BackupWidget:  # type: ignore[no-untyped-def]
    """The Backups screen, its rolling backups in ``folder``; no file is asked for."""
    return BackupWidget(
        session,
        messages,
        files=ScriptedFileDialogs(),
        runner=ImmediateRunner(),
        folder=folder,
        now=lambda: NOW,
    )


def test_back_up_now_writes_where_the_user_chose(
    qtbot, session, messages, tmp_path: Path, passphrase: str
) -> None:
    chosen = tmp_path / "usb"
    chosen.mkdir()
    files = ScriptedFileDialogs(save_folder=chosen)
    widget = BackupWidget(
        session,
        messages,
        files=files,
        runner=ImmediateRunner(),
        folder=tmp_path / "backups",
        now=lambda: NOW,
    )
    qtbot.addWidget(widget)
    qtbot.mouseClick(widget.back_up_button, Qt.MouseButton.LeftButton)
    assert files.asked == [("Back up now", "partnership-2026-11-22.rrbackup")]
    written = chosen / "partnership-2026-11-22.rrbackup"
    assert widget.status.text() == f"Backed up to {written}"
    assert check_backup(written, passphrase, work_folder=tmp_path).audit_entries >= 1
    assert messages.shown == []


def test_back_up_now_refuses_a_synced_folder(qtbot, session, messages, tmp_path: Path) -> None:
    synced = tmp_path / "OneDrive - Northmoor"
    synced.mkdir()
    widget = BackupWidget(
        session,
        messages,
        files=ScriptedFileDialogs(save_folder=synced),
        runner=ImmediateRunner(),
        folder=tmp_path / "backups",
        now=lambda: NOW,
    )
    qtbot.addWidget(widget)
    qtbot.mouseClick(widget.back_up_button, Qt.MouseButton.LeftButton)
    assert messages.shown[0][1] == "The backup was not made"
    assert "OneDrive syncs that folder" in messages.texts[0]
    assert list(synced.iterdir()) == []


def test_settings_are_kept_in_the_store(qtbot, session, messages, tmp_path: Path) -> None:
    widget = _widget(session, messages, tmp_path)
    qtbot.addWidget(widget)
    assert widget.idle.value() == 5
    assert widget.keep.value() == 10
    widget.keep.setValue(4)
    widget.keep.editingFinished.emit()
    with qtbot.waitSignal(widget.idle_minutes_changed) as blocker:
        widget.idle.setValue(20)
        widget.idle.editingFinished.emit()
    assert blocker.args == [20]
    assert keep_count(session) == 4
    assert locking.idle_minutes(session) == 20


def test_scheduler_backs_up_daily_and_on_close(qtbot, session, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    clock = [NOW]
    current = [session]
    scheduler = BackupScheduler(
        lambda: current[0], runner=ImmediateRunner(), now=lambda: clock[0], folder=folder
    )
    with qtbot.waitSignal(scheduler.backup_made) as made:
        assert scheduler.back_up_if_due() is True
    assert made.args == [str(folder / "partnership-20261122-090000.rrbackup")]
    clock[0] = NOW.replace(hour=18)
    assert scheduler.back_up_if_due() is False
    clock[0] = datetime(2026, 11, 23, 9, 0, 0)
    assert scheduler.back_up_if_due() is True
    assert len(rolling_backups(folder, session.path)) == 2
    clock[0] = datetime(2026, 11, 23, 17, 0, 0)
    assert scheduler.back_up_on_close() is None  # nothing changed since the morning's backup
    set_keep_count(session, 9)
    closing = scheduler.back_up_on_close()
    assert closing is not None
    assert rolling_backups(folder, session.path)[-1] == closing
    assert len(rolling_backups(folder, session.path)) == 3
    assert scheduler.back_up_on_close() is None  # and none again when opened and closed as it is
    set_keep_count(session, 8)
    current[0] = None
    assert scheduler.back_up_on_close() is None  # locked: the store is closed


def test_recent_backups_say_when_they_were_made(qtbot, session, messages, tmp_path: Path) -> None:
    from rrdesk.services.store.backups import make_rolling_backup

    folder = tmp_path / "backups"
    widget = _widget(session, messages, folder)
    qtbot.addWidget(widget)

    def shown() -> list[str]:
        return [widget.recent.item(row).text() for row in range(widget.recent.count())]

    assert shown() == ["No rolling backups yet."]
    make_rolling_backup(session, NOW, folder)
    make_rolling_backup(session, datetime(2026, 11, 23, 17, 5, 0), folder)
    widget.refresh()
    assert shown() == [
        "23 November 2026 at 5:05pm: partnership-20261123-170500.rrbackup",
        "22 November 2026 at 9am: partnership-20261122-090000.rrbackup",
    ]


def test_a_failed_backup_logs_only_the_kind_of_failure(
    qtbot, session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The message of a failure (which can name files, folders and people) is shown, never
    logged: the log says only what kind of failure it was."""
    scheduler = BackupScheduler(
        lambda: session, runner=ImmediateRunner(), now=lambda: NOW, folder=tmp_path / "backups"
    )
    session.db.close()  # the store closed, as a lock does: nothing can be held to copy
    with qtbot.waitSignal(scheduler.backup_failed) as failed:
        assert scheduler.back_up(session) is False
    assert failed.args[0].startswith("The store is closed")
    logged = [record.getMessage() for record in caplog.records]
    assert logged == ["rolling backup failed: StoreClosedError"]
    scheduler.stop()
