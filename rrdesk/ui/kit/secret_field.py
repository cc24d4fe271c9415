"""The passphrase box used wherever rrdesk asks for the way into a store or a backup, with a link
to use the recovery key instead (and back)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from rrdesk.ui.kit.form_widgets import FormField

PASSPHRASE = "Passphrase"
RECOVERY_KEY = "Recovery key"


class SecretField(FormField):
    """A password box labelled "Passphrase" or "Recovery key". ``switch_button`` (placed by the
    screen that owns the field) swaps between them; the recovery key is shown as it is typed,
    since it is long and not secret from the person holding it."""

    def __init__(
        self,
        *,
        object_name: str = "secret",
        missing_passphrase: str = "Enter your passphrase",
        parent: QWidget | None = None,
    ) -> None:
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        super().__init__(PASSPHRASE, self.edit, object_name=object_name, parent=parent)
        self._missing_passphrase = missing_passphrase
        self.using_recovery = False
        self.switch_button = QPushButton("Use the recovery key instead")
        self.switch_button.setObjectName(f"{object_name}_switch")
        self.switch_button.setFlat(True)
        self.switch_button.setProperty("role", "link")
        self.switch_button.clicked.connect(self.switch)

    def text(self) -> str:
        return self.edit.text()

    def missing_message(self) -> str:
        """What to say when nothing was typed."""
        return "Enter the recovery key" if self.using_recovery else self._missing_passphrase

    def switch(self) -> None:
        self.using_recovery = not self.using_recovery
        self.edit.clear()
        self.set_error("")
        what = RECOVERY_KEY if self.using_recovery else PASSPHRASE
        self.label.setText(what)
        self.edit.setAccessibleName(what)
        self.edit.setEchoMode(
            QLineEdit.EchoMode.Normal if self.using_recovery else QLineEdit.EchoMode.Password
        )
        self.switch_button.setText(
            "Use the passphrase instead" if self.using_recovery else "Use the recovery key instead"
        )
        self.edit.setFocus()

    def show_problem(self, message: str) -> None:
        """The error under the label; the typed text selected, ready to be typed over."""
        self.set_error(message)
        if message:
            self.edit.selectAll()
            self.edit.setFocus()
