"""The chair's vote panel in view of the room: when the projection is on the coordinator's own
screen (a laptop on its own, or a mirrored display), the panel never shows who voted what."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Case
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from rrdesk.ui.board.projector_launcher import ProjectorLauncher, shares_a_screen
from tests.builders import add_case, add_directory, meeting_held
from tests.fakes import RecordingMessages

TODAY = date(2026, 11, 23)
NOTIFIED = date(2026, 11, 16)


def booked_case(session: Session, reference: str) -> Case:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, reference=reference)
    assert case.case_id is not None
    held = meeting_held(session, case, held_on=TODAY, chair=people["Alex Chair"])
    MeetingService(session).save(case.case_id, held, "Attendance taken")
    return case


def on_the_only_screen(
    _parent: QWidget | None, _rows: Sequence[BoardRow], case_id: int | None
) -> tuple[int, QScreen]:
    assert case_id is not None
    return case_id, QGuiApplication.primaryScreen()


def voters_shown(panel: ChairVotePanel) -> list[str]:
    return [panel.voters.item(row).text() for row in range(panel.voters.count())]


def test_on_the_only_screen_the_panel_shows_that_votes_are_recorded_not_what_they_were(
    qtbot: QtBot, session: Session
) -> None:
    case = booked_case(session, "RR-2026-041")
    assert case.case_id is not None
    meetings = MeetingService(session)
    launcher = ProjectorLauncher(
        TimetableService(session),
        RecordingMessages(),
        today=lambda: TODAY,
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=lambda: 1000.0,
        agenda_for=meetings.projector_agenda,
        vote_for=meetings.projector_tally,
        ask=on_the_only_screen,
        meetings=meetings,
    )
    window = launcher.open(case.case_id)
    assert window is not None
    qtbot.addWidget(window)

    qtbot.keyClick(window, Qt.Key.Key_V)
    panel = window.findChild(ChairVotePanel)
    assert isinstance(panel, ChairVotePanel)
    assert launcher.projected_beside_the_coordinator()
    assert panel.in_view.isVisible()
    assert "not what it was" in panel.in_view.text()
    for key in (Qt.Key.Key_O, Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_A):
        qtbot.keyClick(panel.voters, key)

    shown = voters_shown(panel)
    assert [line.split(": ")[1] for line in shown] == [
        "Vote recorded",
        "Vote recorded",
        "Vote recorded",
        "Not recorded",
    ]
    assert not any(word in line for line in shown for word in ("Yes", "No ", "Abstain"))
    assert panel.count.text() == "3 of 4 votes recorded"
    stored = meetings.load(case.case_id).vote  # the choices themselves are kept
    assert stored is not None
    assert [stored.choice_of(v.member_id) for v in stored.voters] == [
        VoteChoice.YES,
        VoteChoice.NO,
        VoteChoice.ABSTAIN,
        None,
    ]

    qtbot.keyClick(panel.voters, Qt.Key.Key_C)  # closed: still not who voted what
    assert "Outcome" in panel.state.text()
    assert not any("Yes" in line or "Abstain" in line for line in voters_shown(panel))
    launcher.close()


def test_on_the_coordinators_own_screen_the_panel_shows_each_choice(
    qtbot: QtBot, session: Session
) -> None:
    case = booked_case(session, "RR-2026-042")
    assert case.case_id is not None
    panel = ChairVotePanel(
        MeetingService(session), case.case_id, None, in_view_of_room=lambda: False
    )
    qtbot.addWidget(panel)
    panel.show()
    for key in (Qt.Key.Key_O, Qt.Key.Key_Y, Qt.Key.Key_N):
        qtbot.keyClick(panel.voters, key)
    assert [line.split(": ")[1] for line in voters_shown(panel)][:3] == [
        "Yes",
        "No",
        "Not recorded",
    ]
    assert not panel.in_view.isVisible()


def test_a_mirrored_or_unknown_screen_counts_as_the_rooms() -> None:
    screen = QGuiApplication.primaryScreen()
    assert shares_a_screen(screen, screen)
    assert shares_a_screen(None, screen)
    assert shares_a_screen(screen, None)
