"""A secret shown once for the person to copy or write down (a recovery key, a Word form's
password), and the one way rrdesk copies a secret to the clipboard so that it does not linger.

On Windows the copy is marked to be kept out of clipboard history and the cloud clipboard, and
out of clipboard monitors; everywhere, the clipboard is emptied after a minute unless something
else has been copied since.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

CLEAR_AFTER_MS = 60_000
COPIED = "Copied: the clipboard is emptied in a minute"
_DWORD_ZERO = b"\x00\x00\x00\x00"
# Windows clipboard formats, as Qt names a raw format: 0 means "no" for the first two; the
# presence of the third is enough.
WINDOWS_FORMATS = {
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': _DWORD_ZERO,
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': _DWORD_ZERO,
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"",
}


def secret_mime_data(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    for name, value in WINDOWS_FORMATS.items():
        data.setData(name, value)
    return data


def copy_secret(text: str, *, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
    """Put ``text`` on the clipboard, kept out of history, and take it off again after
    ``clear_after_ms`` if it is still there. The timer outlives the screen that copied: closing
    it does not leave the secret on the clipboard."""
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(secret_mime_data(text))

    def clear_if_still_there() -> None:
        if clipboard.text() == text:
            clipboard.clear()

    QTimer.singleShot(clear_after_ms, clear_if_still_there)


class ShownSecretWidget(QWidget):
    """The secret in a read-only box, large and monospaced so that 0 and O, 1 and l differ,
    selectable with the mouse; under it a button that copies it with ``copy_secret`` and then
    says that the clipboard is emptied in a minute.

    The box takes focus only by a click, as a label would: Tab goes from what comes before it
    straight to the button."""

    def __init__(
        self,
        secret: str,
        *,
        name: str,
        object_name: str,
        copy_text: str,
        copy_object_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._secret = secret
        self.field = QLineEdit(secret)
        self.field.setObjectName(object_name)
        self.field.setAccessibleName(name)
        self.field.setReadOnly(True)
        self.field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.field.setFont(font)
        self.field.setMinimumWidth(self.field.fontMetrics().horizontalAdvance(secret) + 40)
        self.copy_button = QPushButton(copy_text)
        self.copy_button.setObjectName(copy_object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)

    def text(self) -> str:
        return self.field.text()

    def _on_copy_button_clicked(self) -> None:
        copy_secret(self._secret)
        self.copy_button.setText(COPIED)
