"""Run under ``dbus-run-session``: announce a screen lock on the session bus the way Linux desktops
do, and print whether rrdesk locked. Used by test_screen_lock.py."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from rrdesk.services.store import store_access
from rrdesk.storage.keys import key_slots
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.store.lock_controller import LockController
from tests.fakes import ImmediateRunner


def main() -> int:
    app = QApplication([])
    key_slots.SCRYPT_N = 2**12
    folder = Path(tempfile.mkdtemp(prefix="rrdesk-screen-lock-"))
    created = store_access.create_store(
        folder / "s.rrdesk", partnership="X", owner="Y", passphrase="correct horse battery staple"
    )
    controller = LockController(
        created.session,
        runner=ImmediateRunner(),
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        rebuild=lambda _session: None,
        idle_interval_ms=600_000,
    )
    window = MainWindow("X")
    controller.watch(window)
    window.show()  # listening starts once the window is on screen

    def announce() -> None:
        subprocess.run(
            [
                "dbus-send",
                "--session",
                "--type=signal",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "boolean:true",
            ],
            check=True,
        )

    QTimer.singleShot(100, announce)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(app.quit)
    deadline.start(5000)
    controller.locked.connect(lambda _reason: QTimer.singleShot(0, app.quit))
    app.exec()
    print(f"locked={controller.is_locked} reason={controller.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
