"""The small dialogs around a Word form: whether it names the child (and so has a password),
the password shown once to pass on, and the password asked for when a returned form has one.

Each opens window-modal with ``open()`` and reports through its signals, so the tab stays
responsive while a form is encrypted or read, and a test answers it as a person would."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rrdesk.ui.kit.form_widgets import FormField, heading_label, hint_label
from rrdesk.ui.kit.shown_secret import ShownSecretWidget

DIALOG_WIDTH = 620


def _buttons(dialog: QDialog, ok: str, ok_name: str) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox()
    ok_button = buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    ok_button.setObjectName(ok_name)
    ok_button.setDefault(True)
    cancel = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setObjectName(f"{ok_name}_cancel")
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button


class FormProtectionDialog(QDialog):
    """With the child's and family's details (encrypted) or without them (no password)."""

    chosen = Signal(bool)
    """True: with identifying details, encrypted."""

    def __init__(self, agency: str, *, has_password: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("word_form_protection")
        self.setWindowTitle("Save the Word form")
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(f"Save the Word form for {agency}", level=2))
        layout.addWidget(
            hint_label(
                "The agency fills the form in with Word and sends it back by secure email. "
                "Choose whether it names the child and family."
            )
        )
        self.identifying = QRadioButton(
            "With the child's and family's details, protected with a password (recommended)"
        )
        self.identifying.setObjectName("form_with_details")
        password_words = (
            "It uses the password rrdesk made for this request before, which is shown again "
            "when the form is saved."
            if has_password
            else "rrdesk makes a password for it and shows it to you once the form is saved."
        )
        self.plain = QRadioButton("Without identifying details, no password")
        self.plain.setObjectName("form_without_details")
        self.identifying.setChecked(True)
        layout.addWidget(self.identifying)
        layout.addWidget(
            _indented(
                hint_label(
                    "The agency needs the names and dates of birth to search its records. "
                    f"{password_words} Pass the password on by telephone or a separate message."
                )
            )
        )
        layout.addWidget(self.plain)
        layout.addWidget(
            _indented(
                hint_label(
                    "The form gives only the case reference. Tell the agency separately who it "
                    "is about."
                )
            )
        )
        buttons, self.save_button = _buttons(self, "Choose where to save\u2026", "save_word_form")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        self.accept()
        self.chosen.emit(self.identifying.isChecked())


def _indented(widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(26, 0, 0, 6)
    layout.addWidget(widget)
    return box


class PasswordShownDialog(QDialog):
    """The password of a form just saved, to pass on by telephone or a separate message."""

    def __init__(
        self,
        agency: str,
        file_name: str,
        password: str,
        *,
        is_new: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("word_form_password")
        self.setWindowTitle("The form's password")
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Give the agency this password separately", level=2))
        made = (
            f"rrdesk made this password for {agency}'s form"
            if is_new
            else f"This is the password rrdesk made for {agency}'s request"
        )
        layout.addWidget(
            hint_label(
                f"{file_name} is protected with a password because it names the child and "
                f"family. {made}."
            )
        )
        self.password = ShownSecretWidget(
            password,
            name="The form's password",
            object_name="form_password_shown",
            copy_text="Copy the password",
            copy_object_name="copy_form_password",
        )
        layout.addWidget(self.password)
        self.advice = QLabel(
            "Give it to the agency by telephone or in a separate message, never in the email "
            "that carries the form. rrdesk keeps it, encrypted in the store, so it opens the "
            "form when it comes back and can show it again when you save the form again."
        )
        self.advice.setObjectName("form_password_advice")
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        buttons = QDialogButtonBox()
        close = buttons.addButton("Close", QDialogButtonBox.ButtonRole.AcceptRole)
        close.setObjectName("close_form_password")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class PasswordAskDialog(QDialog):
    """The password of a returned form. It stays open while the form is opened: a wrong
    password is said under the box, with what was typed selected, ready to type again."""

    password_given = Signal(str)

    def __init__(self, file_name: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("word_form_ask_password")
        self.setWindowTitle("The returned form's password")
        self.setMinimumWidth(DIALOG_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(f"{file_name} has a password", level=2))
        layout.addWidget(hint_label(reason))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.field = FormField(
            "Password",
            self.edit,
            hint="The password the agency used when they saved the form.",
            object_name="returned_form_password",
        )
        layout.addWidget(self.field)
        buttons, self.open_button = _buttons(self, "Open the form", "open_returned_form")
        buttons.accepted.connect(self._on_buttons_accepted)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        password = self.edit.text()
        if not password:
            self.field.set_error("Enter the password")
            return
        self.field.set_error("")
        self.open_button.setEnabled(False)
        self.open_button.setText("Opening\u2026")
        self.password_given.emit(password)

    def show_problem(self, message: str) -> None:
        """Say why the password did not open the form; ready to type it again."""
        self.open_button.setEnabled(True)
        self.open_button.setText("Open the form")
        self.field.set_error(message)
        self.edit.selectAll()
        self.edit.setFocus()
