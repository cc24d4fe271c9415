"""On Linux desktops the screen lock is announced on the session bus: rrdesk locks with it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("screen_lock_child.py")


@pytest.mark.skipif(
    shutil.which("dbus-run-session") is None or shutil.which("dbus-send") is None,
    reason="needs dbus-run-session and dbus-send",
)
def test_locks_when_the_desktop_announces_a_screen_lock() -> None:
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(CHILD)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "locked=True reason=session" in result.stdout, result.stderr
