"""The start after a run that ended hard: said once the window is on screen, with the report to
copy, and said once only."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rrdesk import __version__
from rrdesk.services.platform.logging_setup import TOLD_TRACE_NAME, UNTOLD_TRACE_NAME
from rrdesk.ui.shell.crash_notice import tell_if_the_last_run_ended_hard
from rrdesk.ui.shell.main_window import MainWindow
from tests.fakes import RecordingMessages

# What faulthandler wrote as the last run ended, each file named in full (under the home folder).
TRACE = """Fatal Python error: Segmentation fault

Current thread 0x00007f6bd79d7b80 (most recent call first):
  File "/home/jsmith/rrdesk/rrdesk/ui/cases/case_editor.py", line 88 in _on_saved
  File "/home/jsmith/rrdesk/rrdesk/ui/shell/application.py", line 60 in run_event_loop
"""
ENDED = datetime(2026, 12, 8, 1, 4)


def _ended_hard(folder: Path, trace: str = TRACE) -> None:
    """The log folder as the next start finds it: the trace of the run that ended hard, written
    as it ended, put aside as the start set up its own (tests/services/platform/
    test_logging_setup.py has a real crash and start do that)."""
    (folder / UNTOLD_TRACE_NAME).write_text(trace, encoding="utf-8")
    os.utime(folder / UNTOLD_TRACE_NAME, (ENDED.timestamp(), ENDED.timestamp()))


def _started(qtbot: QtBot, folder: Path, messages: RecordingMessages) -> MainWindow:
    """The next start's window, told of the hard end once on screen as ``run_app`` tells it."""
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    window.when_on_screen(lambda: tell_if_the_last_run_ended_hard(window, messages, folder))
    window.show()
    return window


def test_the_next_start_says_the_last_run_closed_unexpectedly_and_copies_the_report(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _ended_hard(tmp_path)
    QApplication.clipboard().setText("")
    messages = RecordingMessages()
    messages.choice = "Copy the report"
    window = _started(qtbot, tmp_path, messages)
    qtbot.waitUntil(lambda: messages.shown != [])
    assert messages.shown == [
        (
            "choose",
            "rrdesk closed unexpectedly",
            "rrdesk closed unexpectedly the last time it was used, on 8 December 2026 at 1:04am. "
            "Everything saved before then is kept: rrdesk saves each change completely or not at "
            "all. If it happens again, copy the report and send it to your IT service desk. It "
            "holds no case details.",
        )
    ]
    assert messages.choices == [(("Copy the report", "Close"), "Close")]
    report = QApplication.clipboard().text()
    assert report.startswith(f"rrdesk problem report\nrrdesk: {__version__}\nPlatform: ")
    assert "\nQt: " in report
    assert "Fatal Python error: Segmentation fault" in report
    assert 'File "rrdesk/ui/cases/case_editor.py", line 88 in _on_saved' in report
    assert "jsmith" not in report  # the folders above rrdesk, which name the user, are left out
    # Told once: the trace is kept aside for IT, and the start after says nothing.
    assert not (tmp_path / UNTOLD_TRACE_NAME).exists()
    assert (tmp_path / TOLD_TRACE_NAME).read_text(encoding="utf-8") == TRACE
    window.close()
    again = RecordingMessages()
    window = _started(qtbot, tmp_path, again)
    done: list[str] = []
    window.when_on_screen(lambda: done.append("on screen"))  # after the notice would have been
    qtbot.waitUntil(lambda: done == ["on screen"])
    assert again.shown == []


def test_closing_the_notice_copies_nothing_and_an_older_told_trace_is_replaced(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / TOLD_TRACE_NAME).write_text("an older trace", encoding="utf-8")
    _ended_hard(tmp_path)
    QApplication.clipboard().setText("what the person copied")
    messages = RecordingMessages()
    window = _started(qtbot, tmp_path, messages)
    qtbot.waitUntil(lambda: messages.shown != [])
    assert messages.asked == ["rrdesk closed unexpectedly"]
    assert window.isVisible()
    assert QApplication.clipboard().text() == "what the person copied"
    assert (tmp_path / TOLD_TRACE_NAME).read_text(encoding="utf-8") == TRACE


def test_an_empty_or_unreadable_trace_says_nothing_and_the_window_carries_on(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _ended_hard(tmp_path, trace="")
    messages = RecordingMessages()
    window = _started(qtbot, tmp_path, messages)
    (tmp_path / "unreadable").mkdir()
    (tmp_path / "unreadable" / UNTOLD_TRACE_NAME).mkdir()  # read as a file: an OSError
    done: list[str] = []
    window.when_on_screen(
        lambda: tell_if_the_last_run_ended_hard(window, messages, tmp_path / "unreadable")
    )
    window.when_on_screen(lambda: done.append("on screen"))
    qtbot.waitUntil(lambda: done == ["on screen"])
    assert messages.shown == []
    assert window.isVisible()
    # Logged by the kind of problem only.
    (logged,) = [r.getMessage() for r in caplog.records if r.name == "rrdesk.crash"]
    assert logged == "the last crash trace was not read: IsADirectoryError"
