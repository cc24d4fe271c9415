"""Said once, at the start after a run that ended hard (a crash inside Qt or a C library, which no
dialog could show): when it happened, that what was saved is kept, and a report to copy for IT.

``run_app`` calls :func:`tell_if_the_last_run_ended_hard` once the first window is on screen, so
the first paint does not wait for it; this module is loaded only then (docs/startup.md).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rrdesk.domain.timetable.dates import format_date, format_time
from rrdesk.services.platform.logging_setup import crash_trace_told, untold_crash_trace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from rrdesk.ui.shell.messages import Messages

TITLE = "rrdesk closed unexpectedly"
COPY = "Copy the report"
CLOSE = "Close"


def notice_text(ended: datetime) -> str:
    return (
        "rrdesk closed unexpectedly the last time it was used, on "
        f"{format_date(ended.date())} at {format_time(ended)}. Everything saved before then is "
        "kept: rrdesk saves each change completely or not at all. If it happens again, copy the "
        "report and send it to your IT service desk. It holds no case details."
    )


def tell_if_the_last_run_ended_hard(
    parent: QWidget | None, messages: Messages, folder: Path
) -> None:
    """If the log ``folder`` holds the trace of a run that ended hard, say so, offering its
    report to copy; then keep the trace aside so it is said once only. An empty or unreadable
    trace says nothing."""
    found = untold_crash_trace(folder)
    if found is None:
        return
    trace, written = found
    from rrdesk.services.platform.crash_report import build_trace_report
    from rrdesk.ui.shell.crash_handling import qt_version

    # The trace file's own time, written as the process ended, on this computer's clock.
    ended = datetime.fromtimestamp(written)
    answer = messages.choose(parent, TITLE, notice_text(ended), (COPY, CLOSE), default=CLOSE)
    if answer == COPY:
        messages.copy_to_clipboard(build_trace_report(trace, qt_version=qt_version()))
    crash_trace_told(folder)
