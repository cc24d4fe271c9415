"""When the store cannot be opened at all: what is wrong, and the way past it.

Shown at start-up instead of asking for a passphrase that could never work: the store or its key
file is damaged or missing, or the file chosen is not a store. Where a backup is the way past it
(:func:`store_access.restoring_helps`), the person can choose a backup, enter the passphrase or
recovery key it was made with, and have it checked and put in place. The store that was there is
kept beside it under a new name, so nothing is deleted, and the restored store is opened with
what they entered. Where the store may open once something else changes (it is open in another
window, or its drive is not plugged in), they can try again. Otherwise the only way out is to
quit, with the message saying what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.services.store import store_access
from rrdesk.services.store.backups import RestoreResult, restore_backup, store_id_at
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.rolling_backups import backups_folder as usual_backups_folder
from rrdesk.services.store.rolling_backups import made_at, rolling_backups
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter
from rrdesk.ui.store.restore_dialog import (
    AskBackupSecret,
    ask_backup_secret,
    choose_backup_to_restore,
)
from rrdesk.ui.store.unlock_dialog import offer_new_passphrase

TITLE = "rrdesk cannot open the store"


class StoreProblemDialog(QDialog):
    """Says why the store at ``store_path`` cannot be opened; ``session`` is the restored store,
    open, if the person restored a backup, else ``None``; ``retry`` is true if they chose to try
    again."""

    def __init__(
        self,
        store_path: Path,
        problem: StoreError,
        *,
        messages: Messages,
        backups_folder: Path,
        files: FileDialogs,
        ask_secret: AskBackupSecret = ask_backup_secret,
        runner: TaskStarter,
        now: Callable[[], datetime],  # the time here, without its offset
        leave: str = "Quit",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("store_problem_dialog")
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(600)
        self._store_path = store_path
        self._messages = messages
        self._backups_folder = backups_folder
        self._files = files
        self._ask_secret = ask_secret
        self._runner = runner
        self._now = now
        self.session: Session | None = None
        self.retry = False
        restorable = store_access.restoring_helps(problem)
        retryable = store_access.retrying_helps(problem)

        self.title = heading_label(TITLE)
        self.where = hint_label(f"Store: {store_path}")
        self.where.setObjectName("store_location")
        self.problem = hint_label(problem.message)
        self.problem.setObjectName("store_problem")
        self.problem.setProperty("role", "error")
        self.guidance = hint_label(self._guidance() if restorable else "")
        self.guidance.setObjectName("restore_guidance")
        self.guidance.setVisible(restorable)
        self.restore_button = QPushButton("Restore from a backup…")
        self.restore_button.setObjectName("restore_from_backup")
        self.restore_button.setProperty("role", "primary")
        self.restore_button.setVisible(restorable)
        self.restore_button.setDefault(restorable)
        self.retry_button = QPushButton("Try again")
        self.retry_button.setObjectName("try_again")
        self.retry_button.setProperty("role", "primary")
        self.retry_button.setVisible(retryable)
        self.retry_button.setDefault(retryable)
        self.quit_button = QPushButton(leave)  # "Back" on the lock screen, which stays
        self.quit_button.setObjectName("quit_button")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.where, self.problem, self.guidance):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.quit_button.clicked.connect(self.reject)

    def _on_retry_clicked(self) -> None:
        self.retry = True
        self.accept()

    def _guidance(self) -> str:
        """Where this store's backups are, and the newest of them."""
        found = rolling_backups(self._backups_folder, self._store_path)
        if not found:
            return (
                "A backup holds the store and its key file. rrdesk makes one each day it is "
                f"used, in {self._backups_folder}, but there are none of this store there. If "
                "you or your IT team keep backups elsewhere, choose one."
            )
        newest = found[-1]
        made = made_at(newest, self._store_path)
        when = f", made on {format_date(made.date())} at {format_time(made)}" if made else ""
        return (
            "A backup holds the store and its key file. The newest backup of this store is "
            f"{newest.name}{when}, in {self._backups_folder}. Anything recorded after it was "
            "made will not be in the restored store."
        )

    def _on_restore_clicked(self) -> None:
        chosen = choose_backup_to_restore(
            self,
            self._store_path,
            folder=self._backups_folder,
            files=self._files,
            messages=self._messages,
            ask_secret=self._ask_secret,
            runner=self._runner,
            not_the_store="the store",
            store_id=store_id_at(self._store_path),
            what_happens="What is there now is kept beside it under a new name, so nothing is "
            "deleted. rrdesk will put the backup in place and open it with what you just entered.",
        )
        if chosen is not None:
            self._restore(*chosen)

    def _restore(
        self, backup: Path, secret: str, recovery: bool, current: tuple[str, bool] | None
    ) -> None:
        store_path, now = self._store_path, self._now()
        self.restore_button.setEnabled(False)
        self.restore_button.setText("Restoring…")
        opens_with, opens_with_recovery = current or (secret, recovery)
        self._runner.start(
            lambda _progress, _cancelled: restore_backup(
                backup,
                store_path,
                secret,
                recovery=recovery,
                now=now,
                current_passphrase=None if current is None else current[0],
                current_recovery=current is not None and current[1],
            ),
            on_done=lambda result: self._on_restored(result, opens_with, opens_with_recovery),
            on_error=lambda error: self._on_failed(error, "The backup was not restored"),
        )

    def _on_restored(self, result: object, secret: str, recovery: bool) -> None:
        assert isinstance(result, RestoreResult)
        unlock: Callable[[Path, str], Session] = store_access.unlock_with_passphrase
        if recovery:
            unlock = store_access.unlock_with_recovery_key
        store_path = self._store_path
        self._runner.start(
            lambda _progress, _cancelled: unlock(store_path, secret),
            on_done=lambda session: self._on_opened(session, result, recovery),
            on_error=lambda error: self._on_failed(
                error, "The backup is in place but did not open"
            ),
        )

    def _on_opened(self, session: object, result: RestoreResult, recovery: bool) -> None:
        self._ready_again()
        assert isinstance(session, Session)
        kept_files = result.kept_files()
        kept = (
            f" What was there before is kept as {' and '.join(p.name for p in kept_files)}, in "
            "the same folder."
            if kept_files
            else ""
        )
        self._messages.info(self, "Backup restored", f"{result.check.describe()}{kept}")
        if recovery:  # as after unlocking with it
            offer_new_passphrase(self, session, store_access.change_passphrase, self._messages)
        self.session = session
        self.accept()

    def _ready_again(self) -> None:
        self.restore_button.setEnabled(True)
        self.restore_button.setText("Restore from a backup…")

    def _on_failed(self, error: BaseException, title: str) -> None:
        self._ready_again()
        if isinstance(error, StoreError):
            self._messages.error(self, title, error.message)
            return
        raise error


def ask_past_store_problem(
    store_path: Path,
    problem: StoreError,
    *,
    messages: Messages,
    backups_folder: Path | None = None,
    runner: TaskStarter,
    files: FileDialogs,
    now: Callable[[], datetime],
    leave: str = "Quit",
) -> tuple[Session | None, bool]:
    """Show the screen for ``problem`` until the person leaves it (by ``leave``): the restored
    store, open (or ``None``), and whether they chose to try again. Backups are looked for in
    ``backups_folder``, or the usual folder."""
    dialog = StoreProblemDialog(
        store_path,
        problem,
        messages=messages,
        backups_folder=backups_folder or usual_backups_folder(),
        files=files,
        runner=runner,
        now=now,
        leave=leave,
    )
    dialog.exec()
    return dialog.session, dialog.retry
