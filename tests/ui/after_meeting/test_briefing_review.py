"""Saving a 7-minute briefing: the coordinator reviews its anonymised words first, and with a
police investigation open must tick that the police agree before it can be saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from rrdesk.domain.cases.cases import ParallelProcess
from rrdesk.services.after_meeting.report_service import ReportService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting.submission_tab import SubmissionTab
from tests import builders
from tests.exports.pdf_reading import all_text
from tests.fakes import RecordingMessages, ScriptedFileDialogs

TODAY = date(2026, 11, 23)


def _tab(qtbot, session: Session, messages: RecordingMessages, saved: Path) -> SubmissionTab:  # type: ignore[no-untyped-def]
    people = builders.add_directory(session)
    case = builders.ready_to_submit(session, people, today=TODAY, notified=date(2026, 11, 2))
    assert case.case_id is not None
    CaseService(session).save_case(
        replace(
            case,
            summary="Child K was found hurt at home, 14 Acacia Road, by Mary Jones.",
            parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION}),
        )
    )
    tab = SubmissionTab(
        case.case_id,
        SubmissionService(session),
        ReportService(session),
        messages,
        lambda: TODAY,
        files=ScriptedFileDialogs(save=[saved]),
    )
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_the_briefing_is_reviewed_and_needs_the_polices_agreement(  # type: ignore[no-untyped-def]
    qtbot, session: Session, tmp_path: Path
) -> None:
    messages = RecordingMessages()
    saved = tmp_path / "7-minute-briefing.pdf"
    tab = _tab(qtbot, session, messages, saved)
    assert tab.police_warning.isVisible()
    assert "A police investigation is open" in tab.police_warning.text()

    qtbot.mouseClick(tab.briefing_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1][0] == "error"
    assert "Tick that you have checked first" in messages.texts[-1]
    assert not saved.exists()

    tab.police_checked.setChecked(True)
    messages.confirm_answer = False  # the coordinator reads it and goes back
    qtbot.mouseClick(tab.briefing_button, Qt.MouseButton.LeftButton)
    kind, title, review = messages.shown[-1]
    assert (kind, title) == ("confirm", "Check the briefing before it is saved")
    assert "found hurt at home, [address], by [name]." in review
    assert "Mary Jones" not in review
    assert not saved.exists()

    messages.confirm_answer = True
    qtbot.mouseClick(tab.briefing_button, Qt.MouseButton.LeftButton)
    assert "[address]" in all_text(saved.read_bytes())
