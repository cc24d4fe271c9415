"""Signing on the Decision sheet tab asks for the passphrase: once a session, as a person signing
several sheets would expect, and never for a sheet already signed."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.partnership.signing_service import PASSPHRASE_QUESTION, SigningService
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
from rrdesk.ui.shell.tasks import TaskRunner, TaskStarter
from tests.conftest import PASSPHRASE
from tests.fakes import ImmediateRunner, RecordingMessages, RecordingOpener, ScriptedFileDialogs
from tests.slow_work_threads import SlowWorkThreads

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def _panel(
    qtbot,
    session: Session,
    case_id: int,
    dialogs: ScriptedFileDialogs,
    messages: RecordingMessages,
    runner: TaskStarter | None = None,
) -> DecisionSheetPanel:  # type: ignore[no-untyped-def]
    sheets = decision_sheet_service_for(session)
    panel = DecisionSheetPanel(
        case_id,
        sheets,
        SignOffDrafts(session, sheets),
        messages,
        dialogs,
        RecordingOpener(),
        runner or ImmediateRunner(),
        lambda: TODAY,
        lambda: NOW,
    )
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _passphrase_questions(dialogs: ScriptedFileDialogs) -> int:
    return sum(1 for _title, label in dialogs.asked if label == PASSPHRASE_QUESTION)


def test_the_passphrase_is_asked_once_for_several_signings(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    messages = RecordingMessages()
    dialogs = ScriptedFileDialogs(
        save=[tmp_path / "v1.pdf", tmp_path / "v1 again.pdf", tmp_path / "v2.pdf"],
        passwords=[PASSPHRASE],
    )
    panel = _panel(qtbot, session, decided_case, dialogs, messages)
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked[0] == ("Sign the decision sheet", PASSPHRASE_QUESTION)
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)  # version 1 saved again
    meetings = MeetingService(session)
    meetings.save(decided_case, replace(meetings.load(decided_case), place="Town Hall"), "Place")
    panel.hide()
    panel.show()
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert _passphrase_questions(dialogs) == 1
    assert (tmp_path / "v2.pdf").exists()
    signed = [e for e in session.audit.entries() if e.action.startswith("Signed the decision")]
    assert [e.action for e in signed] == [
        "Signed the decision sheet, version 1",
        "Signed the decision sheet, version 2",
    ]


def test_a_wrong_passphrase_signs_nothing_and_says_so(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    messages = RecordingMessages()
    # A certificate exists already, kept under the passphrase; this session has not opened it.
    SigningService(session).ensure_identity(NOW, PASSPHRASE)
    session.forget_signing_keys()
    dialogs = ScriptedFileDialogs(save=[tmp_path / "v1.pdf"], passwords=["not the passphrase"])
    panel = _panel(qtbot, session, decided_case, dialogs, messages)
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][:2] == ("error", "The decision sheet was not signed")
    assert "The passphrase is not right" in messages.shown[-1][2]
    assert decision_sheet_service_for(session).versions(decided_case) == []
    assert not (tmp_path / "v1.pdf").exists()


def test_cancelling_the_passphrase_signs_nothing(
    qtbot, session: Session, decided_case: int, tmp_path: Path
) -> None:
    messages = RecordingMessages()
    dialogs = ScriptedFileDialogs(save=[tmp_path / "v1.pdf"], passwords=[None])
    panel = _panel(qtbot, session, decided_case, dialogs, messages)
    qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
    assert decision_sheet_service_for(session).versions(decided_case) == []
    assert messages.shown == []
    assert [title for title, _label in dialogs.asked] == ["Sign the decision sheet"]


def _sign_on_the_runner(qtbot, panel: DecisionSheetPanel, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.sheet_signed, timeout=30_000):
        qtbot.mouseClick(panel.sign_button, Qt.MouseButton.LeftButton)
        # The click has returned with the work under way: the window answers, and says so.
        assert panel.task_bar.label.text() == "Preparing and signing the sheet…"
        assert panel.progress.isVisible()
        assert not panel.sign_button.isEnabled()
    assert runner.wait()


@pytest.mark.parametrize("certificate", [False, True], ids=["first signing", "key locked"])
def test_the_passphrase_is_worked_on_the_task_runner_with_the_window_responsive(
    qtbot, session: Session, decided_case: int, tmp_path: Path, monkeypatch, certificate: bool
) -> None:  # type: ignore[no-untyped-def]
    """The first signing makes a certificate and locks its key under the passphrase; a later
    session opens the key with it. Either way scrypt runs on the task runner, not the UI
    thread, while the tab shows its progress; then the sheet is signed and saved."""
    if certificate:
        SigningService(session).ensure_identity(NOW, PASSPHRASE)
        session.forget_signing_keys()  # as when the store is opened again
    messages = RecordingMessages()
    target = tmp_path / "v1.pdf"
    dialogs = ScriptedFileDialogs(save=[target], passwords=[PASSPHRASE])
    runner = TaskRunner()
    panel = _panel(qtbot, session, decided_case, dialogs, messages, runner)
    derivations = SlowWorkThreads(monkeypatch)

    _sign_on_the_runner(qtbot, panel, runner)

    assert derivations.ran("scrypt"), "the passphrase was worked on"
    assert threading.main_thread() not in derivations.ran("scrypt")
    assert messages.shown[-1][:2] == ("info", "Decision sheet signed")
    assert (
        f"Signed version 1 for {session.partnership} and saved it to {target}"
        in (messages.shown[-1][2])
    )
    assert target.exists()
    assert [v.version for v in decision_sheet_service_for(session).versions(decided_case)] == [1]
    actions = [e.action for e in session.audit.entries()]
    assert actions.count("Created a signing certificate") == 1
    signing = SigningService(session)
    assert not signing.needs_passphrase(), "the key is open for the rest of the session"
    assert signing.verify(target.read_bytes()).valid, "signed with the partnership's certificate"
