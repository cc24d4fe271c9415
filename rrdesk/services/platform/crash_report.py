"""What rrdesk says about a bug, in a report a person can copy and send to their IT service desk.

A report names the versions, the error's type and where it happened (file, line and function of
each frame), and nothing else: never the error's message or any value, which could quote a child's
name or what was typed. A run that ended hard (a crash inside Qt or a C library) is reported from
the Python stacks ``faulthandler`` wrote (``logging_setup.start_crash_trace``), which hold only
files, lines and functions too. Qt-free, so it is built and tested without a screen.
"""

from __future__ import annotations

import platform
import re
import traceback
from dataclasses import dataclass
from pathlib import PurePath
from types import TracebackType

from rrdesk import __version__

_TRACE_FILE = re.compile(r'^(\s*File ")([^"]*)(")', re.MULTILINE)
"""A file named in ``faulthandler``'s trace: ``  File "/home/…/main_window.py", line 12 in …``."""

_MAX_CHAINED = 3
"""Errors raised while handling another: at most this many earlier ones are reported."""


@dataclass(frozen=True)
class Frame:
    """One step of the call stack: a file inside rrdesk or a library, a line and a function."""

    file: str
    line: int
    function: str


@dataclass(frozen=True)
class ErrorPlace:
    """An error's type (``builtins.RuntimeError``) and its frames, the innermost last."""

    error_type: str
    frames: tuple[Frame, ...]


@dataclass(frozen=True)
class CrashReport:
    """A bug, told without anything from the store or the screen."""

    error: ErrorPlace
    earlier: tuple[ErrorPlace, ...]
    """Errors this one was raised while handling, the nearest first."""
    rrdesk_version: str
    platform: str
    python_version: str
    qt_version: str

    @property
    def error_type(self) -> str:
        return self.error.error_type

    def text(self) -> str:
        """The report as plain text, for the clipboard."""
        lines = [
            *_header(self.rrdesk_version, self.platform, self.python_version, self.qt_version),
            "",
            *_place_lines(self.error),
        ]
        for earlier in self.earlier:
            lines += ["", "It happened while handling:", *_place_lines(earlier)]
        return "\n".join(lines) + "\n"


def _header(rrdesk_version: str, platform_name: str, python_version: str, qt: str) -> list[str]:
    return [
        "rrdesk problem report",
        f"rrdesk: {rrdesk_version}",
        f"Platform: {platform_name}",
        f"Python: {python_version}",
        f"Qt: {qt}",
    ]


def _place_lines(place: ErrorPlace) -> list[str]:
    lines = [f"Error: {place.error_type}", "Where (most recent call last):"]
    lines += [f"  {f.file}, line {f.line}, in {f.function}" for f in place.frames]
    if not place.frames:
        lines.append("  not known")
    return lines


def short_path(filename: str) -> str:
    """A frame's file without the folders above the package it is in, which can name the user
    (``C:/Users/jsmith/…``): ``rrdesk/ui/cases/case_editor.py``, ``PySide6/…`` or the bare name."""
    parts = PurePath(filename.replace("\\", "/")).parts
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(marker) :])
    if "rrdesk" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("rrdesk") :])
    return parts[-1] if parts else filename


def error_type_name(kind: type[BaseException]) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def error_place(kind: type[BaseException], trace: TracebackType | None) -> ErrorPlace:
    frames = tuple(
        Frame(short_path(item.filename), item.lineno or 0, item.name)
        for item in traceback.extract_tb(trace)
    )
    return ErrorPlace(error_type_name(kind), frames)


def _earlier(error: BaseException | None) -> tuple[ErrorPlace, ...]:
    places: list[ErrorPlace] = []
    seen = {id(error)}
    current = error
    while current is not None and len(places) < _MAX_CHAINED:
        cause = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if cause is None or id(cause) in seen:
            break
        seen.add(id(cause))
        places.append(error_place(type(cause), cause.__traceback__))
        current = cause
    return tuple(places)


def build_crash_report(
    kind: type[BaseException],
    error: BaseException | None,
    trace: TracebackType | None,
    *,
    qt_version: str,
) -> CrashReport:
    """The report of an uncaught error: its type and frames (and those of the errors it was
    raised while handling), with the versions. ``error`` is read only for that chain."""
    return CrashReport(
        error=error_place(kind, trace),
        earlier=_earlier(error),
        rrdesk_version=__version__,
        platform=platform.platform(),
        python_version=platform.python_version(),
        qt_version=qt_version,
    )


def build_message_report(
    kind: str, file: str | None, line: int, function: str | None, *, qt_version: str
) -> CrashReport:
    """The report of a serious message from Qt: its kind and, when Qt says, where it came from.
    Qt's words are left out, as an error's message is."""
    frames = (Frame(short_path(file), line, function or "not known"),) if file else ()
    return CrashReport(
        error=ErrorPlace(kind, frames),
        earlier=(),
        rrdesk_version=__version__,
        platform=platform.platform(),
        python_version=platform.python_version(),
        qt_version=qt_version,
    )


def build_trace_report(trace: str, *, qt_version: str) -> str:
    """The report of a run that ended hard: the versions, then the Python stacks
    ``faulthandler`` wrote as it ended, each file without the folders that can name the user."""
    shortened = _TRACE_FILE.sub(lambda m: m[1] + short_path(m[2]) + m[3], trace.strip("\n"))
    lines = [
        *_header(__version__, platform.platform(), platform.python_version(), qt_version),
        "",
        "rrdesk ended hard (a crash in Qt or a library) the last time it was used.",
        "Its Python stacks as it ended (most recent call first):",
        "",
        shortened,
    ]
    return "\n".join(lines) + "\n"
