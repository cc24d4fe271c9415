"""A store that cannot be opened at all: start-up says why and, where a backup is the way past
it, restores one and opens it, keeping what was there. Driven as a coordinator would."""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.app.opening import open_store
from rrdesk.domain.cases.cases import Case, Child
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import make_rolling_backup
from rrdesk.storage.errors import StoreDamagedError, StoreError, StoreInUseError
from rrdesk.storage.keys import key_file
from rrdesk.storage.lock_file import StoreLock
from rrdesk.ui.store import store_problem_dialog, unlock_dialog
from rrdesk.ui.store.restore_dialog import BackupSecretDialog
from rrdesk.ui.store.store_problem_dialog import StoreProblemDialog
from tests.fakes import ImmediateRunner, ScriptedFileDialogs
from tests.seams import seams_for

MADE = datetime(2026, 11, 20, 17, 5)
NOW = datetime(2026, 11, 23, 9, 0)


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def backed_up(new_store, store_path: Path, tmp_path: Path, today: date) -> Path:
    """The store with one case, backed up to the backups folder, then closed."""
    session = new_store.session
    CaseService(session).add_case(
        Case("", (Child("Child T"),), notification_sent=today), today=today
    )
    backup = make_rolling_backup(session, MADE, folder=tmp_path / "backups")
    session.close()
    return backup


def _problem(store_path: Path) -> StoreError:
    with pytest.raises(StoreError) as caught:
        store_access.check_before_unlock(store_path)
    return caught.value


def _typed_in(qtbot, secret: str):  # type: ignore[no-untyped-def]
    """The backup's passphrase dialog, answered by typing ``secret`` and pressing the button."""

    def ask(parent, backup, check, runner):  # type: ignore[no-untyped-def]
        dialog = BackupSecretDialog(backup, check, runner=runner, parent=parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.secret, secret)
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        if dialog.result_check is None:
            return None
        return dialog.result_check, dialog.secret_text, dialog.used_recovery

    return ask


def _dialog(qtbot, store_path, messages, tmp_path, *, chosen=(), ask_secret=None):  # type: ignore[no-untyped-def]
    """The screen for what stops ``store_path`` opening now; the file chooser answers with the
    paths in ``chosen``, one a time."""
    extra = {"ask_secret": ask_secret} if ask_secret is not None else {}
    dialog = StoreProblemDialog(
        store_path,
        _problem(store_path),
        messages=messages,
        backups_folder=tmp_path / "backups",
        files=ScriptedFileDialogs(open_=list(chosen)),
        runner=ImmediateRunner(),
        now=lambda: NOW,
        **extra,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


class _StartUp:
    """rrdesk's start-up on a store (``open_store``), its screens answered by the test: each
    store-problem screen and each passphrase box shown is kept, and answered by ``on_problem`` /
    ``on_unlock`` (by default, closed at once, as Quit does)."""

    def __init__(self, qtbot, *, on_problem=None, on_unlock=None) -> None:  # type: ignore[no-untyped-def]
        self.problems: list[StoreProblemDialog] = []
        self.unlocks: list[unlock_dialog.UnlockDialog] = []
        start_up = self

        class Problem(StoreProblemDialog):
            def exec(self) -> int:
                qtbot.addWidget(self)
                self.show()
                start_up.problems.append(self)
                return on_problem(self) if on_problem else 0

        class Unlock(unlock_dialog.UnlockDialog):
            def exec(self) -> int:
                qtbot.addWidget(self)
                start_up.unlocks.append(self)
                return on_unlock(self) if on_unlock else 0

        self._problem, self._unlock = Problem, Unlock

    def open(self, path: Path, messages, secrets):  # type: ignore[no-untyped-def]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(store_problem_dialog, "StoreProblemDialog", self._problem)
            patch.setattr(unlock_dialog, "UnlockDialog", self._unlock)
            return open_store(path, seams_for(messages, NOW.date), secrets)


def test_a_missing_key_file_is_restored_from_the_newest_backup_and_opened(
    qtbot, backed_up: Path, store_path: Path, tmp_path: Path, passphrase: str, messages
) -> None:  # type: ignore[no-untyped-def]
    key_file.slot_file_for(store_path).unlink()
    damaged = store_path.read_bytes()
    dialog = _dialog(
        qtbot,
        store_path,
        messages,
        tmp_path,
        chosen=[backed_up],
        ask_secret=_typed_in(qtbot, passphrase),
    )
    assert dialog.windowTitle() == "rrdesk cannot open the store"
    assert dialog.problem.text().startswith("The key file partnership.rrdesk-keys is missing")
    assert dialog.guidance.isVisible()
    assert dialog.guidance.text() == (
        "A backup holds the store and its key file. The newest backup of this store is "
        f"{backed_up.name}, made on 20 November 2026 at 5:05pm, in {tmp_path / 'backups'}. "
        "Anything recorded after it was made will not be in the restored store."
    )
    assert dialog.restore_button.isVisible()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert [kind for kind, _title, _text in messages.shown] == ["confirm", "info"]
    (_, asked, question), (_, told, info) = messages.shown
    assert asked == "Restore this backup?"
    assert question.startswith(f"The backup {backed_up.name} is whole: 1 case, 0 documents and ")
    assert "so nothing is deleted" in question
    assert told == "Backup restored"
    assert info.endswith(
        "What was there before is kept as partnership.rrdesk.before-restore-20261123-090000, "
        "in the same folder."
    )
    assert dialog.result() == dialog.DialogCode.Accepted
    session = dialog.session
    assert session is not None
    assert session.is_open
    try:
        assert [s.pseudonyms for s in CaseService(session).summaries()] == ["Child T"]
    finally:
        session.close()
    # What was there is kept, byte for byte, beside the restored store.
    aside = tmp_path / "partnership.rrdesk.before-restore-20261123-090000"
    assert aside.read_bytes() == damaged
    assert key_file.slot_file_for(store_path).is_file()


def test_a_damaged_store_found_while_unlocking_is_offered_a_backup(
    qtbot, backed_up: Path, store_path: Path, passphrase: str, messages, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    store_path.write_bytes(os.urandom(store_path.stat().st_size))  # a first page no key reads
    store_access.check_before_unlock(store_path)  # shaped as a store: only the key tells

    def type_the_passphrase(dialog) -> int:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.secret, passphrase)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        return 0

    start_up = _StartUp(qtbot, on_unlock=type_the_passphrase)
    before = _files(store_path.parent)
    assert start_up.open(store_path, messages, memory_secrets) is None
    assert len(start_up.unlocks) == 1
    (shown,) = start_up.problems
    assert "is damaged: the key is right" in shown.problem.text()
    assert shown.restore_button.isVisibleTo(shown)
    assert _files(store_path.parent) == before


def test_a_store_gone_while_its_key_file_is_there_can_be_restored(
    backed_up: Path, store_path: Path
) -> None:
    store_path.unlink()
    problem = _problem(store_path)
    assert isinstance(problem, StoreDamagedError)
    assert problem.message == (
        f"The store partnership.rrdesk is missing from {store_path.parent}, but its key file "
        "partnership.rrdesk-keys is there. Restore the store from a backup. "
        "Nothing has been changed."
    )
    assert store_access.restoring_helps(problem)


def test_a_file_that_is_not_a_store_offers_only_quit(qtbot, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    chosen = tmp_path / "minutes.rrdesk"
    chosen.write_text("Minutes of the panel meeting\n", encoding="utf-8")
    dialog = _dialog(qtbot, chosen, messages, tmp_path)
    assert "minutes.rrdesk is not an rrdesk store" in dialog.problem.text()
    assert dialog.quit_button.text() == "Quit"
    assert not dialog.restore_button.isVisible()
    assert not dialog.guidance.isVisible()
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.session is None
    assert chosen.read_text(encoding="utf-8") == "Minutes of the panel meeting\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.rrdesk"]


def test_choosing_the_store_itself_or_a_wrong_passphrase_changes_nothing(
    qtbot, backed_up: Path, store_path: Path, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    key_file.slot_file_for(store_path).unlink()
    before = _files(tmp_path)
    dialog = _dialog(
        qtbot,
        store_path,
        messages,
        tmp_path,
        chosen=[store_path, backed_up],
        ask_secret=_typed_in(qtbot, "not the passphrase at all"),
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][:2] == ("error", "That is the store itself")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # the wrong passphrase
    assert dialog.session is None
    assert dialog.isVisible()
    assert _files(tmp_path) == before


def test_no_backups_yet_says_where_they_would_be(
    qtbot, new_store, store_path: Path, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    key_file.slot_file_for(store_path).write_bytes(b"{not json")
    dialog = _dialog(qtbot, store_path, messages, tmp_path)
    assert "The key file partnership.rrdesk-keys is damaged" in dialog.problem.text()
    assert "there are none of this store there" in dialog.guidance.text()
    assert dialog.restore_button.isVisible()


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

    start_up = _StartUp(qtbot, on_problem=closed_there_then_tried)
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

    start_up = _StartUp(qtbot, on_problem=moved_then_tried)
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
    start_up = _StartUp(qtbot)
    before = _files(store_path.parent)
    assert start_up.open(store_path, messages, memory_secrets) is None
    assert start_up.unlocks == []
    (shown,) = start_up.problems
    assert "made by a newer version of rrdesk" in shown.problem.text()
    assert not shown.restore_button.isVisibleTo(shown)
    assert not shown.retry_button.isVisibleTo(shown)
    assert _files(store_path.parent) == before


def test_restoring_with_the_recovery_key_then_sets_a_new_passphrase(
    qtbot, new_store, store_path: Path, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    recovery_key = new_store.recovery_key
    backup = make_rolling_backup(new_store.session, MADE, folder=tmp_path / "backups")
    new_store.session.close()
    key_file.slot_file_for(store_path).unlink()

    def with_the_recovery_key(parent, backup, check, runner):  # type: ignore[no-untyped-def]
        dialog = BackupSecretDialog(backup, check, runner=runner, parent=parent)
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.secret, recovery_key.lower().replace("-", " "))
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
        assert dialog.result_check is not None
        return dialog.result_check, dialog.secret_text, dialog.used_recovery

    class NewPassphrase(unlock_dialog.NewPassphraseDialog):
        def exec(self) -> int:
            qtbot.addWidget(self)
            qtbot.keyClicks(self.passphrase, "a fresh passphrase for me")
            qtbot.keyClicks(self.confirmation, "a fresh passphrase for me")
            self._on_save_clicked()
            return int(self.result())

    dialog = _dialog(
        qtbot, store_path, messages, tmp_path, chosen=[backup], ask_secret=with_the_recovery_key
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(unlock_dialog, "NewPassphraseDialog", NewPassphrase)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [title for _kind, title, _text in messages.shown] == [
        "Restore this backup?",
        "Backup restored",
        "Passphrase changed",
    ]
    assert dialog.session is not None
    dialog.session.close()
    store_access.unlock_with_passphrase(store_path, "a fresh passphrase for me").close()


def test_leaving_set_up_takes_away_the_folder_it_made_for_the_store(
    tmp_path: Path, messages, memory_secrets
) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.ui.store import setup_dialog

    class LeftWithoutSettingUp:
        def __init__(self, store_path: Path, **_seams: object) -> None:
            assert store_path.parent.is_dir()  # made for the store, as set-up is shown
            self.session = None
            self.keyring_message = ""

        def exec(self) -> int:
            return 0

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(setup_dialog, "SetupDialog", LeftWithoutSettingUp)
        for folder in (tmp_path / "new folder", tmp_path):  # made for it, or there already
            path = folder / "partnership.rrdesk"
            assert open_store(path, seams_for(messages, NOW.date), memory_secrets) is None
    assert list(tmp_path.iterdir()) == []
    assert tmp_path.is_dir()


def test_at_start_up_a_backup_of_another_store_is_named_as_such(
    qtbot,
    backed_up: Path,
    others_backup: Path,
    store_path: Path,
    tmp_path: Path,
    passphrase: str,
    messages,
) -> None:  # type: ignore[no-untyped-def]
    theirs = others_backup
    store_path.unlink()  # the store gone, its key file (naming which store it was) still there
    messages.confirm_answer = False
    dialog = _dialog(
        qtbot,
        store_path,
        messages,
        tmp_path,
        chosen=[theirs, backed_up],
        ask_secret=_typed_in(qtbot, passphrase),
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "This is a backup of a different store (Eastbrook" in messages.shown[-1][2]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # its own backup
    assert "different store" not in messages.shown[-1][2]
    assert dialog.session is None  # both times the person said no
    assert not store_path.exists()
