"""Local reviews under the countdown board: only cases at "Local review", each with its next
milestone and status, shown again when a review changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import (
    LocalReviewService,
    local_review_board_rows,
)
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_widget import BoardWidget
from tests.ui.board.board_fixtures import Today, add_case


def make_board(qtbot: QtBot, session: Session, today: Today) -> BoardWidget:
    board = BoardWidget(
        TimetableService(session),
        today=today,
        now=lambda: datetime(2026, 11, 23, 9, 41),
        local_reviews=lambda day: local_review_board_rows(session, day),
    )
    qtbot.addWidget(board)
    board.show()
    return board


def review_text(board: BoardWidget) -> list[list[str]]:
    model = board.local_review_table.model()
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_board_lists_only_local_reviews_and_follows_their_changes(
    qtbot: QtBot, session: Session, qtmodeltester: ModelTester
) -> None:
    reviews = LocalReviewService(session)
    overdue = add_case(session, "RR-2025-004", date(2025, 3, 3), stage=Stage.SENT_TO_NATIONAL_PANEL)
    reviews.endorse(overdue, date(2026, 1, 5))
    on_track = add_case(
        session, "RR-2026-020", date(2026, 9, 7), stage=Stage.AWAITING_SIGN_OFF, pseudonym="Child R"
    )
    review = reviews.endorse(on_track, date(2026, 10, 1))
    reviews.save(on_track, replace(review, family_informed_on=date(2026, 10, 9)))
    add_case(session, "RR-2026-021", date(2026, 11, 16), pseudonym="Child S")
    add_case(session, "RR-2024-002", date(2024, 2, 5), stage=Stage.CLOSED, pseudonym="Child T")
    board = make_board(qtbot, session, Today())
    qtmodeltester.check(board.local_review_table.model())

    assert board.local_review_table.isVisible()
    assert review_text(board) == [
        [
            "RR-2025-004",
            "Child Q",
            "Family told about the review",
            "5 January 2026",
            "Overdue by 322 calendar days",
            "Overdue",
        ],
        [
            "RR-2026-020",
            "Child R",
            "Practitioner event held",  # Leeds line 63: before the review is completed
            "1 April 2027",
            "129 calendar days left",
            "On track",
        ],
    ]
    assert board.local_review_table.case_ids == [overdue, on_track]
    assert [row.reference for row in board.rows] == ["RR-2026-021"]

    review = reviews.get(overdue)
    assert review is not None
    reviews.save(overdue, replace(review, family_informed_on=date(2026, 1, 20)))
    board.refresh()

    assert review_text(board)[0][2:] == [
        "Practitioner event held",
        "5 July 2026",
        "Overdue by 141 calendar days",
        "Overdue",
    ]
