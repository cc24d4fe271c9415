"""Closing the projector view: Qt deletes the view once it has closed, whatever Python still
holds of it. The view is a top-level window that Python owns; freed from Python in the middle of
its own closing, or of its vote panel's deletion, it would be deleted twice and end rrdesk."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from tests.ui.board.projecting import booked_case, make_launcher


def test_the_view_closed_with_its_vote_panel_is_deleted_once_by_qt(
    qtbot: QtBot, session: Session
) -> None:
    case = booked_case(session, "RR-2026-051")
    assert case.case_id is not None
    meetings = MeetingService(session)
    launcher = make_launcher(session)
    changed: list[int] = []
    launcher.meeting_changed.connect(changed.append)
    window = launcher.open(case.case_id)
    assert window is not None
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_V)  # the chair's vote panel
    panel = window.findChild(ChairVotePanel)
    assert isinstance(panel, ChairVotePanel)
    qtbot.keyClick(panel.voters, Qt.Key.Key_O)  # the vote opened, from the panel
    assert changed == [case.case_id]
    assert meetings.load(case.case_id).vote is not None
    qtbot.keyClick(panel.voters, Qt.Key.Key_Escape)  # back to the projection
    assert not panel.isVisible()

    deleted: list[bool] = []
    window.destroyed.connect(lambda: deleted.append(True))
    del panel
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # the view closes
    assert launcher.window is None
    del window
    gc.collect()  # nothing left in Python holds the view but what the launcher keeps
    qtbot.waitUntil(lambda: bool(deleted))  # deleted by Qt, back in its event loop
    qtbot.wait(50)  # and nothing deleted twice after it
    assert not [
        w
        for w in QGuiApplication.topLevelWindows()
        if w.title() == "rrdesk: Rapid Review countdown" and w.isVisible()
    ]
