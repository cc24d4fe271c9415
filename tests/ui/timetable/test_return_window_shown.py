"""Tower Hamlets steps 8 and 10 on the countdown board and the case's Timetable tab: the forms'
return milestone counts from the requests being sent, and forms due after the latest day for
the meeting are warned; both screens say the same."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.services.agency_forms.agency_returns import returns_count
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_table_model import COLUMNS, NEXT_MILESTONE_COLUMN, RETURNS_COLUMN
from rrdesk.ui.board.board_widget import BoardWidget
from rrdesk.ui.timetable.case_timetable_widget import CaseTimetableWidget
from tests.builders import HEALTH, POLICE, add_directory, requests_sent
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.ui.board.board_fixtures import Today, add_case

NOTIFIED = date(2026, 11, 16)  # a Monday: day 10, the latest for the meeting, is 30 November
WARNING = (
    "2 agency check forms are due after 30 November 2026, the latest day for the meeting ("
    f"{HEALTH}, due 2 December 2026; {POLICE}, due 2 December 2026). Ask for them by 27 November"
    " 2026 so the panel has them."
)


def _service(session: Session) -> tuple[TimetableService, int]:
    add_directory(session)
    case_id = add_case(session, "RR-2026-001", NOTIFIED)  # Tower Hamlets
    case = session.cases.get(case_id)
    assert case is not None
    requests_sent(session, case, [POLICE, HEALTH], sent_on=date(2026, 11, 20))  # day 4
    service = TimetableService(
        session, agency_returns=lambda case_id: returns_count(session, case_id)
    )
    return service, case_id


def test_the_board_warns_of_forms_due_after_the_meeting(qtbot: QtBot, session: Session) -> None:
    service, _case_id = _service(session)
    board = BoardWidget(service, today=Today(), now=lambda: datetime(2026, 11, 23, 9, 41))
    qtbot.addWidget(board)
    board.show()
    model = board.table.model()
    returns = model.index(0, RETURNS_COLUMN)
    assert returns.data() == "0 of 2 received, 2 due after the meeting"
    tooltip = returns.data(Qt.ItemDataRole.ToolTipRole)
    assert (
        tooltip == f"{COLUMNS[RETURNS_COLUMN]}: 0 of 2 received, 2 due after the meeting. {WARNING}"
    )
    # The forms' milestone (2 December) now falls after the meeting's latest day.
    assert model.index(0, NEXT_MILESTONE_COLUMN).data() == (
        "Rapid Review Panel meeting (not booked yet), by Mon 30 Nov"
    )


def test_the_timetable_tab_counts_from_the_forms_being_sent_and_warns(
    qtbot: QtBot, session: Session
) -> None:
    service, case_id = _service(session)
    tab = CaseTimetableWidget(
        case_id,
        service,
        RecordingMessages(),
        today=Today(),
        files=ScriptedFileDialogs(),
        now=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    qtbot.addWidget(tab)
    tab.show()
    assert WARNING in tab.warning_label.text()
    assert tab.warning_label.isVisible()
    row = next(
        line
        for line in range(1, tab.milestone_grid.rowCount())
        if tab.milestone_grid.itemAtPosition(line, 0).widget().text()  # type: ignore[union-attr]
        == "Agency check forms returned"
    )
    cells = [
        tab.milestone_grid.itemAtPosition(row, column).widget().text()  # type: ignore[union-attr]
        for column in range(4)
    ]
    assert cells == [
        "Agency check forms returned",
        "Friday 27 November 2026 to Wednesday 2 December 2026",
        "Day 12",
        "8 working days after the agency check forms were sent",
    ]
