"""First run, driven as a coordinator would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rrdesk.keystore import MemorySecretStore
from rrdesk.services.store import store_access
from tests.ui.store.setting_up import on_to_the_recovery_key, setup_dialog_on


def test_setup_creates_store_after_recovery_key_is_stored(qtbot, store_path, messages) -> None:  # type: ignore[no-untyped-def]
    secrets = MemorySecretStore()
    dialog = setup_dialog_on(qtbot, store_path, messages, secrets)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.isVisible()
    assert dialog.summary.messages == ["Enter the name of the partnership", "Enter your name"]
    dialog.summary.follow(0)
    assert dialog.focusWidget() is dialog.partnership
    qtbot.keyClicks(dialog.partnership, "Northmoor Safeguarding Children Partnership")
    qtbot.keyClicks(dialog.owner, "Rory Penhallow")
    dialog.profile.setCurrentIndex(1)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1

    qtbot.keyClicks(dialog.passphrase, "too short")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert "12 characters or more" in dialog.summary.messages[0]
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, "Password1234")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.messages == [
        "This passphrase is too easy to guess: an attacker could find it in fewer than 10 "
        "billion tries. Three or four random words work well"
    ]
    assert dialog.pages.currentIndex() == 1
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, "lantern orchard pebble")
    qtbot.keyClicks(dialog.confirmation, "lantern orchard pebbles")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.messages == ["The passphrases do not match"]
    dialog.confirmation.clear()
    qtbot.keyClicks(dialog.confirmation, "lantern orchard pebble")
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 2

    recovery = dialog.recovery_key.text()
    assert len(recovery.split("-")) == 8
    assert not dialog.continue_button.isEnabled()
    assert not store_path.exists(), "nothing is created before the recovery key is stored"
    dialog.stored_check.setChecked(True)
    dialog.remember_check.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)

    assert dialog.session is not None
    assert dialog.session.partnership == "Northmoor Safeguarding Children Partnership"
    assert dialog.session.profile_name == "tower-hamlets"
    dialog.session.close()
    assert secrets.entries, "the key is remembered on this computer"
    by_recovery = store_access.unlock_with_recovery_key(store_path, recovery)
    assert by_recovery.actor == "Recovery key"
    by_recovery.close()
    by_passphrase = store_access.unlock_with_passphrase(store_path, "lantern orchard pebble")
    assert by_passphrase.actor == "Rory Penhallow"
    by_passphrase.close()


def test_setup_with_broken_keyring_still_creates_store(qtbot, store_path, messages) -> None:  # type: ignore[no-untyped-def]
    secrets = MemorySecretStore(broken="This computer has no keyring that rrdesk can use.")
    dialog = setup_dialog_on(qtbot, store_path, messages, secrets)
    on_to_the_recovery_key(qtbot, dialog, "Northmoor", "Rory")
    dialog.stored_check.setChecked(True)
    dialog.remember_check.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.session is not None
    assert "You will need your passphrase each time" in dialog.keyring_message
    dialog.session.close()


def test_setup_never_overwrites_an_existing_store(qtbot, new_store, store_path, messages) -> None:  # type: ignore[no-untyped-def]
    new_store.session.close()
    before = store_path.read_bytes()
    dialog = setup_dialog_on(qtbot, store_path, messages)
    on_to_the_recovery_key(qtbot, dialog, "Another", "Someone")
    dialog.stored_check.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.session is None
    assert messages.shown[0][0] == "error"
    assert "never makes a new store over an old one" in messages.texts[0]
    assert store_path.read_bytes() == before
