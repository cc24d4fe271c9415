"""The Submission, Local review and Letter to referrer tabs are saved with their buttons;
leaving one with typing not yet saved (another case tab, or Ctrl and a number for another
section) asks Save, Discard or Stay first. The real main window, driven as a person would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab
from rrdesk.ui.after_meeting.submission_tab import SubmissionTab
from rrdesk.ui.after_meeting.threshold_letter_tab import ThresholdLetterTab
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests import builders
from tests.fakes import RecordingMessages
from tests.ui.after_meeting.after_meeting_cases import threshold_not_met
from tests.ui.case_tabs import click_tab, open_case_tab, shown_title

HOUSEHOLD = "Child T lived with her mother and grandmother."


def test_submission_details_typed_are_discarded_or_saved_on_leaving(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    case = builders.add_case(blank_context.session, today=today, notified=date(2026, 11, 2))
    assert case.case_id is not None
    window, section, tab = open_case_tab(qtbot, blank_context, case.case_id, "Submission")
    assert isinstance(tab, SubmissionTab)
    qtbot.keyClicks(tab.texts["household"], HOUSEHOLD)
    messages.choice = DISCARD
    click_tab(qtbot, section, "Timetable")
    assert messages.asked == ["The submission's details have not been saved"]
    assert shown_title(section) == "Timetable"
    click_tab(qtbot, section, "Submission")
    assert tab.texts["household"].toPlainText() == ""
    qtbot.keyClicks(tab.texts["household"], HOUSEHOLD)
    messages.choice = SAVE
    qtbot.keyClick(tab.texts["household"], Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section == "board"
    stored = SubmissionService(blank_context.session).details(case.case_id)
    assert stored.household == HOUSEHOLD
    assert len(messages.asked) == 2


def test_a_local_review_typed_with_stay_keeps_it_and_with_save_stores_it(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    case = builders.add_case(
        blank_context.session,
        today=today,
        notified=date(2026, 8, 3),
        stage=Stage.SENT_TO_NATIONAL_PANEL,
    )
    assert case.case_id is not None
    LocalReviewService(blank_context.session).endorse(
        case.case_id, date(2026, 8, 31), decided_on=date(2026, 8, 24)
    )
    _window, section, tab = open_case_tab(qtbot, blank_context, case.case_id, "Local review")
    assert isinstance(tab, LocalReviewTab)
    assert tab.review_box.isVisible()
    qtbot.keyClicks(tab.reviewer, "Dr Annest Carrow")
    tab.independent.setFocus()
    qtbot.keyClick(tab.independent, Qt.Key.Key_Space)
    assert tab.independent.isChecked()
    messages.choice = STAY
    click_tab(qtbot, section, "Timetable")
    assert messages.asked == ["The local review has not been saved"]
    assert section.tabs.currentWidget() is tab
    assert tab.reviewer.text() == "Dr Annest Carrow"
    messages.choice = SAVE
    click_tab(qtbot, section, "Timetable")
    assert shown_title(section) == "Timetable"
    stored = LocalReviewService(blank_context.session).get(case.case_id)
    assert stored is not None
    assert stored.reviewer == "Dr Annest Carrow"


def test_the_letters_signatory_typed_is_saved_on_leaving(
    qtbot: QtBot,
    blank_context: AppContext,
    messages: RecordingMessages,
    today: date,
    tmp_path: Path,
) -> None:
    case_id = threshold_not_met(blank_context.session, today)
    window, section, tab = open_case_tab(qtbot, blank_context, case_id, "Letter to referrer")
    assert isinstance(tab, ThresholdLetterTab)
    tab.signatory.selectAll()
    qtbot.keyClicks(tab.signatory, "Morwenna Tregenza")
    window.grab().save(str(tmp_path / "letter-typed-1366.png"))
    messages.choice = SAVE
    click_tab(qtbot, section, "Case details")
    assert messages.asked == ["The letter's details have not been saved"]
    stored = ThresholdLetterService(blank_context.session).details(case_id)
    assert stored.signatory == "Morwenna Tregenza"
    assert isinstance(window, MainWindow)
