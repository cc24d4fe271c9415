"""The chair's vote panel in view of the room: when the projection is on the coordinator's own
screen (a laptop on its own, or a mirrored display), the panel never shows who voted what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from rrdesk.ui.board.projector_launcher import shares_a_screen
from tests.ui.board.projecting import booked_case, make_launcher


def voters_shown(panel: ChairVotePanel) -> list[str]:
    return [panel.voters.item(row).text() for row in range(panel.voters.count())]


def test_on_the_only_screen_the_panel_shows_that_votes_are_recorded_not_what_they_were(
    qtbot: QtBot, session: Session
) -> None:
    case = booked_case(session, "RR-2026-041")
    assert case.case_id is not None
    meetings = MeetingService(session)
    launcher = make_launcher(session)
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
