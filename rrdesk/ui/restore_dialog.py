"""Asks for the passphrase or recovery key a backup was made with, and checks the backup with it
before anything changes. A wrong passphrase or a damaged file is said here, and the dialog stays
open to try again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.services.backups import BackupCheck
from rrdesk.storage.errors import StoreError
from rrdesk.ui.form_widgets import heading_label, hint_label

CheckBackup = Callable[[str, bool], BackupCheck]
"""Opens and checks the backup with (secret, is the recovery key); raises StoreError."""


class BackupSecretDialog(QDialog):
    def __init__(self, backup: Path, check: CheckBackup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_secret_dialog")
        self.setWindowTitle("Restore from a backup")
        self.setModal(True)
        self._check = check
        self._using_recovery = False
        self.result_check: BackupCheck | None = None
        self.secret_text = ""
        self.used_recovery = False

        self.title = heading_label("Restore from a backup")
        self.file_label = hint_label(f"Backup: {backup.name}")
        self.file_label.setObjectName("restore_file")
        self.explain = hint_label(
            "Enter the passphrase the backup was made with, or the recovery key. rrdesk opens "
            "the backup and checks it before anything changes."
        )
        self.error = QLabel("")
        self.error.setObjectName("restore_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.secret_label = QLabel("Passphrase")
        self.secret = QLineEdit()
        self.secret.setObjectName("restore_secret")
        self.secret.setAccessibleName("Passphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret)
        self.switch_button = QPushButton("Use the recovery key instead")
        self.switch_button.setObjectName("restore_switch")
        self.switch_button.setFlat(True)
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
        for widget in (
            self.title,
            self.file_label,
            self.explain,
            self.error,
            self.secret_label,
            self.secret,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.resize(520, self.sizeHint().height())

        self.check_button.clicked.connect(self._on_check_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.switch_button.clicked.connect(self._on_switch_clicked)

    def _on_switch_clicked(self) -> None:
        self._using_recovery = not self._using_recovery
        self.secret.clear()
        self._show_error("")
        what = "Recovery key" if self._using_recovery else "Passphrase"
        self.secret_label.setText(what)
        self.secret.setAccessibleName(what)
        self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal if self._using_recovery else QLineEdit.EchoMode.Password
        )
        self.switch_button.setText(
            "Use the passphrase instead" if self._using_recovery else "Use the recovery key instead"
        )

    def _on_check_clicked(self) -> None:
        text = self.secret.text()
        if not text:
            self._show_error(
                "Enter the recovery key" if self._using_recovery else "Enter the passphrase"
            )
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            checked = self._check(text, self._using_recovery)
        except StoreError as error:
            self._show_error(error.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.result_check = checked
        self.secret_text = text
        self.used_recovery = self._using_recovery
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.secret.selectAll()
            self.secret.setFocus()


AskBackupSecret = Callable[[QWidget, Path, CheckBackup], tuple[BackupCheck, str, bool] | None]


def ask_backup_secret(
    parent: QWidget, backup: Path, check: CheckBackup
) -> tuple[BackupCheck, str, bool] | None:
    """The checked backup, the secret that opened it and whether it was the recovery key; or
    ``None`` if the user cancelled."""
    dialog = BackupSecretDialog(backup, check, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_check is None:
        return None
    return dialog.result_check, dialog.secret_text, dialog.used_recovery
