"""Task runners for tests that hold back part of what the app's runner does until the test
says: each runs its tasks on a thread of their own and reports back on the calling (window's)
thread, as the app's runner does."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from rrdesk.ui.shell.tasks import TaskHandle

Reports = tuple[Callable[..., None], Callable[[BaseException], None]]


class _Handle:
    def cancel(self) -> None:
        pass


class _Running:
    """A task running on a thread of its own; :meth:`report` waits for it and says how it went."""

    def __init__(self, work: Callable[..., Any], reports: Reports) -> None:
        self._outcome: list[tuple[bool, Any]] = []
        self._reports = reports
        self._thread = threading.Thread(target=self._run, args=(work,))
        self._thread.start()

    def _run(self, work: Callable[..., Any]) -> None:
        try:
            self._outcome.append((True, work(lambda _done, _total: None, lambda: False)))
        except BaseException as error:
            self._outcome.append((False, error))

    def report(self) -> None:
        self._thread.join()
        finished, result = self._outcome[0]
        on_done, on_error = self._reports
        (on_done if finished else on_error)(result)


class HeldRunner:
    """Starts nothing until the test says (:meth:`run_waiting`)."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[..., Any], Reports]] = []

    def start(
        self,
        work: Callable[..., Any],
        *,
        on_done: Callable[..., None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        self.waiting.append((work, (on_done, on_error)))
        return _Handle()

    def run_waiting(self) -> None:
        waiting, self.waiting = self.waiting, []
        for work, reports in waiting:
            _Running(work, reports).report()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return True


class ReportsHeldRunner:
    """Runs each task at once, but tells the window how it went only when the test says
    (:meth:`report`), as if the window's thread were busy."""

    def __init__(self) -> None:
        self.started: list[_Running] = []

    def start(
        self,
        work: Callable[..., Any],
        *,
        on_done: Callable[..., None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        self.started.append(_Running(work, (on_done, on_error)))
        return _Handle()

    def report(self) -> None:
        started, self.started = self.started, []
        for running in started:
            running.report()
