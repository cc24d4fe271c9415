"""Unlock the store with the passphrase or the recovery key. Every failure is told apart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.services.store import store_access
from rrdesk.services.store.errors import NOTHING_CHANGED, StoreError, WrongSecretError
from rrdesk.services.store.passphrases import passphrase_problem
from rrdesk.services.store.rollback import OlderStoreError
from rrdesk.services.store.session import Session
from rrdesk.ui.kit.form_widgets import ErrorSummary, FormField, heading_label, hint_label
from rrdesk.ui.kit.secret_field import SecretField
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter


class Unlock(Protocol):
    """Opens the store with a secret; ``accept_older`` opens an older copy all the same."""

    def __call__(self, path: Path, secret: str, /, *, accept_older: bool = ...) -> Session: ...


ChangePassphrase = Callable[[Session, str], None]


class UnlockDialog(QDialog):
    def __init__(
        self,
        store_path: Path,
        *,
        unlock_with_passphrase: Unlock,
        unlock_with_recovery_key: Unlock,
        change_passphrase: ChangePassphrase,
        messages: Messages,
        notice: str = "",
        runner: TaskStarter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self._runner = runner
        self.setWindowTitle("Unlock rrdesk")
        self.setMinimumWidth(560)
        self._store_path = store_path
        self._unlock_passphrase = unlock_with_passphrase
        self._unlock_recovery = unlock_with_recovery_key
        self._change_passphrase = change_passphrase
        self._messages = messages
        self.session: Session | None = None
        # Set when unlocking found the store damaged: no passphrase gets past that, so the dialog
        # closes and the caller offers a backup instead (StoreProblemDialog).
        self.problem: StoreError | None = None

        self.summary = ErrorSummary()
        self.title = heading_label("Unlock rrdesk")
        self.where = hint_label(f"Store: {store_path}")
        self.where.setObjectName("store_location")
        self.notice = hint_label(notice)
        self.notice.setObjectName("unlock_notice")
        self.notice.setVisible(bool(notice))
        self.secret_field = SecretField(object_name="secret")
        self.secret = self.secret_field.edit
        self.switch_button = self.secret_field.switch_button
        self.switch_button.setObjectName("switch_secret")
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.setProperty("role", "primary")
        self.quit_button = QPushButton("Quit")
        self.quit_button.setObjectName("quit_button")

        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.title, self.where, self.notice, self.secret_field):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.quit_button.clicked.connect(self.reject)
        self.switch_button.clicked.connect(self.summary.clear)

    def _fail(self, message: str) -> None:
        self.secret_field.set_error(message)
        self.summary.show_errors([(self.secret_field, message)])

    def _on_unlock_clicked(self, *, accept_older: bool = False) -> None:
        text = self.secret.text()
        if not text:
            self._fail(self.secret_field.missing_message())
            return
        unlock = (
            self._unlock_recovery if self.secret_field.using_recovery else self._unlock_passphrase
        )
        path = self._store_path
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText("Unlocking…")
        self._runner.start(
            lambda _progress, _cancelled: (
                unlock(path, text, accept_older=True) if accept_older else unlock(path, text)
            ),
            on_done=self._on_unlocked,
            on_error=self._on_unlock_failed,
        )

    def _restore_button(self) -> None:
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText("Unlock")

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._restore_button()
        if isinstance(error, OlderStoreError):
            if self._messages.confirm(
                self,
                error.question,
                error.message.removesuffix(NOTHING_CHANGED).strip(),
                yes="Open it anyway",
                no="Cancel",
            ):
                self._on_unlock_clicked(accept_older=True)
            else:
                self._fail(f"{error.refused} {NOTHING_CHANGED}")
            return
        if isinstance(error, WrongSecretError):
            self._fail(error.message)
            self.secret.selectAll()
            return
        if isinstance(error, StoreError) and store_access.restoring_helps(error):
            self.secret.clear()
            self.problem = error
            self.reject()
            return
        if isinstance(error, StoreError):
            self._fail(error.message)
            return
        raise error

    def _on_unlocked(self, session: object) -> None:
        self._restore_button()
        assert isinstance(session, Session)
        self.secret.clear()
        self.session = session
        if self.secret_field.using_recovery:
            self._offer_new_passphrase(session)
        self.accept()

    def _offer_new_passphrase(self, session: Session) -> None:
        offer_new_passphrase(self, session, self._change_passphrase, self._messages)


def offer_new_passphrase(
    parent: QWidget, session: Session, change_passphrase: ChangePassphrase, messages: Messages
) -> None:
    """After the recovery key opened the store: offer to set a new passphrase (the old one may
    be what was forgotten). "Not now" keeps the passphrase as it is."""
    dialog = NewPassphraseDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        change_passphrase(session, dialog.passphrase.text())
    except StoreError as error:
        messages.error(parent, "The passphrase was not changed", error.message)
    else:
        messages.info(parent, "Passphrase changed", "Your new passphrase is set.")


class NewPassphraseDialog(QDialog):
    """Set a new passphrase (after unlocking with the recovery key, or from the menu)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_passphrase_dialog")
        self.setWindowTitle("Set a new passphrase")
        self.summary = ErrorSummary()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_field = FormField(
            "New passphrase",
            self.passphrase,
            hint="Three random words or longer, at least 12 characters",
            object_name="new_passphrase",
        )
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation_field = FormField(
            "Enter it again", self.confirmation, object_name="new_passphrase_again"
        )
        save = QPushButton("Set the passphrase")
        save.setObjectName("save_passphrase")
        save.setProperty("role", "primary")
        save.clicked.connect(self._on_save_clicked)
        cancel = QPushButton("Not now")
        cancel.setObjectName("cancel_passphrase")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(heading_label("Set a new passphrase"))
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.confirmation_field)
        layout.addLayout(buttons)

    def _on_save_clicked(self) -> None:
        problem = passphrase_problem(self.passphrase.text(), self.confirmation.text())
        if problem:
            field = self.confirmation_field if "do not match" in problem else self.passphrase_field
            field.set_error(problem)
            self.summary.show_errors([(field, problem)])
            return
        self.accept()
