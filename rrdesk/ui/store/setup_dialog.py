"""First run: name the partnership, choose a passphrase, keep the recovery key safe."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.passphrases import (
    MIN_PASSPHRASE_LENGTH,
    new_recovery_key,
    passphrase_problem,
)
from rrdesk.services.store.session import Session
from rrdesk.services.store.store_access import NewStore
from rrdesk.ui.kit.form_widgets import ErrorSummary, FormField, heading_label, hint_label
from rrdesk.ui.kit.shown_secret import ShownSecretWidget
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskStarter

CreateStore = Callable[..., NewStore]

PASSPHRASE_GUIDANCE = (
    f"Use three random words or something longer, at least {MIN_PASSPHRASE_LENGTH} characters. "
    "Do not use a password you use anywhere else."
)


class SetupDialog(QDialog):
    """Three short pages; the store is created only when the recovery key has been stored."""

    def __init__(
        self,
        store_path: Path,
        *,
        create_store: CreateStore,
        profiles: dict[str, str],
        messages: Messages,
        default_owner: str = "",
        secret_store: object | None = None,
        runner: TaskStarter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup_dialog")
        self._runner = runner
        self.setWindowTitle("Set up rrdesk")
        self.setMinimumWidth(640)
        self._store_path = store_path
        self._create_store = create_store
        self._messages = messages
        self._secret_store = secret_store
        self.session: Session | None = None
        self.keyring_message = ""
        self._recovery_key = new_recovery_key()

        self.summary = ErrorSummary()
        self.pages = QStackedWidget()
        self.pages.setObjectName("setup_pages")
        self.pages.addWidget(self._about_page(profiles, default_owner))
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._recovery_page())

        self.back_button = QPushButton("Back")
        self.back_button.setObjectName("back_button")
        self.continue_button = QPushButton("Continue")
        self.continue_button.setObjectName("continue_button")
        self.continue_button.setDefault(True)
        self.continue_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)  # rrdesk's one button order: see docs/architecture.md
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._connect_signals()
        self._show_page(0)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self._on_back_clicked)
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self.stored_check.toggled.connect(self._on_stored_toggled)

    def _about_page(self, profiles: dict[str, str], default_owner: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading_label("Set up rrdesk for your partnership"))
        layout.addWidget(
            hint_label(
                f"rrdesk keeps your partnership's cases in one encrypted file: {self._store_path}"
            )
        )
        self.partnership = QLineEdit()
        self.partnership_field = FormField(
            "Name of the partnership",
            self.partnership,
            hint="For example, Northmoor Safeguarding Children Partnership",
            object_name="partnership",
        )
        self.owner = QLineEdit(default_owner)
        self.owner_field = FormField(
            "Your name",
            self.owner,
            hint="The audit trail records who made each change",
            object_name="owner",
        )
        self.profile = QComboBox()
        for key, label in profiles.items():
            self.profile.addItem(label, key)
        self.profile_field = FormField(
            "How your partnership runs a Rapid Review",
            self.profile,
            hint="Sets the timetable and who decides. You can change it later.",
            object_name="profile",
        )
        for field in (self.partnership_field, self.owner_field, self.profile_field):
            layout.addWidget(field)
        layout.addStretch(1)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading_label("Choose a passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_field = FormField(
            "Passphrase", self.passphrase, hint=PASSPHRASE_GUIDANCE, object_name="passphrase"
        )
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation_field = FormField(
            "Enter the passphrase again", self.confirmation, object_name="confirmation"
        )
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.confirmation_field)
        layout.addStretch(1)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading_label("Store the recovery key safely"))
        layout.addWidget(
            hint_label(
                "The recovery key opens the store if the passphrase is forgotten, and lets a new "
                "passphrase be set. It is shown only once. Give it to your partnership's "
                "information governance lead to keep, on paper or in the council's password "
                "safe, not on this laptop."
            )
        )
        self.recovery_key = ShownSecretWidget(
            self._recovery_key,
            name="Recovery key",
            object_name="recovery_key",
            copy_text="Copy the recovery key",
            copy_object_name="copy_recovery_key",
        )
        layout.addWidget(self.recovery_key)
        self.stored_check = QCheckBox("I have stored the recovery key safely")
        self.stored_check.setObjectName("stored_check")
        layout.addWidget(self.stored_check)
        self.remember_check = QCheckBox("Remember on this computer (unlock without typing)")
        self.remember_check.setObjectName("remember_check")
        layout.addWidget(self.remember_check)
        layout.addWidget(
            hint_label(
                "Only tick this on a laptop that only you use. The key is kept in this "
                "computer's own password store (Credential Manager, on Windows). Your passphrase "
                "still works if the key is lost."
            )
        )
        layout.addStretch(1)
        return page

    def _show_page(self, index: int) -> None:
        self.summary.clear()
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index > 0)
        last = index == self.pages.count() - 1
        self.continue_button.setText("Create the store" if last else "Continue")
        self.continue_button.setEnabled(not last or self.stored_check.isChecked())

    def _on_back_clicked(self) -> None:
        self._show_page(max(0, self.pages.currentIndex() - 1))

    def _on_stored_toggled(self, checked: bool) -> None:
        self.continue_button.setEnabled(checked)

    def _on_continue_clicked(self) -> None:
        index = self.pages.currentIndex()
        errors: list[tuple[FormField, str]] = []
        for field in (
            self.partnership_field,
            self.owner_field,
            self.passphrase_field,
            self.confirmation_field,
        ):
            field.set_error("")
        if index == 0:
            if not self.partnership.text().strip():
                errors.append((self.partnership_field, "Enter the name of the partnership"))
            if not self.owner.text().strip():
                errors.append((self.owner_field, "Enter your name"))
        elif index == 1:
            problem = passphrase_problem(
                self.passphrase.text(), about=[self.partnership.text(), self.owner.text()]
            )
            if problem:
                errors.append((self.passphrase_field, problem))
            elif self.confirmation.text() != self.passphrase.text():
                errors.append((self.confirmation_field, "The passphrases do not match"))
        else:
            self._create()
            return
        for field, message in errors:
            field.set_error(message)
        if errors:
            self.summary.show_errors(errors)
            return
        self._show_page(index + 1)

    def _create(self) -> None:
        if not self.stored_check.isChecked():
            return
        arguments = {
            "partnership": self.partnership.text().strip(),
            "owner": self.owner.text().strip(),
            "passphrase": self.passphrase.text(),
            "profile": str(self.profile.currentData()),
            "remember": self.remember_check.isChecked(),
            "secret_store": self._secret_store,
            "recovery_key": self._recovery_key,
        }
        path = self._store_path
        create = self._create_store
        self.continue_button.setEnabled(False)
        self.continue_button.setText("Creating the store…")
        self._runner.start(
            lambda _progress, _cancelled: create(path, **arguments),
            on_done=self._on_created,
            on_error=self._on_create_failed,
        )

    def _on_create_failed(self, error: BaseException) -> None:
        self.continue_button.setEnabled(True)
        self.continue_button.setText("Create the store")
        if isinstance(error, StoreError):
            self._messages.error(self, "The store was not created", error.message)
            return
        raise error

    def _on_created(self, created: object) -> None:
        assert isinstance(created, NewStore)
        self.session = created.session
        self.keyring_message = created.keyring_message
        self.passphrase.clear()
        self.confirmation.clear()
        self.accept()
