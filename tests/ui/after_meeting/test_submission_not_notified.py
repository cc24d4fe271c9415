"""A case never notified to the National Panel (a referral, or the threshold not met) has no
submission: its Submission tab says so plainly and offers nothing to save."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.session_services import SessionServices
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting import wiring as after_meeting
from rrdesk.ui.after_meeting.submission_tab import SubmissionTab
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.workbench import WindowEvents, Workbench
from tests import builders
from tests.fakes import RecordingMessages
from tests.seams import seams_for


def _submission_tab(
    qtbot: QtBot, session: Session, messages: RecordingMessages, today: date, tmp_path: Path
) -> object:
    window = MainWindow(session.partnership)
    qtbot.addWidget(window)
    bench = Workbench(window, WindowEvents(window))
    after_meeting.install(
        bench, SessionServices(session), seams_for(messages, lambda: today, save_folder=tmp_path)
    )
    return dict(bench.case_tabs)["Submission"]


def _visible_buttons(tab: QWidget) -> list[str]:
    return [b.text() for b in tab.findChildren(QPushButton) if b.isVisibleTo(tab)]


@pytest.mark.parametrize("stage", [Stage.REFERRED, Stage.THRESHOLD_NOT_MET])
def test_a_case_never_notified_has_no_submission_to_save(
    qtbot: QtBot,
    session: Session,
    messages: RecordingMessages,
    today: date,
    tmp_path: Path,
    stage: Stage,
) -> None:
    case = builders.add_case(session, today=today, notified=None, stage=stage)
    assert case.case_id is not None
    saved = tmp_path / "saved"
    saved.mkdir()
    make = _submission_tab(qtbot, session, messages, today, saved)
    tab = make(case.case_id)  # type: ignore[operator]
    assert isinstance(tab, SubmissionTab)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.not_notified.isVisible()
    assert tab.not_notified.text() == (
        f"{case.reference} was not notified to the National Panel, so there is no submission "
        "to send. If it should have been, record the date the notification was sent on the "
        "Case details tab first."
    )
    assert _visible_buttons(tab) == []  # nothing to save, no draft offered
    assert not tab.missing.isVisible()
    assert messages.shown == []
    assert session.documents.get(case.case_id, DocumentKind.SUBMISSION_DETAILS) is None
    assert not list(saved.iterdir())


def test_the_form_appears_once_the_notification_is_recorded(
    qtbot: QtBot, session: Session, messages: RecordingMessages, today: date, tmp_path: Path
) -> None:
    case = builders.add_case(session, today=today, notified=None, stage=Stage.REFERRED)
    assert case.case_id is not None
    make = _submission_tab(qtbot, session, messages, today, tmp_path)
    tab = make(case.case_id)  # type: ignore[operator]
    assert isinstance(tab, SubmissionTab)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.not_notified.isVisible()
    tab.hide()
    cases = CaseService(session)
    cases.save_case(replace(case, notification_sent=date(2026, 11, 16), stage=Stage.NOTIFIED))
    tab.show()
    assert not tab.not_notified.isVisible()
    assert "Save the submission as PDF" in _visible_buttons(tab)
    assert "• Describe the household" in tab.missing.text()
