"""The countdown board, driven as the coordinator uses it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_columns import TIMELINE_MIN_WIDTH
from rrdesk.ui.board.board_table_model import (
    COLUMNS,
    DAY_COLUMN,
    DAYS_LEFT_COLUMN,
    MEETING_COLUMN,
    NEXT_MILESTONE_COLUMN,
    PSEUDONYM_COLUMN,
    RETURNS_COLUMN,
    STATUS_COLUMN,
    TIMELINE_COLUMN,
    BoardTableModel,
)
from rrdesk.ui.board.board_widget import BoardWidget
from tests.ui.board.board_fixtures import MONDAY, Today, add_case
from tests.ui.table_geometry import right_edge


def make_board(qtbot: QtBot, session: Session, today: Today) -> BoardWidget:
    board = BoardWidget(
        TimetableService(
            session,
            agency_returns=lambda case_id: (
                AgencyCounts(7, 7, 5, 0, last_sent=date(2026, 11, 16)) if case_id == 1 else None
            ),
        ),
        today=today,
        now=lambda: datetime(2026, 11, 23, 9, 41),
    )
    qtbot.addWidget(board)
    board.show()
    return board


def table_text(board: BoardWidget) -> list[list[str]]:
    model = board.table.model()
    return [
        [str(model.index(row, column).data()) for column in range(len(COLUMNS) - 1)]
        for row in range(model.rowCount())
    ]


def test_board_shows_every_open_case_most_urgent_first(qtbot: QtBot, session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16))
    add_case(session, "RR-2026-002", date(2026, 11, 2), pseudonym="Child P")
    add_case(session, "RR-2026-003", date(2026, 11, 2), stage=Stage.CLOSED)
    board = make_board(qtbot, session, Today())
    rows = table_text(board)
    assert [row[0] for row in rows] == ["RR-2026-002", "RR-2026-001"]
    assert COLUMNS[:5] == ("Reference", "Child or children", "Day", "Working days left", "Status")
    assert [rows[0][PSEUDONYM_COLUMN], rows[0][DAY_COLUMN], rows[0][DAYS_LEFT_COLUMN]] == [
        "Child P",
        "Day 15 of 15",
        "Due today",
    ]
    assert [rows[1][DAY_COLUMN], rows[1][DAYS_LEFT_COLUMN]] == [
        "Day 5 of 15",
        "10 working days left",
    ]
    assert rows[1][NEXT_MILESTONE_COLUMN] == "Agency check forms returned, Thu 26 Nov"
    assert rows[1][RETURNS_COLUMN] == "5 of 7 received"
    assert rows[0][RETURNS_COLUMN] == "No requests yet"
    assert rows[1][MEETING_COLUMN] == "Not booked"
    assert [row[STATUS_COLUMN] for row in rows] == ["Due soon", "On track"]
    assert board.clock_label.text() == "Monday 23 November 2026, 9:41am"
    assert "day 0" in board.convention.text()


def test_a_meeting_booked_late_is_marked_on_the_board(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))  # Tower Hamlets: by day 10
    TimetableService(session).book_meeting(case_id, date(2026, 12, 1))  # working day 11
    board = make_board(qtbot, session, Today())
    assert table_text(board)[0][MEETING_COLUMN] == "Tue 1 Dec, late"
    index = board.model.index(0, MEETING_COLUMN)
    assert "later than day 10" in str(board.model.data(index, Qt.ItemDataRole.ToolTipRole))


def test_a_notification_over_5_working_days_after_aware_is_marked_on_the_board(
    qtbot: QtBot, session: Session
) -> None:
    """Working Together 2023, chapter 5: notified within 5 working days of becoming aware."""
    cases = CaseService(session)
    for reference, aware in (("RR-2026-001", date(2026, 11, 6)), ("RR-2026-002", None)):
        case_id = add_case(session, reference, date(2026, 11, 16))
        stored = cases.get(case_id)
        assert stored is not None
        cases.save_case(replace(stored, la_aware_date=aware or date(2026, 11, 12)))
    board = make_board(qtbot, session, Today())
    rows = {row[0]: row for row in table_text(board)}
    assert rows["RR-2026-001"][DAY_COLUMN] == "Day 5 of 15, notified late"
    assert rows["RR-2026-002"][DAY_COLUMN] == "Day 5 of 15"
    late_row = [row[0] for row in table_text(board)].index("RR-2026-001")
    tip = str(board.model.index(late_row, DAY_COLUMN).data(Qt.ItemDataRole.ToolTipRole))
    assert "Notified 6 working days after the local authority became aware" in tip
    assert "later than the 5 working days" in tip


def test_status_is_coloured_as_well_as_spelt_out(qtbot: QtBot, session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 10, 26))
    board = make_board(qtbot, session, Today())
    index = board.table.model().index(0, STATUS_COLUMN)
    assert index.data() == "Overdue"
    assert index.data(8).name() == "#f4cdc6"  # BackgroundRole
    assert board.table.model().index(0, DAYS_LEFT_COLUMN).data() == "5 working days overdue"


def test_a_deadline_passed_at_the_weekend_is_named_by_its_short_date(
    qtbot: QtBot, session: Session
) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 6))  # due Friday 27 November
    board = make_board(qtbot, session, Today(date(2026, 11, 28)))  # the Saturday after
    index = board.model.index(0, DAYS_LEFT_COLUMN)
    assert index.data() == "Deadline passed, Fri 27 Nov"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        "Working days left: Deadline passed on 27 November 2026"
    )
    assert board.model.index(0, STATUS_COLUMN).data() == "Overdue"


def test_status_stays_in_view_and_the_timeline_readable_in_a_narrow_window(
    qtbot: QtBot, session: Session
) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16), pseudonym="Child A and Child B")
    add_case(session, "RR-2026-002", date(2026, 11, 2))
    board = make_board(qtbot, session, Today())
    board.resize(1040, 600)  # the board's share of a 1280-wide window
    qtbot.waitUntil(lambda: board.table.viewport().width() < 1000)
    viewport = board.table.viewport().width()
    header = board.table.horizontalHeader()
    assert right_edge(board.table, STATUS_COLUMN) <= viewport
    # Too narrow for every column on its own and the strip: some are shown together instead,
    # and nothing is reached by scrolling sideways.
    assert board.columns.combined
    assert header.sectionSize(TIMELINE_COLUMN) >= TIMELINE_MIN_WIDTH
    assert right_edge(board.table, TIMELINE_COLUMN) == viewport
    assert board.table.horizontalScrollBar().maximum() == 0

    board.resize(1500, 600)
    qtbot.waitUntil(lambda: board.table.viewport().width() > 1400)
    viewport = board.table.viewport().width()
    assert not board.columns.combined
    assert not any(header.isSectionHidden(column) for column in range(header.count()))
    assert header.sectionSize(TIMELINE_COLUMN) > TIMELINE_MIN_WIDTH
    assert right_edge(board.table, TIMELINE_COLUMN) == viewport  # fills the rest
    assert board.table.horizontalScrollBar().maximum() == 0


def test_board_updates_when_data_changes(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    board = make_board(qtbot, session, Today())
    TimetableService(session).book_meeting(case_id, date(2026, 11, 27))
    board.invalidate_case(case_id)
    assert table_text(board)[0][MEETING_COLUMN] == "Fri 27 Nov"
    cases = CaseService(session)
    case = cases.get(case_id)
    assert case is not None
    cases.save_case(replace(case, stage=Stage.SENT_TO_NATIONAL_PANEL))
    board.refresh()
    assert table_text(board) == []
    assert board.empty_label.isVisible()
    board.resize(1000, 700)
    qtbot.waitUntil(lambda: board.height() == 700)
    # The notice sits under the heading, as tall as its words, not spread down the empty board.
    assert board.empty_label.height() <= board.empty_label.sizeHint().height() + 10
    assert board.empty_label.y() < 200


def test_board_moves_on_when_the_date_rolls_over(qtbot: QtBot, session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16))
    today = Today()
    board = make_board(qtbot, session, today)
    assert table_text(board)[0][DAY_COLUMN] == "Day 5 of 15"
    board.timer.setInterval(10)
    today.day = date(2026, 11, 24)
    qtbot.waitUntil(lambda: table_text(board)[0][DAY_COLUMN] == "Day 6 of 15")
    assert table_text(board)[0][DAYS_LEFT_COLUMN] == "9 working days left"


def test_overlapping_reviews_show_the_advice_banner(qtbot: QtBot, session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16))
    add_case(session, "RR-2026-002", date(2026, 11, 18))
    board = make_board(qtbot, session, Today())
    assert not board.overlap_banner.isVisible()
    add_case(session, "RR-2026-003", date(2026, 11, 20))
    board.refresh()
    assert board.overlap_banner.isVisible()
    assert "Agree timescales with the National Panel" in board.overlap_banner.text()


def test_a_deadline_beyond_the_official_list_warns(qtbot: QtBot, session: Session) -> None:
    add_case(session, "RR-2028-001", date(2028, 12, 20))
    board = make_board(qtbot, session, Today(date(2028, 12, 21)))
    assert board.coverage_banner.isVisible()
    assert "RR-2028-001" in board.coverage_banner.text()
    assert "Calendar screen" in board.coverage_banner.text()


def test_project_and_open_buttons_name_the_chosen_case(qtbot: QtBot, session: Session) -> None:
    first = add_case(session, "RR-2026-001", date(2026, 11, 16))
    board = make_board(qtbot, session, Today())
    assert board.case_choice.currentText() == "RR-2026-001 (Notified)"
    with qtbot.waitSignal(board.projector_requested) as projected:
        qtbot.mouseClick(board.project_button, Qt.MouseButton.LeftButton)
    assert projected.args == [first]
    with qtbot.waitSignal(board.case_opened) as opened:
        qtbot.mouseClick(board.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [first]


def test_board_model(qtmodeltester: ModelTester, session: Session) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16))
    add_case(session, "RR-2026-002", date(2026, 11, 2))
    model = BoardTableModel()
    model.set_rows(TimetableService(session).board_rows(MONDAY))
    qtmodeltester.check(model)


def test_a_new_day_changes_every_row_in_one_signal(qtbot: QtBot, session: Session) -> None:
    """Each change signalled fits the rows' heights again: a new day, which changes every row,
    is one signal for them all, not one a row (a thousand open cases took seconds)."""
    for number in range(1, 4):
        add_case(session, f"RR-2026-00{number}", date(2026, 11, 16))
    model = BoardTableModel()
    model.set_rows(TimetableService(session).board_rows(MONDAY))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_rows(TimetableService(session).board_rows(MONDAY + timedelta(days=1)))
    first, last = changed.args[:2]
    assert (first.row(), last.row()) == (0, 2)
    received: list[object] = []
    model.dataChanged.connect(lambda *args: received.append(args))
    model.set_rows(TimetableService(session).board_rows(MONDAY + timedelta(days=2)))
    assert len(received) == 1


def test_tooltips_give_dates_in_full(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    TimetableService(session).book_meeting(case_id, date(2026, 11, 27))
    board = make_board(qtbot, session, Today())
    model = board.table.model()
    assert model.index(0, MEETING_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == (
        "Meeting: Friday 27 November 2026"
    )
    assert model.index(0, NEXT_MILESTONE_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == (
        "Next milestone: Agency check forms returned: 26 November 2026"
    )
