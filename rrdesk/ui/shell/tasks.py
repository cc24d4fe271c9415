"""Slow work off the UI thread: one helper on ``QThreadPool``; tests inject an immediate runner.

A task takes and returns plain values and never touches widgets or the database. ``progress`` and
``cancelled`` callbacks let long renders report and stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol, TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Result = TypeVar("Result")
Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Result]
"""A task: given a way to report progress and to ask whether it was cancelled, it returns its
result, which ``on_done`` is given with its type (mypy checks the two agree)."""


class TaskHandle(Protocol):
    def cancel(self) -> None: ...


class TaskStarter(Protocol):
    """Either runner: starts work and reports back on the UI thread."""

    def start(
        self,
        work: Work[Result],
        *,
        on_done: Callable[[Result], None],
        on_error: Callable[[BaseException], None],
        on_progress: Progress | None = None,
    ) -> TaskHandle: ...


class TaskPool(TaskStarter, Protocol):
    """A runner the app waits for before it closes the store."""

    def wait(self, milliseconds: int = 30_000) -> bool: ...


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(
        self, work: Work[object], signals: _Signals, cancel_event: threading.Event
    ) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._cancel = cancel_event

    def run(self) -> None:
        try:
            result = self._work(self._signals.progressed.emit, self._cancel.is_set)
        except BaseException as error:  # handed to the UI thread, which decides what to show
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


class _Handle:
    def __init__(self, event: threading.Event, signals: _Signals) -> None:
        self._event = event
        self.signals = signals

    def cancel(self) -> None:
        self._event.set()


class TaskRunner:
    """Runs work on the global thread pool; results come back as Qt signals on the UI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._live: set[_Handle] = set()

    def start(
        self,
        work: Work[Result],
        *,
        on_done: Callable[[Result], None],
        on_error: Callable[[BaseException], None],
        on_progress: Progress | None = None,
    ) -> TaskHandle:
        event = threading.Event()
        signals = _Signals()
        handle = _Handle(event, signals)
        self._live.add(handle)

        def finish(result: object) -> None:
            self._live.discard(handle)
            on_done(cast(Result, result))  # what ``work`` returned, through a Qt signal

        def fail(error: object) -> None:
            self._live.discard(handle)
            on_error(error if isinstance(error, BaseException) else RuntimeError(str(error)))

        signals.finished.connect(finish)
        signals.failed.connect(fail)
        if on_progress is not None:
            signals.progressed.connect(on_progress)
        self._pool.start(_Runnable(work, signals, event))
        return handle

    def wait(self, milliseconds: int = 30_000) -> bool:
        return bool(self._pool.waitForDone(milliseconds))
