"""``make test`` shares the suite between two processes by node id (tests/conftest.py): the walk
named to run after the other tests must still exist, or the walks' process would run it too and
take about seven minutes longer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import WALK_AFTER_THE_OTHER_TESTS

ROOT = Path(__file__).resolve().parents[1]


def test_the_walk_run_after_the_other_tests_is_collected() -> None:
    collecting = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    collected = subprocess.run(
        [*collecting, "--", WALK_AFTER_THE_OTHER_TESTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert collected.stdout.splitlines()[0] == WALK_AFTER_THE_OTHER_TESTS
