"""The Local review tab's boxes for recording the review as endorsed (the date of the decision,
the date commissioned, and why a case below the threshold is reviewed) hold typing as its other
boxes do: leaving with them changed asks Save, Discard or Stay, with Stay the default; Save
records the review as endorsed with what was typed, Discard puts them back, Stay keeps them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.cases.case_service import CaseService
from rrdesk.ui.after_meeting.local_review_tab import LocalReviewTab
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from tests import builders
from tests.fakes import RecordingMessages
from tests.ui.after_meeting.test_case_tabs_typing_on_leaving import (
    _asked,
    _click_tab,
    _open_tab,
    _shown_title,
)

QUESTION = "The local review has not been recorded as endorsed"


def _retype(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, text)


def _endorsable(context: AppContext, today: date) -> int:
    case = builders.add_case(
        context.session, today=today, notified=date(2026, 10, 5), stage=Stage.SENT_TO_NATIONAL_PANEL
    )
    assert case.case_id is not None
    return case.case_id


def test_dates_typed_to_record_it_as_endorsed_ask_and_stay_keeps_them_and_save_records_them(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    case_id = _endorsable(blank_context, today)
    _window, section, tab = _open_tab(qtbot, blank_context, case_id, "Local review")
    assert isinstance(tab, LocalReviewTab)
    assert tab.endorse_box.isVisible()
    _retype(qtbot, tab.decided_date.day, "16")
    _retype(qtbot, tab.endorse_date.day, "18")

    messages.choice = STAY
    _click_tab(qtbot, section, "Timetable")
    assert _asked(messages) == [QUESTION]
    assert messages.choices[-1][1] == STAY  # the default: Enter stays
    assert section.tabs.currentWidget() is tab
    assert tab.decided_date.day.text() == "16"
    assert tab.endorse_date.day.text() == "18"
    assert LocalReviewService(blank_context.session).get(case_id) is None

    messages.choice = SAVE
    _click_tab(qtbot, section, "Timetable")
    assert _shown_title(section) == "Timetable"
    stored = LocalReviewService(blank_context.session).get(case_id)
    assert stored is not None
    assert stored.decided_on == date(2026, 11, 16)
    assert stored.commissioned_on == date(2026, 11, 18)
    case = CaseService(blank_context.session).get(case_id)
    assert case is not None
    assert case.stage is Stage.LOCAL_REVIEW


def test_discard_puts_the_dates_back_and_records_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    case_id = _endorsable(blank_context, today)
    window, section, tab = _open_tab(qtbot, blank_context, case_id, "Local review")
    assert isinstance(tab, LocalReviewTab)
    # Looking is not typing: leaving asks nothing.
    _click_tab(qtbot, section, "Timetable")
    assert _asked(messages) == []
    _click_tab(qtbot, section, "Local review")

    _retype(qtbot, tab.endorse_date.year, "2025")
    messages.choice = DISCARD
    qtbot.keyClick(tab.endorse_date.year, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert _asked(messages) == [QUESTION]
    assert window.current_section == "board"
    assert LocalReviewService(blank_context.session).get(case_id) is None
    assert tab.endorse_date.year.text() == str(today.year)
    case = CaseService(blank_context.session).get(case_id)
    assert case is not None
    assert case.stage is Stage.SENT_TO_NATIONAL_PANEL


def test_a_save_refused_keeps_the_page_and_what_was_typed(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    case_id = _endorsable(blank_context, today)
    _window, section, tab = _open_tab(qtbot, blank_context, case_id, "Local review")
    assert isinstance(tab, LocalReviewTab)
    _retype(qtbot, tab.endorse_date.month, "13")  # no such month
    messages.choice = SAVE
    _click_tab(qtbot, section, "Timetable")
    assert _asked(messages) == [QUESTION]
    assert [title for kind, title, _ in messages.shown if kind != "choose"] == [
        "The local review was not recorded"
    ]
    assert section.tabs.currentWidget() is tab
    assert tab.endorse_date.month.text() == "13"
    assert LocalReviewService(blank_context.session).get(case_id) is None
