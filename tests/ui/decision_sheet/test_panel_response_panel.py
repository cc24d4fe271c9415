"""The National Panel's response on the Meeting tab and as a stage on the countdown board
(domain README, line 24: it replies in about 10 days)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from rrdesk.domain.after_meeting.panel_response import PanelAnswer
from rrdesk.services.after_meeting.panel_response_service import panel_response_rows
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_widget import BoardWidget
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from tests.services.after_meeting.panel_cases import CALENDAR, sent_case

TODAY = date(2026, 12, 8)


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _board(qtbot: QtBot, session: Session) -> BoardWidget:
    board = BoardWidget(
        TimetableService(session),
        today=lambda: TODAY,
        now=lambda: datetime(2026, 12, 8, 9, 0),
        panel_responses=lambda today: panel_response_rows(session, today, CALENDAR),
    )
    qtbot.addWidget(board)
    board.show()
    return board


def test_the_response_is_recorded_and_shown_on_the_board(qtbot: QtBot, session: Session) -> None:
    case_id = sent_case(session)
    board = _board(qtbot, session)
    table = board.panel_response_table
    assert board.panel_response_heading.text() == "The National Panel's responses"
    assert table.item(0, 3).text() == (
        "Awaiting the response (sent 1 December 2026, expected by about 15 December 2026)"
    )

    widget = MeetingWidget(MeetingService(session), case_id, lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    status = widget.findChild(QLabel, "panel_response_status")
    assert status is not None
    assert status.text().startswith("Awaiting the response")
    answer = widget.findChild(QComboBox, "panel_response_answer")
    assert answer is not None
    answer.setCurrentIndex(answer.findData(PanelAnswer.MORE_INFORMATION.value))
    button = widget.findChild(QPushButton, "record_panel_response_button")
    assert button is not None
    _click(qtbot, button)
    assert widget.panel_response.errors.messages == [
        "Enter what the National Panel said (asks for more information)"
    ]
    notes = widget.findChild(QLineEdit, "panel_response_notes")
    assert notes is not None
    qtbot.keyClicks(notes, "The police chronology")
    _click(qtbot, button)
    assert status.text() == ("Asks for more information (8 December 2026): The police chronology")

    board.refresh()
    assert [table.item(0, column).text() for column in (3, 4)] == [
        "Asks for more information (8 December 2026): The police chronology",
        "Send what was asked for",
    ]
