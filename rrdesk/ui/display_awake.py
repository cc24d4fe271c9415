"""Keep the display awake while the projector view is open, where the platform allows.

Windows: ``SetThreadExecutionState``. macOS: the system ``caffeinate`` tool, tied to this
process. Elsewhere nothing happens. It never fails loudly and never goes online.
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


class DisplayAwake:
    def __init__(self) -> None:
        self.active = False
        self._process: subprocess.Popen[bytes] | None = None

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
        return self.active

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
        self._process = None
        self.active = False
