"""The Local review tab's boxes for recording the review as endorsed (the date of the decision,
the date commissioned, and why a case below the threshold is reviewed) hold typing as its other
boxes do: leaving with them changed asks Save, Discard or Stay, with Stay the default; Save
records the review as endorsed with what was typed, Discard puts them back, Stay keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.after_meeting.local_review import LocalReview
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests import builders
from tests.fakes import RecordingMessages
from tests.ui.case_tabs import click_tab, open_case_tab, shown_title

QUESTION = "The local review has not been recorded as endorsed"


@dataclass
class Endorsable:
    """A case sent to the National Panel, not yet recorded as endorsed."""

    qtbot: QtBot
    context: AppContext
    case_id: int

    def open_local_review(self) -> tuple[MainWindow, CasesSection, LocalReviewTab]:
        window, section, tab = open_case_tab(self.qtbot, self.context, self.case_id, "Local review")
        assert isinstance(tab, LocalReviewTab)
        return window, section, tab

    def stored(self) -> LocalReview | None:
        return LocalReviewService(self.context.session).get(self.case_id)

    def stage(self) -> Stage:
        case = CaseService(self.context.session).get(self.case_id)
        assert case is not None
        return case.stage


@pytest.fixture
def endorsable(qtbot: QtBot, blank_context: AppContext, today: date) -> Endorsable:
    case = builders.add_case(
        blank_context.session,
        today=today,
        notified=date(2026, 10, 5),
        stage=Stage.SENT_TO_NATIONAL_PANEL,
    )
    assert case.case_id is not None
    return Endorsable(qtbot, blank_context, case.case_id)


def _retype(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_dates_typed_to_record_it_as_endorsed_ask_and_stay_keeps_them_and_save_records_them(
    qtbot: QtBot, endorsable: Endorsable, messages: RecordingMessages
) -> None:
    _window, section, tab = endorsable.open_local_review()
    assert tab.endorse_box.isVisible()
    _retype(qtbot, tab.decided_date.day, "16")
    _retype(qtbot, tab.endorse_date.day, "18")

    messages.choice = STAY
    click_tab(qtbot, section, "Timetable")
    assert messages.asked == [QUESTION]
    assert messages.choices[-1][1] == STAY  # the default: Enter stays
    assert section.tabs.currentWidget() is tab
    assert tab.decided_date.day.text() == "16"
    assert tab.endorse_date.day.text() == "18"
    assert endorsable.stored() is None

    messages.choice = SAVE
    click_tab(qtbot, section, "Timetable")
    assert shown_title(section) == "Timetable"
    stored = endorsable.stored()
    assert stored is not None
    assert stored.decided_on == date(2026, 11, 16)
    assert stored.commissioned_on == date(2026, 11, 18)
    assert endorsable.stage() is Stage.LOCAL_REVIEW


def test_discard_puts_the_dates_back_and_records_nothing(
    qtbot: QtBot, endorsable: Endorsable, messages: RecordingMessages, today: date
) -> None:
    window, section, tab = endorsable.open_local_review()
    # Looking is not typing: leaving asks nothing.
    click_tab(qtbot, section, "Timetable")
    assert messages.asked == []
    click_tab(qtbot, section, "Local review")

    _retype(qtbot, tab.endorse_date.year, "2025")
    messages.choice = DISCARD
    qtbot.keyClick(tab.endorse_date.year, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert messages.asked == [QUESTION]
    assert window.current_section == "board"
    assert endorsable.stored() is None
    assert tab.endorse_date.year.text() == str(today.year)
    assert endorsable.stage() is Stage.SENT_TO_NATIONAL_PANEL


def test_a_save_refused_keeps_the_page_and_what_was_typed(
    qtbot: QtBot, endorsable: Endorsable, messages: RecordingMessages
) -> None:
    _window, section, tab = endorsable.open_local_review()
    _retype(qtbot, tab.endorse_date.month, "13")  # no such month
    messages.choice = SAVE
    click_tab(qtbot, section, "Timetable")
    assert messages.asked == [QUESTION]
    assert [title for kind, title, _ in messages.shown if kind != "choose"] == [
        "The local review was not recorded"
    ]
    assert section.tabs.currentWidget() is tab
    assert tab.endorse_date.month.text() == "13"
    assert endorsable.stored() is None
