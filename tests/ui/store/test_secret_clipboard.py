"""The recovery key copied for safe keeping is kept out of clipboard history and taken off the
clipboard after a minute."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rrdesk.ui.store.secret_clipboard import WINDOWS_FORMATS, copy_secret
from tests.ui.store.test_setup_dialog import _dialog

HISTORY = 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"'
CLOUD = 'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"'


def test_the_recovery_key_is_copied_out_of_history(qtbot, store_path, messages) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, store_path, messages)
    qtbot.keyClicks(dialog.partnership, "Northmoor Safeguarding Children Partnership")
    qtbot.keyClicks(dialog.owner, "Rory Penhallow")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.passphrase, "lantern orchard pebble")
    qtbot.keyClicks(dialog.confirmation, "lantern orchard pebble")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == dialog.recovery_label.text()
    assert dialog.copy_button.text() == "Copied: the clipboard is emptied in a minute"
    copied = clipboard.mimeData()
    assert set(WINDOWS_FORMATS) <= set(copied.formats())
    assert bytes(copied.data(HISTORY).data()) == b"\x00\x00\x00\x00"
    assert bytes(copied.data(CLOUD).data()) == b"\x00\x00\x00\x00"
    clipboard.clear()


def test_the_clipboard_is_emptied_unless_something_else_was_copied(qtbot) -> None:  # type: ignore[no-untyped-def]
    clipboard = QApplication.clipboard()
    copy_secret("K7QM2-AAAAA", clear_after_ms=20)
    assert clipboard.text() == "K7QM2-AAAAA"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)

    copy_secret("K7QM2-BBBBB", clear_after_ms=20)
    clipboard.setText("the minutes, copied since")
    qtbot.wait(60)
    assert clipboard.text() == "the minutes, copied since"
    clipboard.clear()
