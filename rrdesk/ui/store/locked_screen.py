"""What the main window shows while rrdesk is locked: no case data, and a way back in with the
passphrase or the recovery key (never a key remembered on this computer).

The demo store's banner stays across the top, as on the window: it says the demo's passphrase,
which nobody could otherwise know when the demo locks itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rrdesk.ui.kit.form_widgets import heading_label
from rrdesk.ui.kit.secret_field import SecretField

PANEL_WIDTH = 600

REASONS = {
    "idle": "rrdesk locked itself because it was not used for a while.",
    "manual": "rrdesk is locked.",
    "session": "rrdesk locked when this computer was locked.",
    "restore": "rrdesk locked to put a backup in place.",
}


class LockedScreen(QWidget):
    """What the main window shows while locked: no case data, a way back in."""

    unlock_requested = Signal(str, bool)
    quit_requested = Signal()

    def __init__(self, reason: str, *, banner: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("locked_screen")
        self.banner = QLabel(banner)
        self.banner.setObjectName("locked_banner")
        self.banner.setProperty("role", "demo_banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(bool(banner))
        self.title = heading_label("Locked", object_name="locked_title")
        self._reason_text = f"{REASONS.get(reason, REASONS['manual'])} Nothing has been lost."
        self.reason = QLabel(self._reason_text)
        self.reason.setObjectName("locked_reason")
        self.reason.setWordWrap(True)
        self.secret_field = SecretField(object_name="locked_secret")
        self.secret = self.secret_field.edit
        self.error = self.secret_field.error
        self.switch_button = self.secret_field.switch_button
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setObjectName("locked_unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setProperty("role", "primary")
        self.quit_button = QPushButton("Quit rrdesk")
        self.quit_button.setObjectName("locked_quit")
        self.quit_button.setAccessibleName("Quit rrdesk")
        self.quit_button.setToolTip("Everything is saved. rrdesk asks for the passphrase again.")
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        panel = QWidget()
        panel.setMaximumWidth(PANEL_WIDTH)
        column = QVBoxLayout(panel)
        for widget in (self.title, self.reason, self.secret_field):
            column.addWidget(widget)
        column.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.secret.returnPressed.connect(self._on_unlock_clicked)
        self.quit_button.clicked.connect(self.quit_requested)

    def _on_unlock_clicked(self) -> None:
        text = self.secret.text()
        if not text:
            self.show_error(self.secret_field.missing_message())
            return
        self.unlock_requested.emit(text, self.secret_field.using_recovery)

    def show_error(self, message: str) -> None:
        self.secret_field.show_problem(message)

    def set_busy(self, doing: str) -> None:
        """While rrdesk works on the store behind the lock (a restore), say so and take no
        input; ``""`` gives the screen back."""
        self.secret_field.setEnabled(not doing)
        self.switch_button.setEnabled(not doing)
        self.unlock_button.setEnabled(not doing)
        self.quit_button.setEnabled(not doing)
        self.reason.setText(doing or self._reason_text)
