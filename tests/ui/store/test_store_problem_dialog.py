"""A store that cannot be opened at all: the screen says why and, where a backup is the way past
it, restores one and opens it, keeping what was there. Driven as a coordinator would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.app.opening import open_store
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import make_rolling_backup
from rrdesk.storage.errors import StoreDamagedError
from rrdesk.storage.keys import key_file
from rrdesk.ui.store import unlock_dialog
from rrdesk.ui.store.restore_dialog import BackupSecretDialog
from tests.seams import seams_for
from tests.ui.store.store_problems import (
    MADE,
    NOW,
    files_beside,
    problem_dialog,
    store_problem,
    typed_in,
)


def test_a_missing_key_file_is_restored_from_the_newest_backup_and_opened(
    qtbot, backed_up: Path, store_path: Path, tmp_path: Path, passphrase: str, messages
) -> None:  # type: ignore[no-untyped-def]
    key_file.slot_file_for(store_path).unlink()
    damaged = store_path.read_bytes()
    dialog = problem_dialog(
        qtbot,
        store_path,
        messages,
        tmp_path,
        chosen=[backed_up],
        ask_secret=typed_in(qtbot, passphrase),
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


def test_a_store_gone_while_its_key_file_is_there_can_be_restored(
    backed_up: Path, store_path: Path
) -> None:
    store_path.unlink()
    problem = store_problem(store_path)
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
    dialog = problem_dialog(qtbot, chosen, messages, tmp_path)
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
    before = files_beside(tmp_path)
    dialog = problem_dialog(
        qtbot,
        store_path,
        messages,
        tmp_path,
        chosen=[store_path, backed_up],
        ask_secret=typed_in(qtbot, "not the passphrase at all"),
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][:2] == ("error", "That is the store itself")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # the wrong passphrase
    assert dialog.session is None
    assert dialog.isVisible()
    assert files_beside(tmp_path) == before


def test_no_backups_yet_says_where_they_would_be(
    qtbot, new_store, store_path: Path, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    key_file.slot_file_for(store_path).write_bytes(b"{not json")
    dialog = problem_dialog(qtbot, store_path, messages, tmp_path)
    assert "The key file partnership.rrdesk-keys is damaged" in dialog.problem.text()
    assert "there are none of this store there" in dialog.guidance.text()
    assert dialog.restore_button.isVisible()


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

    dialog = problem_dialog(
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
    dialog = problem_dialog(
        qtbot,
        store_path,
        messages,
        tmp_path,
        chosen=[theirs, backed_up],
        ask_secret=typed_in(qtbot, passphrase),
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "This is a backup of a different store (Eastbrook" in messages.shown[-1][2]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # its own backup
    assert "different store" not in messages.shown[-1][2]
    assert dialog.session is None  # both times the person said no
    assert not store_path.exists()
