"""The crash report: versions, the error's type and where it happened, and nothing it said."""

from __future__ import annotations

import sys

import pytest

from rrdesk import __version__
from rrdesk.services.platform.crash_report import (
    CrashReport,
    build_crash_report,
    build_message_report,
    build_trace_report,
    short_path,
)

SECRET = "Rosie Fennimore-Fictional, born 3 March 2019"


def _save_the_case(details: str) -> None:
    raise RuntimeError(f"could not save {details}")


def _report_of_a_bug() -> CrashReport:
    try:
        _save_the_case(SECRET)
    except RuntimeError:
        kind, error, trace = sys.exc_info()
        assert kind is not None
        return build_crash_report(kind, error, trace, qt_version="6.9.0")
    raise AssertionError("the bug was not raised")


def test_the_report_names_versions_type_and_frames() -> None:
    text = _report_of_a_bug().text()

    assert f"rrdesk: {__version__}" in text
    assert "Python: " in text
    assert "Qt: 6.9.0" in text
    assert "Error: builtins.RuntimeError" in text
    assert "tests/services/platform/test_crash_report.py" not in text  # folders above dropped
    assert "test_crash_report.py, line" in text
    assert "in _save_the_case" in text
    assert "in _report_of_a_bug" in text


def test_the_report_never_quotes_the_error_or_its_values() -> None:
    text = _report_of_a_bug().text()

    assert "Rosie" not in text
    assert "could not save" not in text
    assert "2019" not in text


def test_an_error_raised_while_handling_another_reports_both_types() -> None:
    try:
        try:
            children: dict[str, int] = {}
            children["Child R"] += 1
        except KeyError as first:
            raise ValueError(f"lost {first}") from first
    except ValueError:
        kind, error, trace = sys.exc_info()
        assert kind is not None
        text = build_crash_report(kind, error, trace, qt_version="6.9.0").text()

    assert "Error: builtins.ValueError" in text
    assert "It happened while handling:\nError: builtins.KeyError" in text
    assert "Child R" not in text


def test_a_qt_message_report_says_where_not_what() -> None:
    report = build_message_report(
        "Qt critical message", "/home/jsmith/src/qwidget.cpp", 120, "show", qt_version="6.9.0"
    )

    assert report.error_type == "Qt critical message"
    assert "qwidget.cpp, line 120, in show" in report.text()
    assert "jsmith" not in report.text()


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        pytest.param(
            "C:\\Users\\jsmith\\rrdesk\\rrdesk\\ui\\cases\\case_editor.py",
            "rrdesk/ui/cases/case_editor.py",
            id="rrdesk on Windows, under the user's folder",
        ),
        pytest.param(
            "/home/jsmith/.venv/lib/python3.11/site-packages/PySide6/__init__.py",
            "PySide6/__init__.py",
            id="a library",
        ),
        pytest.param("/home/jsmith/notes/script.py", "script.py", id="anything else"),
    ],
)
def test_short_paths_never_name_the_folders_above_the_package(filename: str, shown: str) -> None:
    assert short_path(filename) == shown


# faulthandler's trace of a frozen rrdesk on Windows, as a crash inside Qt leaves it.
WINDOWS_TRACE = r"""Windows fatal exception: access violation

Current thread 0x00001a2c (most recent call first):
  File "C:\Users\jsmith\Programs\rrdesk\_internal\rrdesk\ui\cases\case_editor.py", line 88 in save
  File "C:\Users\jsmith\Programs\rrdesk\_internal\PySide6\__init__.py", line 5 in <module>
"""


def test_a_hard_ends_report_has_the_versions_and_the_stacks_without_the_users_folders() -> None:
    report = build_trace_report(WINDOWS_TRACE, qt_version="6.9.0")
    lines = report.splitlines()
    assert lines[:2] == ["rrdesk problem report", f"rrdesk: {__version__}"]
    assert lines[4] == "Qt: 6.9.0"
    assert "Windows fatal exception: access violation" in lines
    assert '  File "rrdesk/ui/cases/case_editor.py", line 88 in save' in lines
    assert '  File "rrdesk/_internal/PySide6/__init__.py", line 5 in <module>' in lines
    assert "jsmith" not in report
