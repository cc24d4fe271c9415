"""What the main window shows while rrdesk is locked: no case data, and a way back in with the
passphrase or the recovery key (never a key remembered on this computer)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

REASONS = {
    "idle": "rrdesk locked itself because it was not used for a while.",
    "manual": "rrdesk is locked.",
    "session": "rrdesk locked when this computer was locked.",
    "restore": "rrdesk locked to put a backup in place.",
}


class LockedScreen(QWidget):
    """What the main window shows while locked: no case data, a way back in."""

    unlock_requested = Signal(str, bool)

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locked_screen")
        self._using_recovery = False
        self.title = QLabel("Locked")
        self.title.setObjectName("locked_title")
        self.title.setProperty("role", "heading")
        self.reason = QLabel(f"{REASONS.get(reason, REASONS['manual'])} Nothing has been lost.")
        self.reason.setObjectName("locked_reason")
        self.reason.setWordWrap(True)
        self.secret_label = QLabel("Passphrase")
        self.secret = QLineEdit()
        self.secret.setObjectName("locked_secret")
        self.secret.setAccessibleName("Passphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret)
        self.error = QLabel("")
        self.error.setObjectName("locked_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.switch_button = QPushButton("Use the recovery key instead")
        self.switch_button.setObjectName("locked_switch")
        self.switch_button.setFlat(True)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setObjectName("locked_unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.reason, self.error, self.secret_label, self.secret):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.secret.returnPressed.connect(self._on_unlock_clicked)
        self.switch_button.clicked.connect(self._on_switch_clicked)

    def _on_switch_clicked(self) -> None:
        self._using_recovery = not self._using_recovery
        self.secret.clear()
        self.show_error("")
        what = "Recovery key" if self._using_recovery else "Passphrase"
        self.secret_label.setText(what)
        self.secret.setAccessibleName(what)
        self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal if self._using_recovery else QLineEdit.EchoMode.Password
        )
        self.switch_button.setText(
            "Use the passphrase instead" if self._using_recovery else "Use the recovery key instead"
        )

    def _on_unlock_clicked(self) -> None:
        text = self.secret.text()
        if not text:
            self.show_error(
                "Enter the recovery key" if self._using_recovery else "Enter your passphrase"
            )
            return
        self.unlock_requested.emit(text, self._using_recovery)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.secret.selectAll()
            self.secret.setFocus()
