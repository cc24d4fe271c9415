"""The chair's vote panel: the vote recorded by keyboard without leaving the projection, the
projection showing only that voting is open and how many votes are recorded until it closes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Case
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from rrdesk.ui.board.projector_launcher import ProjectorLauncher
from rrdesk.ui.board.projector_window import ProjectorWindow
from tests.builders import add_case, add_directory, meeting_held
from tests.ui.board.projecting import make_launcher

TODAY = date(2026, 11, 23)
NOTIFIED = date(2026, 11, 16)


def launch(
    qtbot: QtBot, session: Session, case: Case
) -> tuple[ProjectorLauncher, ProjectorWindow, list[int]]:
    launcher = make_launcher(session)
    changed: list[int] = []
    launcher.meeting_changed.connect(changed.append)
    assert case.case_id is not None
    window = launcher.open(case.case_id)
    assert window is not None
    qtbot.addWidget(window)
    return launcher, window, changed


def panel_of(window: ProjectorWindow) -> ChairVotePanel:
    panel = window.findChild(ChairVotePanel)
    assert isinstance(panel, ChairVotePanel)
    return panel


def test_the_chair_records_the_vote_by_keyboard_and_the_projection_shows_only_the_count(
    qtbot: QtBot, session: Session
) -> None:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, reference="RR-2026-031")
    assert case.case_id is not None
    meetings = MeetingService(session)
    held = meeting_held(session, case, held_on=TODAY, chair=people["Alex Chair"])
    meetings.save(case.case_id, held, "Attendance taken")
    launcher, window, changed = launch(qtbot, session, case)

    qtbot.keyClick(window, Qt.Key.Key_V)
    panel = panel_of(window)
    assert panel.isVisible()
    assert "Child P" not in panel.heading.text()
    assert "The vote has not been opened" in panel.state.text()
    qtbot.keyClick(panel.voters, Qt.Key.Key_O)
    assert panel.state.text() == "The vote is open."
    assert window.vote_label.text().splitlines() == ["Voting open", "0 of 4 votes recorded"]

    for key in (Qt.Key.Key_Y, Qt.Key.Key_Y, Qt.Key.Key_N):
        qtbot.keyClick(panel.voters, key)
    assert panel.count.text() == "3 of 4 votes recorded"
    assert window.vote_label.text().splitlines() == ["Voting open", "3 of 4 votes recorded"]
    assert "Yes" not in window.vote_label.text()  # never the tally while open
    assert panel.voters.currentItem().text().endswith(": Not recorded")
    qtbot.keyClick(panel.voters, Qt.Key.Key_A)

    stored = meetings.load(case.case_id).vote
    assert stored is not None
    assert [stored.choice_of(v.member_id) for v in stored.voters] == [
        VoteChoice.YES,
        VoteChoice.YES,
        VoteChoice.NO,
        VoteChoice.ABSTAIN,
    ]
    assert not stored.closed

    qtbot.keyClick(panel.voters, Qt.Key.Key_C)
    shown = window.vote_label.text()
    assert shown.splitlines()[0] == "Outcome: Recommend a local review"
    assert shown.count("Outcome") == 1
    closed = meetings.load(case.case_id).vote
    assert closed is not None
    assert closed.closed
    assert "The vote is closed" in panel.state.text()
    assert set(changed) == {case.case_id}

    qtbot.keyClick(panel.voters, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    launcher.close()


def test_the_vote_cannot_open_before_attendance_is_taken(qtbot: QtBot, session: Session) -> None:
    add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, reference="RR-2026-032")
    launcher, window, changed = launch(qtbot, session, case)
    qtbot.keyClick(window, Qt.Key.Key_V)
    panel = panel_of(window)
    assert panel.state.text().startswith("Attendance is not taken yet")
    assert not panel.open_button.isEnabled()
    qtbot.keyClick(panel.voters, Qt.Key.Key_O)
    assert panel.error.text().startswith("The vote cannot open until attendance is taken")
    assert changed == []
    assert case.case_id is not None
    assert not MeetingService(session).is_saved(case.case_id)
    launcher.close()


def test_locking_closes_the_panel_with_the_voters_names(qtbot: QtBot, session: Session) -> None:
    add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, reference="RR-2026-033")
    launcher, window, _changed = launch(qtbot, session, case)
    qtbot.keyClick(window, Qt.Key.Key_V)
    panel = panel_of(window)
    window.pause_for_lock()
    assert not panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_V)  # locked: nothing opens
    assert all(not p.isVisible() for p in window.findChildren(ChairVotePanel))
    launcher.close()
