"""Keep the display awake while the projector view is open, where the platform allows.

Windows: ``SetThreadExecutionState``. macOS: the system ``caffeinate`` tool, tied to this
process. Linux desktops: the freedesktop screen saver's ``Inhibit`` on the local session bus.
Elsewhere nothing happens. It never fails loudly and never goes online.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from typing import Any

_ES_CONTINUOUS = 0x80000000
_ES_DISPLAY_REQUIRED = 0x00000002
_ES_SYSTEM_REQUIRED = 0x00000001
_SCREEN_SAVER = "org.freedesktop.ScreenSaver"


class DisplayAwake:
    def __init__(self) -> None:
        self.active = False
        self._process: subprocess.Popen[bytes] | None = None
        self._screen_saver: Any = None
        self._cookie: int | None = None

    def acquire(self) -> bool:
        """Ask the system to keep the display on; ``True`` if it agreed."""
        if self.active:
            return True
        with contextlib.suppress(Exception):
            if sys.platform == "win32":
                kernel: Any = __import__("ctypes").windll.kernel32
                flags = _ES_CONTINUOUS | _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED
                self.active = bool(kernel.SetThreadExecutionState(flags))
            elif sys.platform == "darwin" and (tool := shutil.which("caffeinate")):
                self._process = subprocess.Popen(
                    [tool, "-d", "-w", str(os.getpid())],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                self.active = True
            elif os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
                self.active = self._inhibit_screen_saver()
        return self.active

    def _inhibit_screen_saver(self) -> bool:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        path = "/" + _SCREEN_SAVER.replace(".", "/")
        screen_saver = QDBusInterface(_SCREEN_SAVER, path, _SCREEN_SAVER, bus)
        if not screen_saver.isValid():
            return False
        reply = screen_saver.call("Inhibit", "rrdesk", "Showing the Rapid Review countdown")
        arguments = reply.arguments()
        if not arguments:
            return False
        self._screen_saver = screen_saver
        self._cookie = int(arguments[0])
        return True

    def release(self) -> None:
        if not self.active:
            return
        with contextlib.suppress(Exception):
            if sys.platform == "win32":
                kernel: Any = __import__("ctypes").windll.kernel32
                kernel.SetThreadExecutionState(_ES_CONTINUOUS)
            if self._process is not None:
                self._process.terminate()
                self._process.wait(timeout=2)
            if self._screen_saver is not None and self._cookie is not None:
                self._screen_saver.call("UnInhibit", self._cookie)
        self._process = None
        self._screen_saver = None
        self._cookie = None
        self.active = False
