"""The projector as the board's tests set it up: a case with its meeting held and attendance
taken, and a launcher that projects it on the only screen without asking."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from rrdesk.domain.cases.cases import Case
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.projector_launcher import ProjectorLauncher
from tests.builders import add_case, add_directory, meeting_held
from tests.fakes import RecordingMessages

TODAY = date(2026, 11, 23)
NOTIFIED = date(2026, 11, 16)


def booked_case(session: Session, reference: str) -> Case:
    """A case whose meeting is held today, attendance taken, the vote not yet opened."""
    people = add_directory(session)
    case = add_case(session, today=TODAY, notified=NOTIFIED, reference=reference)
    assert case.case_id is not None
    held = meeting_held(session, case, held_on=TODAY, chair=people["Alex Chair"])
    MeetingService(session).save(case.case_id, held, "Attendance taken")
    return case


def on_the_only_screen(
    _parent: QWidget | None, _rows: Sequence[BoardRow], case_id: int | None
) -> tuple[int, QScreen]:
    """The launcher's question answered: the case asked for, on the primary screen."""
    assert case_id is not None
    return case_id, QGuiApplication.primaryScreen()


def make_launcher(session: Session) -> ProjectorLauncher:
    """A launcher that projects the case it is asked for on the only screen, without asking."""
    meetings = MeetingService(session)
    return ProjectorLauncher(
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
