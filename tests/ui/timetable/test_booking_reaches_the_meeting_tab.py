"""Booking the meeting on a case's Timetable tab shows on its Meeting tab at once: the date, the
time and the place, whether or not anything was yet recorded on the Meeting tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.kit.form_widgets import DateInput
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget
from tests.builders import add_case, add_directory

NOTIFIED = date(2026, 11, 16)
BOOKED = date(2026, 11, 26)  # working day 8


def _tab(section: CasesSection, title: str) -> QWidget:
    titles = [section.tabs.tabText(i) for i in range(section.tabs.count())]
    section.tabs.setCurrentIndex(titles.index(title))
    widget = section.tabs.currentWidget()
    assert widget is not None
    return widget


@pytest.mark.parametrize("attendance_taken", [False, True], ids=["nothing recorded", "attendance"])
def test_a_meeting_booked_on_the_timetable_shows_on_the_meeting_tab(
    qtbot: QtBot, blank_context: AppContext, today: date, attendance_taken: bool
) -> None:
    session = blank_context.session
    add_directory(session)
    case = add_case(session, today=today, notified=NOTIFIED, stage=Stage.COLLECTING_RETURNS)
    assert case.case_id is not None
    meetings = MeetingService(session)
    if attendance_taken:
        meeting = meetings.load(case.case_id).with_everyone_present()
        meetings.save(case.case_id, meeting, "Everyone present")
    window = build_main_window(blank_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case.case_id)

    meeting_tab = _tab(section, "Meeting")
    assert isinstance(meeting_tab, MeetingWidget)
    assert meeting_tab.details.date_input.is_blank()

    timetable = _tab(section, "Timetable")
    assert isinstance(timetable, CaseTimetableWidget)
    booking = timetable.booking
    boxes = booking.meeting_date.field
    assert isinstance(boxes, DateInput)
    for box, text in ((boxes.day, "26"), (boxes.month, "11"), (boxes.year, "2026")):
        qtbot.keyClicks(box, text)
    qtbot.keyClicks(booking.meeting_start.field, "10am")
    qtbot.keyClicks(booking.meeting_end.field, "12:30pm")
    qtbot.keyClicks(booking.meeting_place.field, "Town Hall, Room 4")
    qtbot.mouseClick(booking.book_button, Qt.MouseButton.LeftButton)
    assert booking.meeting_label.text() == (
        "Meeting booked for Thursday 26 November 2026, 10am to 12:30pm, at Town Hall, Room 4."
    )

    shown = _tab(section, "Meeting")
    assert shown is meeting_tab  # the same tab, not one built again
    details = meeting_tab.details
    assert details.date_input.value() == BOOKED
    shown_date = details.date_input
    assert [box.text() for box in (shown_date.day, shown_date.month, shown_date.year)] == [
        "26",
        "11",
        "2026",
    ]
    assert details.time_edit.text() == "10am"
    assert details.place_edit.text() == "Town Hall, Room 4"
    stored: Meeting = meetings.load(case.case_id)
    assert (stored.held_on, stored.place) == (BOOKED, "Town Hall, Room 4")
    if attendance_taken:  # what was recorded on the Meeting tab is kept
        assert all(attendee.present for attendee in stored.attendees)
