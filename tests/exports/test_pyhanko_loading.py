"""Loading pyHanko prints no warning: the commands that sign or check a PDF say only their own
words (see rrdesk/exports/__init__.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LOAD = """
import rrdesk.exports.signatures.signing, rrdesk.exports.signatures.verification
import pyhanko.sign, pyhanko.sign.validation, pyhanko.stamp
"""


def test_loading_pyhanko_through_rrdesk_prints_no_warning() -> None:
    # Every warning shown once, as Python shows them when nothing hides them.
    done = subprocess.run(
        [sys.executable, "-W", "default", "-c", LOAD],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert done.stderr == ""
