"""The Meeting tab's other boxes hold typing too: the time and place and each criterion's note
(saved on Enter or Tab), and an immediate action or a dissent typed but not yet added. Leaving
the tab with any of them typed asks Save, Discard or Stay, as the notes do."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from tests.fakes import RecordingMessages
from tests.ui.case_tabs import cases_section, click_tab
from tests.ui.meeting.meeting_window import decided_meeting_tab_open

QUESTION = "Your notes have not been saved"


def _retype(qtbot: QtBot, box, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_the_place_typed_is_saved_on_leaving_and_the_time_put_back(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, tmp_path: Path
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    window.resize(1366, 768)
    _retype(qtbot, tab.details.place_edit, "Civic Centre, Room 4")
    tab.scroll_area.ensureWidgetVisible(tab.details.place_edit)
    window.grab().save(str(tmp_path / "meeting-place-typed-1366.png"))
    messages.choice = SAVE
    click_tab(qtbot, cases_section(window), "Timetable")
    assert messages.asked == [QUESTION]
    assert MeetingService(blank_context.session).load(case_id).place == "Civic Centre, Room 4"

    click_tab(qtbot, cases_section(window), "Meeting")
    _retype(qtbot, tab.details.time_edit, "14:30")
    messages.choice = DISCARD
    click_tab(qtbot, cases_section(window), "Timetable")
    assert len(messages.asked) == 2
    assert MeetingService(blank_context.session).load(case_id).starts_at == time(10, 0)
    assert tab.details.time_edit.text() == "10am"
    assert tab.details.place_edit.text() == "Civic Centre, Room 4"


def test_a_criterion_note_typed_with_stay_keeps_it_and_with_save_stores_it(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    key, row = next(iter(tab.criteria.rows.items()))
    _retype(qtbot, row.note, "Agreed by everyone present")
    messages.choice = STAY
    click_tab(qtbot, cases_section(window), "Timetable")
    assert messages.asked == [QUESTION]
    assert cases_section(window).tabs.currentWidget() is tab
    assert row.note.text() == "Agreed by everyone present"
    messages.choice = SAVE
    click_tab(qtbot, cases_section(window), "Timetable")
    stored = MeetingService(blank_context.session).load(case_id).criteria.response(key)
    assert stored is not None
    assert stored.note == "Agreed by everyone present"


def test_an_action_typed_but_not_added_is_asked_about(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages
) -> None:
    window, tab, case_id = decided_meeting_tab_open(qtbot, blank_context)
    actions = tab.actions_panel
    before = MeetingService(blank_context.session).load(case_id).actions
    actions.action_edit.setFocus()
    qtbot.keyClicks(actions.action_edit, "Share the chronology with the school")
    actions.owner_combo.setFocus()
    actions.owner_combo.lineEdit().selectAll()
    qtbot.keyClicks(actions.owner_combo.lineEdit(), "Westbury Schools")
    messages.choice = SAVE
    qtbot.keyClick(actions.action_edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert messages.asked == [QUESTION]
    assert window.current_section == "board"
    stored = MeetingService(blank_context.session).load(case_id).actions
    assert len(stored) == len(before) + 1
    assert stored[-1].action == "Share the chronology with the school"
    assert stored[-1].owner_agency == "Westbury Schools"
    assert actions.action_edit.toPlainText() == ""
