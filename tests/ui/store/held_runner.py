"""A task runner for tests that holds each task until the test says, then runs it as the app's
runner does: on a thread of its own, reporting back on the window's thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from rrdesk.ui.shell.tasks import TaskHandle


class HeldRunner:
    """Starts nothing until the test says: then runs each task on a thread of its own, as the
    app's runner does, and reports back on the calling (window's) thread."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[..., Any], Callable[..., None], Callable[..., None]]] = []

    def start(
        self,
        work: Callable[..., Any],
        *,
        on_done: Callable[..., None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        self.waiting.append((work, on_done, on_error))

        class _Handle:
            def cancel(self) -> None:
                pass

        return _Handle()

    def run_waiting(self) -> None:
        waiting, self.waiting = self.waiting, []
        for work, on_done, on_error in waiting:
            outcome: list[Any] = []

            def run(work: Callable[..., Any] = work, outcome: list[Any] = outcome) -> None:
                try:
                    outcome.append((True, work(lambda _done, _total: None, lambda: False)))
                except BaseException as error:
                    outcome.append((False, error))

            thread = threading.Thread(target=run)
            thread.start()
            thread.join()
            finished, result = outcome[0]
            (on_done if finished else on_error)(result)

    def wait(self, milliseconds: int = 30_000) -> bool:
        return True
