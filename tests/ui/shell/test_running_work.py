"""The suite's own guard: a GUI test that leaves a timer or a thread running fails."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

LEAKY = textwrap.dedent(
    """
    import threading

    import pytest
    from PySide6.QtCore import QTimer

    pytest_plugins = ["tests.running_work"]
    kept = []


    @pytest.mark.gui
    def test_timer_left_running(qapp):
        timer = QTimer()
        timer.start(60_000)
        kept.append(timer)


    @pytest.mark.gui
    def test_thread_left_running(qapp):
        stop = threading.Event()
        worker = threading.Thread(target=stop.wait, args=(3,), name="forgotten-worker")
        worker.start()


    @pytest.mark.gui
    def test_timer_stopped(qapp):
        timer = QTimer()
        timer.start(60_000)
        timer.stop()
    """
)


def test_a_timer_or_thread_left_running_fails_the_test(tmp_path: Path) -> None:
    (tmp_path / "test_leaky.py").write_text(LEAKY, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "markers=gui",
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "test_leaky.py"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**_env(), "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert "3 passed, 2 errors" in output, output  # each leaky test errors at its teardown
    assert re.search(r"^ERROR .*test_leaky.py::test_timer_left_running", output, re.M)
    assert re.search(r"^ERROR .*test_leaky.py::test_thread_left_running", output, re.M)
    assert "timers still running, started at: a test" in output
    assert "threads still running: forgotten-worker" in output


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
