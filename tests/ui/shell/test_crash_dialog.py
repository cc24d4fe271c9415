"""The crash dialog: a bug is logged and shown once, with a report that quotes nothing it said.

pytest-qt normally catches errors raised in slots and fails the test with them; these tests turn
that off (``qt_no_exception_capture``) so the error reaches ``sys.excepthook`` as it does in
the app, where the crash handling is waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt, qCritical, qWarning
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from rrdesk.services.partnership.signing_service import SigningService
from rrdesk.services.store.session import Session
from rrdesk.ui.partnership.settings_widget import PartnershipSettingsWidget
from rrdesk.ui.shell.crash_dialog import CrashDialog
from rrdesk.ui.shell.crash_handling import CrashHandling, install_crash_handling
from tests.fakes import ImmediateRunner, RecordingMessages, ScriptedFileDialogs

SECRET = "Rosie Fennimore-Fictional"

pytestmark = pytest.mark.qt_no_exception_capture


class Crashes:
    """The crash handling under test, with what it copied, whether it closed rrdesk, and the
    log lines it wrote."""

    def __init__(self, handling: CrashHandling, copied: list[str], closed: list[bool]) -> None:
        self.handling = handling
        self.copied = copied
        self.closed = closed
        self.logged: list[str] = []

    @property
    def dialog(self) -> CrashDialog | None:
        return self.handling.dialog

    @property
    def errors(self) -> list[str]:
        """The log's error lines (the offscreen test screen warns of things it cannot do)."""
        return [line for line in self.logged if line.startswith("ERROR ")]


class _Lines(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@pytest.fixture
def crashes(qapp: QApplication) -> Iterator[Crashes]:
    copied: list[str] = []
    closed: list[bool] = []
    handling = install_crash_handling(
        qapp, copy=copied.append, close_app=lambda: closed.append(True)
    )
    recorded = Crashes(handling, copied, closed)
    handler = _Lines(recorded.logged)
    loggers = [logging.getLogger(name) for name in ("rrdesk.crash", "rrdesk.qt")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield recorded
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
        handling.uninstall()
        if handling.dialog is not None:
            handling.dialog.close()
            handling.dialog.deleteLater()


def _visible_text(dialog: CrashDialog) -> str:
    return "\n".join(
        label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)
    )


def _save_button(qtbot: Any, *slots: Any) -> QPushButton:
    button = QPushButton("Save the case")
    button.setObjectName("save_button")
    for slot in slots:
        button.clicked.connect(slot)
    qtbot.addWidget(button)
    button.show()
    return button


def _bug() -> None:
    raise RuntimeError(f"could not save the case of {SECRET}")


def test_a_bug_in_a_slot_is_logged_and_shown_and_rrdesk_carries_on(
    qtbot: Any, crashes: Crashes
) -> None:
    saved: list[bool] = []
    button = _save_button(qtbot, _bug)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = crashes.dialog
    assert dialog is not None
    assert dialog.isVisible()
    shown = _visible_text(dialog)
    assert "Something went wrong in rrdesk. Your work is saved up to your last change" in shown
    assert "rrdesk saves each change completely or not at all" in shown
    assert SECRET not in shown
    assert dialog.carry_on_button.isVisible()
    assert dialog.close_button.text() == "Close rrdesk"

    (logged,) = crashes.errors
    assert logged.startswith("ERROR rrdesk.crash: uncaught builtins.RuntimeError at")
    assert "_bug" in logged
    assert SECRET not in logged

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    (report,) = crashes.copied
    assert "Error: builtins.RuntimeError" in report
    assert "test_crash_dialog.py, line" in report
    assert "in _bug" in report
    assert "Qt: " in report
    assert SECRET not in report
    assert "could not save" not in report
    assert "Report copied" in _visible_text(dialog)

    qtbot.mouseClick(dialog.carry_on_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert crashes.closed == []
    button.clicked.disconnect(_bug)
    button.clicked.connect(lambda: saved.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert saved == [True]


def test_a_burst_of_errors_shows_one_dialog_counting_the_rest(qtbot: Any, crashes: Crashes) -> None:
    button = _save_button(qtbot, _bug, _bug, _bug)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = crashes.dialog
    assert dialog is not None
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)] == [dialog]
    assert "2 more problems happened after this one." in _visible_text(dialog)
    assert len(crashes.errors) == 3

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert crashes.closed == [True]


def test_a_bug_in_another_thread_is_shown_on_the_ui_thread(qtbot: Any, crashes: Crashes) -> None:
    worker = threading.Thread(target=_bug)
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: crashes.dialog is not None and crashes.dialog.isVisible())
    assert crashes.errors[0].startswith("ERROR rrdesk.crash: uncaught builtins.RuntimeError")


def test_qt_warnings_are_logged_and_critical_messages_shown(qtbot: Any, crashes: Crashes) -> None:
    qWarning("QLayout: a warning rrdesk can live with")
    assert crashes.dialog is None
    assert crashes.logged == [
        "WARNING rrdesk.qt: Qt warning QLayout: a warning rrdesk can live with"
    ]

    qCritical("QPainter: something serious")

    qtbot.waitUntil(lambda: crashes.dialog is not None and crashes.dialog.isVisible())
    assert crashes.dialog is not None
    (logged,) = crashes.errors
    assert logged.startswith("ERROR rrdesk.qt: Qt critical message")
    qtbot.mouseClick(crashes.dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "Error: Qt critical message" in crashes.copied[0]
    assert "something serious" not in crashes.copied[0]


def test_a_user_error_in_a_screen_is_a_plain_message_not_a_crash(
    qtbot: Any, crashes: Crashes, session: Session
) -> None:
    messages = RecordingMessages()
    widget = PartnershipSettingsWidget(
        SigningService(session),
        messages,
        ScriptedFileDialogs(),
        ImmediateRunner(),
        lambda: datetime(2026, 11, 22, 14, 5, tzinfo=UTC),
    )
    qtbot.addWidget(widget)
    widget.show()
    widget.partnership_name.clear()

    qtbot.mouseClick(widget.save_name_button, Qt.MouseButton.LeftButton)

    assert messages.shown == [("error", "Partnership name", "Enter the partnership's name")]
    assert crashes.dialog is None
    assert crashes.errors == []
    assert session.partnership == "Northmoor Safeguarding Children Partnership"  # unchanged
