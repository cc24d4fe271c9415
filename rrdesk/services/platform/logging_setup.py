"""Rotating log files in the data folder, holding no case data.

rrdesk logs events by case id and counts, never names, pseudonyms, references or free text. The
rules for anyone adding a log line: pass ids and numbers as ``%d`` arguments; never log a
domain object, a form value or an exception's message (they can quote what was typed).
Uncaught errors are logged by type and place only, for the same reason.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from rrdesk.services.platform.locations import data_folder

LOG_NAME = "rrdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "rrdesk-rotating-file"


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
