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


def own_folders(folder: Path) -> dict[str, str]:
    """Environment giving a fresh Python its own home, settings, data, state and cache folders
    in ``folder``, so a start of rrdesk touches nothing of this machine's."""
    return {
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_STATE_HOME": str(folder / "state"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }
