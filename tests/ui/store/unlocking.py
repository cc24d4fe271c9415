"""What the unlock tests share: the unlock screen on a store, the passphrase typed in and Unlock
pressed with the question about an older or changed store answered, and a file's fingerprint to
show nothing was changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.store import store_access
from rrdesk.ui.shell.tasks import TaskStarter
from rrdesk.ui.store.unlock_dialog import UnlockDialog
from tests.fakes import ImmediateRunner, RecordingMessages


def unlock_dialog_on(
    qtbot: QtBot,
    store_path: Path,
    messages: RecordingMessages,
    runner: TaskStarter | None = None,
) -> UnlockDialog:
    """The unlock screen on ``store_path``, shown; its work run at once unless ``runner``."""
    dialog = UnlockDialog(
        store_path,
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        change_passphrase=lambda s, p: store_access.change_passphrase(s, p),
        messages=messages,
        runner=ImmediateRunner() if runner is None else runner,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def digest(path: Path) -> str:
    """The file's SHA-256, to show it is byte for byte as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unlock_answering_no(
    qtbot: QtBot, dialog: UnlockDialog, messages: RecordingMessages, passphrase: str
) -> tuple[str, str, str]:
    """The passphrase typed and Unlock pressed, No answered to the question asked: the last
    message shown (kind, title, text)."""
    messages.confirm_answer = False
    qtbot.keyClicks(dialog.secret, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    kind, title, text = messages.shown[-1]
    return kind, title, text


def unlock_answering_yes(qtbot: QtBot, dialog: UnlockDialog, messages: RecordingMessages) -> str:
    """Unlock pressed again, Yes answered: the action the opened store's audit trail records
    last (the store is closed again)."""
    messages.confirm_answer = True
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.session is not None
    try:
        return dialog.session.audit.latest().action
    finally:
        dialog.session.close()
