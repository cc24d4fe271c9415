"""What the store-problem tests share: the screen for a store that cannot be opened, start-up
with its screens answered by the test, the backup passphrase typed in, and the files beside a
store."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.app.opening import open_store
from rrdesk.services.store import store_access
from rrdesk.storage.errors import StoreError
from rrdesk.ui.store import store_problem_dialog, unlock_dialog
from rrdesk.ui.store.restore_dialog import BackupSecretDialog
from rrdesk.ui.store.store_problem_dialog import StoreProblemDialog
from tests.fakes import ImmediateRunner, ScriptedFileDialogs
from tests.seams import seams_for

MADE = datetime(2026, 11, 20, 17, 5)
NOW = datetime(2026, 11, 23, 9, 0)


def files_beside(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


def store_problem(store_path: Path) -> StoreError:
    with pytest.raises(StoreError) as caught:
        store_access.check_before_unlock(store_path)
    return caught.value


def typed_in(qtbot, secret: str):  # type: ignore[no-untyped-def]
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


def problem_dialog(qtbot, store_path, messages, tmp_path, *, chosen=(), ask_secret=None):  # type: ignore[no-untyped-def]
    """The screen for what stops ``store_path`` opening now; the file chooser answers with the
    paths in ``chosen``, one a time."""
    extra = {"ask_secret": ask_secret} if ask_secret is not None else {}
    dialog = StoreProblemDialog(
        store_path,
        store_problem(store_path),
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


class StartUp:
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
