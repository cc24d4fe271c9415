"""Asks for the passphrase or recovery key a backup was made with, and checks the backup with it
before anything changes. A wrong passphrase or a damaged file is said here, and the dialog stays
open to try again. The check (key derivation, unpacking, integrity checks) runs off the UI
thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.services.store.backups import (
    BACKUP_SUFFIX,
    BackupCheck,
    check_backup,
    check_current_secret,
    needs_current_secret,
)
from rrdesk.services.store.errors import StoreError
from rrdesk.ui.kit.form_widgets import heading_label, hint_label
from rrdesk.ui.kit.secret_field import SecretField
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter

BACKUP_FILES = f"rrdesk backups (*{BACKUP_SUFFIX})"

BACKUPS_SECRET = (
    "Enter the passphrase the backup was made with, or the recovery key. rrdesk opens the backup "
    "and checks it before anything changes."
)
CURRENT_SECRET = (
    "This backup was made before the store's passphrase or recovery key was last changed. Enter "
    "the store's current passphrase, or its current recovery key: the restored store will open "
    "with them, and the old ones will not open it."
)

CheckBackup = Callable[[str, bool], BackupCheck]
"""Opens and checks the backup with (secret, is the recovery key); raises StoreError."""


class BackupSecretDialog(QDialog):
    def __init__(
        self,
        backup: Path,
        check: CheckBackup,
        *,
        runner: TaskStarter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_secret_dialog")
        self.setWindowTitle("Restore from a backup")
        self.setModal(True)
        self.setMinimumWidth(560)
        self._check = check
        self._runner = runner
        self.result_check: BackupCheck | None = None
        self.secret_text = ""
        self.used_recovery = False

        self.title = heading_label("Restore from a backup")
        of_store = not backup.name.endswith(BACKUP_SUFFIX)  # asking for the store's own secret
        self.file_label = hint_label(f"{'Store' if of_store else 'Backup'}: {backup.name}")
        self.file_label.setObjectName("restore_file")
        self.explain = hint_label(CURRENT_SECRET if of_store else BACKUPS_SECRET)
        self.secret_field = SecretField(
            object_name="restore_secret", missing_passphrase="Enter the passphrase"
        )
        self.secret = self.secret_field.edit
        self.error = self.secret_field.error
        self.switch_button = self.secret_field.switch_button
        self.check_button = QPushButton("Check the backup")
        self.check_button.setObjectName("restore_check")
        self.check_button.setProperty("role", "primary")
        self.check_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("restore_cancel")

        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.file_label, self.explain, self.secret_field):
            layout.addWidget(widget)
        layout.addLayout(buttons)

        self.check_button.clicked.connect(self._on_check_clicked)
        self.cancel_button.clicked.connect(self.reject)

    def _on_check_clicked(self) -> None:
        text = self.secret.text()
        if not text:
            self.secret_field.show_problem(self.secret_field.missing_message())
            return
        recovery = self.secret_field.using_recovery
        self.check_button.setEnabled(False)
        self.check_button.setText("Checking…")
        self._runner.start(
            lambda _progress, _cancelled: self._check(text, recovery),
            on_done=lambda checked: self._on_checked(checked, text, recovery),
            on_error=self._on_check_failed,
        )

    def _ready_again(self) -> None:
        self.check_button.setEnabled(True)
        self.check_button.setText("Check the backup")

    def _on_checked(self, checked: object, text: str, recovery: bool) -> None:
        self._ready_again()
        assert isinstance(checked, BackupCheck)
        self.result_check = checked
        self.secret_text = text
        self.used_recovery = recovery
        self.accept()

    def _on_check_failed(self, error: BaseException) -> None:
        self._ready_again()
        if isinstance(error, StoreError):
            self.secret_field.show_problem(error.message)
            return
        raise error


AskBackupSecret = Callable[
    [QWidget, Path, CheckBackup, TaskStarter], tuple[BackupCheck, str, bool] | None
]


def ask_backup_secret(
    parent: QWidget, backup: Path, check: CheckBackup, runner: TaskStarter
) -> tuple[BackupCheck, str, bool] | None:
    """The checked backup, the secret that opened it and whether it was the recovery key; or
    ``None`` if the user cancelled."""
    dialog = BackupSecretDialog(backup, check, runner=runner, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_check is None:
        return None
    return dialog.result_check, dialog.secret_text, dialog.used_recovery


def backup_made_on(check: BackupCheck) -> str:
    """The sentence " It was made on 22 November 2026 at 9:30am." (starting with a space), or ""
    if the backup does not say when it was made."""
    try:
        made = datetime.fromisoformat(check.created).astimezone()
    except ValueError:
        return ""
    return f" It was made on {format_date(made.date())} at {format_time(made)}."


def choose_backup_to_restore(
    parent: QWidget,
    store_path: Path,
    *,
    folder: Path,
    files: FileDialogs,
    messages: Messages,
    ask_secret: AskBackupSecret,
    runner: TaskStarter,
    not_the_store: str,
    what_happens: str,
    store_id: str | None,
) -> tuple[Path, str, bool, tuple[str, bool] | None] | None:
    """Ask for a backup of the store at ``store_path`` (starting in ``folder``), check it with the
    passphrase or recovery key it was made with, and ask to confirm restoring it. The backup, the
    secret that opened it and whether it was the recovery key, and the store's current secret
    (and whether it is the recovery key) if the backup was made before the store's key last
    changed; ``None`` if the person stopped.

    ``not_the_store`` says which store was chosen instead of a backup; ``what_happens`` ends the
    confirmation (what is kept, and what rrdesk does next). ``store_id`` is the store's own
    identity, where it can be read: a backup of another store (another partnership's, say) is
    then named as such before anything is replaced.
    """
    backup = files.open_file(parent, "Restore from a backup", BACKUP_FILES, folder=folder)
    if backup is None:
        return None
    if backup.resolve() == store_path.resolve():
        messages.error(
            parent,
            "That is the store itself",
            f"Choose a backup file (ending in {BACKUP_SUFFIX}), not {not_the_store}. "
            "Nothing has been changed.",
        )
        return None
    work_folder = store_path.parent

    def check(secret: str, recovery: bool) -> BackupCheck:
        return check_backup(backup, secret, recovery=recovery, work_folder=work_folder)

    answer = ask_secret(parent, backup, check, runner)
    if answer is None:
        return None
    checked, secret, recovery = answer
    current = None
    if needs_current_secret(backup, store_path):

        def check_current(typed: str, typed_recovery: bool) -> BackupCheck:
            check_current_secret(store_path, typed, recovery=typed_recovery)
            return checked

        asked = ask_secret(parent, store_path, check_current, runner)
        if asked is None:
            return None
        current = asked[1], asked[2]
    warning = checked.of_another_store(store_id)
    another = f"\n\n{warning}" if warning else ""
    if not messages.confirm(
        parent,
        "Restore this backup?",
        f"{checked.describe()}{backup_made_on(checked)}{another}\n\n"
        "Anything recorded since the backup was made will not be in the restored store. "
        f"{what_happens}",
        yes="Restore this backup",
        no="Cancel",
    ):
        return None
    return backup, secret, recovery, current
