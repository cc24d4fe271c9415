"""Signing on the Decision sheet tab asks for the passphrase: once a session, as a person signing
several sheets would expect, and never for a sheet already signed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.decision_sheet.sign_off_drafts import SignOffDrafts
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.partnership.signing_service import PASSPHRASE_QUESTION
from rrdesk.services.store.session import Session
from rrdesk.ui.decision_sheet.decision_sheet_panel import DecisionSheetPanel
from tests.conftest import PASSPHRASE
from tests.fakes import ImmediateRunner, RecordingMessages, RecordingOpener, ScriptedFileDialogs

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def _panel(
    qtbot, session: Session, case_id: int, dialogs: ScriptedFileDialogs, messages: RecordingMessages
) -> DecisionSheetPanel:  # type: ignore[no-untyped-def]
    sheets = decision_sheet_service_for(session)
    panel = DecisionSheetPanel(
        case_id,
        sheets,
        SignOffDrafts(session, sheets),
        messages,
        dialogs,
        RecordingOpener(),
        ImmediateRunner(),
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
    from rrdesk.services.partnership.signing_service import SigningService

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
