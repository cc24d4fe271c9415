"""Core dumps are off from the start of every command (and of the app, which starts the same
way): a dump would hold the data key, the passphrase and a child's name in plain text."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = (
    "import resource, sys\n"
    "from rrdesk.cli import main\n"
    "main(['deadlines', '2026-11-22'], out=open('/dev/null', 'w'))\n"
    "print(resource.getrlimit(resource.RLIMIT_CORE)[0])\n"
)


def _allow_core_dumps() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_command_turns_core_dumps_off() -> None:
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("core dumps are off for good on this machine: nothing to turn off")
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=_allow_core_dumps,
        check=True,
    )
    assert result.stdout.strip() == "0"  # the child's limit on the size of a core dump


class _Kernel32:
    """Windows' kernel32, as far as rrdesk uses it: the process's error mode."""

    def __init__(self, mode: int) -> None:
        self.mode = mode

    def GetErrorMode(self) -> int:
        return self.mode

    def SetErrorMode(self, mode: int) -> int:
        previous, self.mode = self.mode, mode
        return previous


def test_windows_error_reporting_is_not_invoked_for_rrdesk() -> None:
    from rrdesk.cli import no_error_reports

    kernel32 = _Kernel32(mode=0x8000)  # SEM_NOOPENFILEERRORBOX, set by someone else: kept
    no_error_reports(kernel32)
    assert kernel32.mode & 0x0002, "SEM_NOGPFAULTERRORBOX: Windows Error Reporting not invoked"
    assert kernel32.mode & 0x8000
