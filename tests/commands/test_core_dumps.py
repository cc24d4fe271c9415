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
