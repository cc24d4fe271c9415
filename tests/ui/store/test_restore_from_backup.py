"""Restoring a backup from the Backups screen, as a coordinator would, around the real window."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.services.store.backups import back_up_to, check_backup
from rrdesk.storage.keys.key_file import slot_file_for
from rrdesk.ui.store.backup_widget import BackupWidget
from rrdesk.ui.store.restore_dialog import BackupSecretDialog
from tests.fakes import ImmediateRunner, ScriptedFileDialogs
from tests.ui.store.restoring import RestoringApp, add_case_for, shown_references

NOW = datetime(2026, 11, 22, 9, 0)


def test_the_dialog_says_a_wrong_passphrase_and_lets_the_user_try_again(
    qtbot, session, tmp_path: Path, passphrase: str
) -> None:
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    tried: list[tuple[str, bool]] = []

    def check(secret: str, recovery: bool):  # type: ignore[no-untyped-def]
        tried.append((secret, recovery))
        return check_backup(backup, secret, recovery=recovery, work_folder=tmp_path)

    dialog = BackupSecretDialog(backup, check, runner=ImmediateRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.file_label.text() == "Backup: monday.rrbackup"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Error: Enter the passphrase"
    assert tried == []
    qtbot.keyClicks(dialog.secret, "not the passphrase at all")
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert dialog.error.isVisible()
    assert "passphrase is not right" in dialog.error.text()
    assert dialog.result_check is None
    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.result_check is not None
    assert dialog.result() == BackupSecretDialog.DialogCode.Accepted
    assert (dialog.secret_text, dialog.used_recovery) == (passphrase, False)
    assert [t[1] for t in tried] == [False, False]
    assert list(tmp_path.glob("*check*")) == [], "the work copy is removed after the check"


def test_the_recovery_key_opens_a_backup_too(qtbot, new_store, tmp_path: Path) -> None:
    backup = back_up_to(new_store.session, tmp_path / "monday.rrbackup")
    dialog = BackupSecretDialog(
        backup,
        lambda secret, recovery: check_backup(
            backup, secret, recovery=recovery, work_folder=tmp_path
        ),
        runner=ImmediateRunner(),
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert dialog.secret_field.label.text() == "Recovery key"
    qtbot.keyClicks(dialog.secret, new_store.recovery_key)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.used_recovery is True
    assert dialog.result_check is not None


def test_cancelling_at_any_step_changes_nothing(
    qtbot, session, messages, tmp_path: Path, passphrase: str
) -> None:
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    answers: list[object] = [None]

    def ask(_parent, path, check, _runner):  # type: ignore[no-untyped-def]
        if answers[0] is None:
            return None
        return check(passphrase, False), passphrase, False

    widget = BackupWidget(
        session,
        messages,
        folder=tmp_path,
        files=ScriptedFileDialogs(open_=[backup] * 3),
        ask_secret=ask,
        runner=ImmediateRunner(),
        now=lambda: NOW,
    )
    qtbot.addWidget(widget)
    emitted: list[tuple[object, ...]] = []
    widget.restore_requested.connect(lambda *args: emitted.append(args))
    qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
    assert emitted == []
    assert messages.shown == []
    answers[0] = "yes"
    messages.confirm_answer = False
    qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
    assert emitted == []
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("confirm", "Restore this backup?")
    assert "The backup monday.rrbackup is whole: 0 cases" in text
    assert "kept beside it under a new name, so nothing is deleted" in text
    assert "different store" not in text
    messages.confirm_answer = True
    qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
    assert emitted == [(backup, passphrase, False, None)]


def test_choosing_the_store_itself_is_refused(qtbot, session, messages, tmp_path: Path) -> None:
    files = ScriptedFileDialogs(open_=[session.path])
    widget = BackupWidget(
        session,
        messages,
        folder=tmp_path,
        files=files,
        ask_secret=lambda *_args: None,
        runner=ImmediateRunner(),
        now=lambda: NOW,
    )
    qtbot.addWidget(widget)
    qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
    assert files.asked == [("Restore from a backup", "")]
    assert files.started_in == [tmp_path], "the dialog opens in the rolling backups folder"
    assert messages.shown[0][1] == "That is the store itself"


def test_restoring_puts_the_backup_in_place_and_keeps_the_store_aside(
    qtbot, blank_context, messages, passphrase: str, tmp_path: Path, today: date
) -> None:
    session = blank_context.session
    before = add_case_for(session, today, "Child Before")
    backup = back_up_to(session, tmp_path / "before-the-meeting.rrbackup")
    later = add_case_for(session, today, "Child Later")

    def ask(_parent, _path, check, _runner):  # type: ignore[no-untyped-def]
        return check(passphrase, False), passphrase, False

    app = RestoringApp(qtbot, blank_context, tmp_path / "rolling", backup, ask)
    protection, windows = app.protection, app.windows
    assert shown_references(windows[0]) == {before, later}
    app.click_restore(qtbot)

    assert len(windows) == 2, "rrdesk opened the restored store in a new window"
    restored = protection.session
    assert restored is not None
    assert restored is not session
    assert not session.is_open
    assert later not in shown_references(windows[1])
    assert later not in {c.reference for c in restored.cases.all_cases()}
    assert shown_references(windows[1]) == {before}, "the store as it was backed up"
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("info", "Backup restored")
    aside = [p for p in session.path.parent.iterdir() if ".before-restore-" in p.name]
    assert any(p.name.endswith(".rrdesk-keys") or "keys" in p.name for p in aside)
    kept = next(p for p in aside if p.name == text.split("kept as ")[1].split(",")[0])
    assert slot_file_for(kept).exists()
    protection.stop()


def test_a_restore_that_fails_leaves_the_store_as_it_was(
    qtbot, blank_context, messages, passphrase: str, tmp_path: Path, today: date
) -> None:
    session = blank_context.session
    before = add_case_for(session, today, "Child Before")
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    later = add_case_for(session, today, "Child Later")
    store_bytes_before = session.path.stat().st_size

    def ask(_parent, _path, check, _runner):  # type: ignore[no-untyped-def]
        checked = check(passphrase, False)
        backup.write_bytes(backup.read_bytes()[:200])  # damaged after the check
        return checked, passphrase, False

    app = RestoringApp(qtbot, blank_context, tmp_path / "rolling", backup, ask)
    protection, windows = app.protection, app.windows
    app.click_restore(qtbot)

    assert protection.session is None, "rrdesk stays locked, saying why"
    kind, title, _text = messages.shown[-1]
    assert (kind, title) == ("error", "The backup was not restored")
    locked = protection.controller.locked_screen
    assert locked is not None
    assert "Unlock to carry on" in locked.error.text()
    assert [p for p in session.path.parent.iterdir() if ".before-restore-" in p.name] == []
    assert session.path.stat().st_size >= store_bytes_before
    assert protection.controller.unlock(passphrase) == ""
    reopened = protection.session
    assert reopened is not None
    assert {c.reference for c in reopened.cases.all_cases()} == {before, later}
    assert shown_references(windows[-1]) == {before, later}
    protection.stop()


class _HeldRunner:
    """Holds the work until told to run it, as a background thread would."""

    def __init__(self) -> None:
        self.held: list[tuple[object, object, object]] = []

    def start(self, work, *, on_done, on_error, on_progress=None):  # type: ignore[no-untyped-def]
        self.held.append((work, on_done, on_error))

    def finish(self) -> None:
        work, on_done, on_error = self.held.pop(0)
        try:
            result = work(lambda *_: None, lambda: False)  # type: ignore[operator]
        except BaseException as error:
            on_error(error)  # type: ignore[operator]
        else:
            on_done(result)  # type: ignore[operator]


def test_the_check_runs_off_the_screen_thread(
    qtbot, session, tmp_path: Path, passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    backup = back_up_to(session, tmp_path / "monday.rrbackup")
    runner = _HeldRunner()
    dialog = BackupSecretDialog(
        backup,
        lambda secret, recovery: check_backup(
            backup, secret, recovery=recovery, work_folder=tmp_path
        ),
        runner=runner,  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.check_button.text() == "Checking…"
    assert not dialog.check_button.isEnabled()
    assert dialog.result_check is None
    runner.finish()
    assert dialog.check_button.isEnabled()
    assert dialog.result_check is not None


def test_the_restore_runs_off_the_screen_thread_behind_the_lock(
    qtbot, blank_context, messages, passphrase: str, tmp_path: Path, today: date
) -> None:  # type: ignore[no-untyped-def]
    before = add_case_for(blank_context.session, today, "Child Before")
    backup = back_up_to(blank_context.session, tmp_path / "monday.rrbackup")
    add_case_for(blank_context.session, today, "Child Later")

    def ask(_parent, _path, check, _runner):  # type: ignore[no-untyped-def]
        return check(passphrase, False), passphrase, False

    runner = _HeldRunner()
    app = RestoringApp(qtbot, blank_context, tmp_path / "rolling", backup, ask, runner=runner)
    app.click_restore(qtbot)
    controller = app.protection.controller
    screen = controller.locked_screen
    assert screen is not None
    assert controller.is_locked, "the store is closed while the backup is put in place"
    assert screen.reason.text().startswith("Putting the backup in place")
    assert not screen.unlock_button.isEnabled()
    assert not screen.secret.isEnabled()
    runner.finish()
    assert not controller.is_locked
    assert messages.shown[-1][:2] == ("info", "Backup restored")
    assert shown_references(app.windows[-1]) == {before}
    app.protection.stop()


def test_a_backup_of_another_store_is_named_as_such_before_anything_is_replaced(
    qtbot, session, messages, tmp_path: Path, passphrase: str, others_backup: Path
) -> None:  # type: ignore[no-untyped-def]
    backup = others_backup
    widget = BackupWidget(
        session,
        messages,
        folder=tmp_path,
        files=ScriptedFileDialogs(open_=[backup]),
        ask_secret=lambda _parent, _path, check, _runner: (
            check(passphrase, False),
            passphrase,
            False,
        ),
        runner=ImmediateRunner(),
        now=lambda: NOW,
    )
    qtbot.addWidget(widget)
    messages.confirm_answer = False
    qtbot.mouseClick(widget.restore_button, Qt.MouseButton.LeftButton)
    kind, title, text = messages.shown[-1]
    assert (kind, title) == ("confirm", "Restore this backup?")
    assert (
        "This is a backup of a different store (Eastbrook Safeguarding Children Partnership), "
        "not of this one. Restoring it puts that store's cases in place of this one's."
    ) in text
