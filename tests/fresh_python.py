"""Run a script in a fresh Python, for what happens only once a process: start-up, imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fresh_python(script: str, **environment: str) -> list[str]:
    """The lines ``script`` prints, run from the repository offscreen, with ``environment``
    added; fails the test, showing what it said, if it does not end well."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **environment)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()
