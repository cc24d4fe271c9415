"""The one seam through which rrdesk shows message boxes. Tests replace it with a recorder.

The message box's Qt class is loaded when a message is first shown, not when the app starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Messages:
    """Shows plain-English messages. Subclass or replace in tests."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName("error_message")
        box.exec()

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName("info_message")
        box.exec()

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        yes: str,
        no: str,
        default_yes: bool = True,
    ) -> bool:
        """True when the person chooses ``yes``. With ``default_yes=False`` Enter chooses ``no``:
        for a step that marks something done that may not be."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes_button if default_yes else no_button)
        box.setObjectName("confirm_message")
        box.exec()
        return box.clickedButton() is yes_button

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str], *, default: str
    ) -> str:
        """The choice (one of the button labels ``choices``) the person makes; Enter chooses
        ``default``, and closing the box chooses the last choice (the one that changes nothing)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        buttons = {}
        for index, choice in enumerate(choices):
            last = index == len(choices) - 1
            role = QMessageBox.ButtonRole.RejectRole if last else QMessageBox.ButtonRole.ActionRole
            buttons[choice] = box.addButton(choice, role)
        box.setDefaultButton(buttons[default])
        box.setEscapeButton(buttons[choices[-1]])
        box.setObjectName("choose_message")
        box.exec()
        clicked = box.clickedButton()
        return next((c for c, b in buttons.items() if b is clicked), choices[-1])

    def copy_to_clipboard(self, text: str) -> None:
        from PySide6.QtWidgets import QApplication

        clipboard = QApplication.clipboard()
        clipboard.setText(text)
