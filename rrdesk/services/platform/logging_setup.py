"""Rotating log files in the data folder, holding no case data.

rrdesk logs events by case id and counts, never names, pseudonyms, references or free text. The
rules for anyone adding a log line: pass ids and numbers as ``%d`` arguments; never log a
domain object, a form value or an exception's message (they can quote what was typed).
Uncaught errors are logged by type and place only, for the same reason.

A crash inside Qt or a C library ends the process before any of that can run. For that,
:func:`start_crash_trace` has the standard library's ``faulthandler`` write every thread's Python
stack (file names, line numbers and function names: no values) to a file beside the log, said
once at the next start (:mod:`rrdesk.ui.shell.crash_notice`).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from rrdesk.services.platform.locations import data_folder

LOG_NAME = "rrdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "rrdesk-rotating-file"
TRACE_NAME = "crash-trace.txt"
"""Where this run's Python stacks are written if it ends hard."""
UNTOLD_TRACE_NAME = "crash-trace.last-run.txt"
"""A run that ended hard: its stacks, put aside as the next run starts, until it is told."""
TOLD_TRACE_NAME = "crash-trace.1.txt"
"""The last trace told, kept for IT until the next one replaces it."""
_trace_file: list[BinaryIO] = []
"""The trace file, kept open for the process's life (``faulthandler`` writes to its handle)."""


def log_folder() -> Path:
    return data_folder() / "logs"


def configure_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Send the ``rrdesk`` loggers to a rotating file in ``folder``; returns the file's path.

    Calling it again replaces the earlier file handler rather than adding a second one.
    """
    folder = log_folder() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    logger = logging.getLogger("rrdesk")
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            logger.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return path


def stop_logging() -> None:
    logger = logging.getLogger("rrdesk")
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            logger.removeHandler(handler)
            handler.close()


def describe_crash(
    kind: type[BaseException], _error: BaseException, trace: TracebackType | None
) -> str:
    """An uncaught error as its type and where it happened, without its message."""
    frames = traceback.extract_tb(trace)
    places = " <- ".join(
        f"{Path(frame.filename).name}:{frame.lineno} {frame.name}" for frame in reversed(frames)
    )
    return f"{kind.__module__}.{kind.__qualname__} at {places or 'unknown place'}"


def log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    logging.getLogger("rrdesk.crash").error("uncaught %s", describe_crash(kind, error, trace))


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_crash_logging(then: ExceptHook | None = None) -> None:
    """Log uncaught errors (type and place only), then hand them on: to ``then`` when given (the
    crash dialog does), else to the hook there was before (Python reports them as usual)."""
    previous = then if then is not None else sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log_uncaught(kind, error, trace)
        previous(kind, error, trace)

    sys.excepthook = hook


def start_crash_trace(folder: Path) -> bool:
    """Have every thread's Python stack written to ``folder``'s trace file if the process
    receives a fatal signal (a crash inside Qt or a C library); False if it cannot be.

    A trace left by the last run (one that ended hard) is first put aside to be told. Nothing
    here stops start-up: a file that cannot be moved or opened is logged by type only.
    """
    trace = folder / TRACE_NAME
    try:
        if trace.stat().st_size > 0:
            os.replace(trace, folder / UNTOLD_TRACE_NAME)
    except FileNotFoundError:
        pass
    except OSError as error:
        logging.getLogger("rrdesk.crash").warning(
            "the last crash trace was not put aside: %s", type(error).__name__
        )
    try:
        file = trace.open("ab")
    except OSError as error:
        logging.getLogger("rrdesk.crash").warning(
            "no crash trace this run: %s", type(error).__name__
        )
        return False
    faulthandler.enable(file, all_threads=True)
    _trace_file.append(file)
    return True


def end_crash_trace() -> None:
    """The run is ending well: stop the trace and empty its file, so the next start does not
    take it for a hard end. (On Windows ``faulthandler`` also writes exceptions that are then
    handled, which are no crash.)"""
    if not _trace_file:
        return
    file = _trace_file.pop()
    faulthandler.disable()
    try:
        file.truncate(0)
        file.close()
    except OSError as error:
        logging.getLogger("rrdesk.crash").warning(
            "the crash trace was not emptied: %s", type(error).__name__
        )


def untold_crash_trace(folder: Path) -> tuple[str, float] | None:
    """The trace of a run that ended hard and has not been told: its text and when it was
    written (seconds since the epoch); None if there is none, or it is empty or unreadable."""
    path = folder / UNTOLD_TRACE_NAME
    try:
        written = path.stat().st_mtime
        text = path.read_bytes().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError as error:
        logging.getLogger("rrdesk.crash").warning(
            "the last crash trace was not read: %s", type(error).__name__
        )
        return None
    return (text, written) if text.strip() else None


def crash_trace_told(folder: Path) -> None:
    """The trace has been told: it is kept as the last one told (replacing the one before), so
    it is told once only."""
    try:
        os.replace(folder / UNTOLD_TRACE_NAME, folder / TOLD_TRACE_NAME)
    except OSError as error:
        logging.getLogger("rrdesk.crash").warning(
            "the told crash trace was not put aside: %s", type(error).__name__
        )
