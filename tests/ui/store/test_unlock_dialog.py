"""Unlocking, with every failure told apart and nothing changed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rrdesk.services.store import store_access
from rrdesk.storage.keys.key_file import slot_file_for
from tests.ui.store.unlocking import digest, unlock_dialog_on


def test_wrong_then_right_passphrase(qtbot, new_store, store_path, passphrase, messages) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    before = digest(store_path)
    dialog = unlock_dialog_on(qtbot, store_path, messages)
    qtbot.keyClicks(dialog.secret, "not my passphrase at all")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.session is None
    assert dialog.summary.messages == ["The passphrase is not right. Nothing has been changed."]
    assert dialog.secret_field.error.text().startswith("Error: The passphrase is not right")
    assert digest(store_path) == before
    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.session is not None
    dialog.session.close()


def test_store_open_elsewhere(qtbot, new_store, store_path, passphrase, messages) -> None:  # type: ignore[no-untyped-def]
    dialog = unlock_dialog_on(qtbot, store_path, messages)
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.session is None
    assert "already open in another rrdesk window" in dialog.summary.messages[0]


def test_damaged_key_file(qtbot, new_store, store_path, passphrase, messages) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    slot_file_for(store_path).write_text("{broken", encoding="utf-8")
    dialog = unlock_dialog_on(qtbot, store_path, messages)
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    # No passphrase gets past a damaged key file: the dialog closes and hands the problem on, so
    # start-up can offer a backup (StoreProblemDialog) instead of asking again.
    assert dialog.session is None
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.problem is not None
    assert dialog.problem.message.startswith("The key file partnership.rrdesk-keys is damaged")
    assert "delete" not in dialog.problem.message.lower()
    assert dialog.secret.text() == ""


def test_recovery_key_then_new_passphrase(
    qtbot, new_store, store_path, messages, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    recovery = new_store.recovery_key
    new_store.session.close()
    dialog = unlock_dialog_on(qtbot, store_path, messages)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert dialog.secret_field.label.text() == "Recovery key"

    from rrdesk.ui.store import unlock_dialog

    class _Accepting(unlock_dialog.NewPassphraseDialog):
        def exec(self) -> int:
            self.passphrase.setText("a fresh passphrase for me")
            self.confirmation.setText("a fresh passphrase for me")
            self._on_save_clicked()
            return int(self.result())

    monkeypatch.setattr(unlock_dialog, "NewPassphraseDialog", _Accepting)
    qtbot.keyClicks(dialog.secret, recovery.lower())
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.session is not None
    assert messages.shown[-1][1] == "Passphrase changed"
    dialog.session.close()
    reopened = store_access.unlock_with_passphrase(store_path, "a fresh passphrase for me")
    reopened.close()


def test_unlock_runs_off_the_ui_thread(qtbot, new_store, store_path, passphrase, messages) -> None:  # type: ignore[no-untyped-def]
    from rrdesk.ui.shell.tasks import TaskRunner

    new_store.session.close()
    runner = TaskRunner()
    dialog = unlock_dialog_on(qtbot, store_path, messages, runner)
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10_000)
    assert dialog.unlock_button.text() == "Unlock"
    dialog.session.close()
    runner.wait()
