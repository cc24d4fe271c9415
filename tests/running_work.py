"""Tests fail when a screen leaves a timer or a thread running after it is gone.

Every ``QTimer`` started during a GUI test is noted (weakly: noting it must not keep it alive).
Once the test's widgets are closed and deleted, none may still be running, and no thread the
test started, nor any of the Qt thread pool's, may still be at work.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer

SETTLE_MS = 5_000


@pytest.fixture(autouse=True)
def _nothing_left_running(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    started: list[tuple[weakref.ref[QTimer], str]] = []
    real_start = QTimer.start

    def start(timer: QTimer, *args: object) -> None:
        started.append((weakref.ref(timer), _where_started()))
        real_start(timer, *args)

    monkeypatch.setattr(QTimer, "start", start)
    threads_before = set(threading.enumerate())
    yield  # torn down after qtbot's, so the test's widgets are closed by now
    monkeypatch.undo()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    pool_idle = QThreadPool.globalInstance().waitForDone(SETTLE_MS)
    running = [where for timer, where in started if _running(timer())]
    threads = [
        thread.name
        for thread in set(threading.enumerate()) - threads_before
        if thread.is_alive() and not thread.daemon
    ]
    problems = []
    if running:
        problems.append("timers still running, started at: " + "; ".join(sorted(set(running))))
    if threads:
        problems.append("threads still running: " + ", ".join(sorted(threads)))
    if not pool_idle:
        problems.append("background tasks still running in Qt's thread pool")
    if problems:
        pytest.fail("Left running after the test: " + " | ".join(problems), pytrace=False)


def _running(timer: QTimer | None) -> bool:
    if timer is None:
        return False
    try:
        return timer.isActive()
    except RuntimeError:  # its Qt object is gone with its widget
        return False


def _where_started() -> str:
    import traceback

    for frame in reversed(traceback.extract_stack(limit=12)[:-2]):
        if "/rrdesk/" in frame.filename and "/tests/" not in frame.filename:
            return f"{frame.filename.rsplit('/rrdesk/', 1)[1]}:{frame.lineno}"
    return "a test"
