"""Closing the projector view: Qt deletes the view once it has closed, whatever Python still
holds of it. The view is a top-level window that Python owns; freed from Python in the middle of
its own closing, or of its vote panel's deletion, it would be deleted twice and end rrdesk."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from rrdesk.ui.board.projector_launcher import ProjectorLauncher
from tests.builders import add_case, add_directory, meeting_held
from tests.fakes import RecordingMessages

TODAY = date(2026, 11, 23)


def _launcher(session: Session) -> ProjectorLauncher:
    meetings = MeetingService(session)

    def ask(
        _parent: QWidget | None, _rows: Sequence[BoardRow], case_id: int | None
    ) -> tuple[int, QScreen]:
        assert case_id is not None
        return case_id, QGuiApplication.primaryScreen()

    return ProjectorLauncher(
        TimetableService(session),
        RecordingMessages(),
        today=lambda: TODAY,
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=lambda: 1000.0,
        agenda_for=meetings.projector_agenda,
        vote_for=meetings.projector_tally,
        ask=ask,
        meetings=meetings,
    )


def test_the_view_closed_with_its_vote_panel_is_deleted_once_by_qt(
    qtbot: QtBot, session: Session
) -> None:
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=date(2026, 11, 16))
    assert case.case_id is not None
    meetings = MeetingService(session)
    meetings.save(
        case.case_id,
        meeting_held(session, case, held_on=TODAY, chair=people["Alex Chair"]),
        "Attendance taken",
    )
    launcher = _launcher(session)
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
