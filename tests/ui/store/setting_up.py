"""What the first-run tests share: the set-up screen on a store not yet made, and its first two
pages filled in as a coordinator would, to reach the recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.keystore import SecretStore
from rrdesk.services.store import store_access
from rrdesk.ui.store.setup_dialog import SetupDialog
from tests.fakes import ImmediateRunner, RecordingMessages

PASSPHRASE = "lantern orchard pebble"


def setup_dialog_on(
    qtbot: QtBot,
    store_path: Path,
    messages: RecordingMessages,
    secrets: SecretStore | None = None,
) -> SetupDialog:
    """The set-up screen for a store at ``store_path``, shown; its work run at once."""
    dialog = SetupDialog(
        store_path,
        create_store=store_access.create_store,
        profiles={"statutory": "Statutory", "tower-hamlets": "Tower Hamlets"},
        messages=messages,
        secret_store=secrets,
        runner=ImmediateRunner(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def on_to_the_recovery_key(qtbot: QtBot, dialog: SetupDialog, partnership: str, owner: str) -> None:
    """The partnership's and the owner's names typed, Continue; the passphrase typed twice,
    Continue: the page that shows the recovery key."""
    qtbot.keyClicks(dialog.partnership, partnership)
    qtbot.keyClicks(dialog.owner, owner)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.confirmation, PASSPHRASE)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
