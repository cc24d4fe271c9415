"""A secret shown once (the recovery key, a Word form's password) is copied out of clipboard
history and taken off the clipboard after a minute.

The minute's timer is Qt's single shot, which outlives the screen that copied (closing the
screen must not leave the secret behind); each test empties the clipboard at its end, so that
the timer, when it fires during a later test, finds nothing of ours to take off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLineEdit

from rrdesk.ui.kit.shown_secret import WINDOWS_FORMATS, ShownSecretWidget, copy_secret
from tests.ui.store.setting_up import on_to_the_recovery_key, setup_dialog_on

HISTORY = 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"'
CLOUD = 'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"'


def test_the_recovery_key_is_copied_out_of_history(qtbot, store_path, messages) -> None:  # type: ignore[no-untyped-def]
    dialog = setup_dialog_on(qtbot, store_path, messages)
    on_to_the_recovery_key(
        qtbot, dialog, "Northmoor Safeguarding Children Partnership", "Rory Penhallow"
    )
    qtbot.mouseClick(dialog.recovery_key.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == dialog.recovery_key.text()
    assert dialog.recovery_key.copy_button.text() == "Copied: the clipboard is emptied in a minute"
    copied = clipboard.mimeData()
    assert set(WINDOWS_FORMATS) <= set(copied.formats())
    assert bytes(copied.data(HISTORY).data()) == b"\x00\x00\x00\x00"
    assert bytes(copied.data(CLOUD).data()) == b"\x00\x00\x00\x00"
    clipboard.clear()


def test_the_secret_is_in_a_read_only_box_to_select_and_tab_passes_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    shown = ShownSecretWidget(
        "K7QM-2XWP-9RTA-HH4C",
        name="The form's password",
        object_name="form_password_shown",
        copy_text="Copy the password",
        copy_object_name="copy_form_password",
    )
    qtbot.addWidget(shown)
    shown.show()
    box = shown.findChild(QLineEdit, "form_password_shown")
    assert box.text() == "K7QM-2XWP-9RTA-HH4C"
    assert box.accessibleName() == "The form's password"
    qtbot.keyClicks(box, "typed over")
    assert box.text() == "K7QM-2XWP-9RTA-HH4C", "it cannot be changed"
    box.selectAll()
    assert box.selectedText() == "K7QM-2XWP-9RTA-HH4C"
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert box.font().family() == fixed.family(), "monospaced, so 0 and O differ"
    assert not box.focusPolicy() & Qt.FocusPolicy.TabFocus, "Tab goes on to the Copy button"
    assert shown.copy_button.text() == "Copy the password"


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
