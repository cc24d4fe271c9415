"""Copying a secret (the recovery key) to the clipboard so that it does not linger.

On Windows the copy is marked to be kept out of clipboard history and the cloud clipboard, and
out of clipboard monitors; everywhere, the clipboard is emptied after a minute unless something
else has been copied since.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication

CLEAR_AFTER_MS = 60_000
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
    ``clear_after_ms`` if it is still there."""
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(secret_mime_data(text))

    def clear_if_still_there() -> None:
        if clipboard.text() == text:
            clipboard.clear()

    QTimer.singleShot(clear_after_ms, clear_if_still_there)
