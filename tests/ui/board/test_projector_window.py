"""The chair's projector view: nothing that identifies a child, readable, keyboard-driven."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.domain.cases.cases import Child, Stage
from rrdesk.domain.meeting.agenda import AgendaItem, AgendaItemKind
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.display_awake import DisplayAwake
from rrdesk.ui.board.projector_launch_dialog import ProjectorLaunchDialog
from rrdesk.ui.board.projector_launcher import ProjectorLauncher
from rrdesk.ui.board.projector_window import (
    BACKGROUND,
    STATUS_COLOURS,
    TEXT,
    ProjectorWindow,
    choose_remaining_screen,
)
from rrdesk.ui.meeting.agenda_timer import PHASE_COLOURS
from rrdesk.ui.timetable.timeline_strip import DARK, TimelineStripWidget
from tests.builders import add_case as add_case_at
from tests.builders import add_directory, book_meeting, decided, meeting_held, voted
from tests.fakes import RecordingMessages
from tests.ui.board.board_fixtures import MONDAY, Today, add_case

AGENDA = (
    AgendaItem(AgendaItemKind.OVERVIEW, 2, label="Chair's overview of the case"),
    AgendaItem(AgendaItemKind.AGENCY_ACCOUNT, 1, "Northmoor Police", "Account"),
    AgendaItem(AgendaItemKind.VOTE, 1, label="The vote"),
)


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


class FakeAwake(DisplayAwake):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def acquire(self) -> bool:
        self.calls.append("acquire")
        self.active = True
        return True

    def release(self) -> None:
        self.calls.append("release")
        self.active = False


def make_window(
    qtbot: QtBot,
    session: Session,
    case_id: int,
    *,
    clock: FakeClock | None = None,
    awake: DisplayAwake | None = None,
) -> ProjectorWindow:
    window = ProjectorWindow(
        TimetableService(session),
        case_id,
        AGENDA,
        today=Today(),
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=clock or FakeClock(),
        awake=awake or FakeAwake(),
    )
    qtbot.addWidget(window)
    window.show_on(QGuiApplication.primaryScreen())
    return window


def texts_in(window: QWidget) -> Iterator[str]:
    """Every text a person or a screen reader could get from the window."""
    for widget in [window, *window.findChildren(QWidget)]:
        yield widget.windowTitle()
        yield widget.toolTip()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        yield widget.statusTip()
        yield widget.whatsThis()
        if isinstance(widget, QLabel):
            yield widget.text()
        if isinstance(widget, QAbstractButton):
            yield widget.text()
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(n) for n in range(widget.count()))
        if isinstance(widget, TimelineStripWidget):
            yield from widget.cell_tooltips()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount(QModelIndex())):
                for column in range(model.columnCount(QModelIndex())):
                    index = model.index(row, column)
                    for role in (0, 3, 4, 5, 11, 12):
                        yield str(index.data(role) or "")


# Cases at each stage the board shows, with children named, dated and in sibling groups.
CHILDREN = {
    ("RR-2026-071", Stage.NOTIFIED): (Child("Child T", "Tilly Marchbank", date(2025, 3, 14)),),
    ("RR-2026-072", Stage.COLLECTING_RETURNS): (
        Child("Child U", "Ursula Penhallow", date(2012, 7, 1)),
        Child("Child V", "Vincent Penhallow", date(2015, 1, 30)),
    ),
    ("RR-2026-073", Stage.MEETING_BOOKED): (Child("Child W", "Wilf Ó Dálaigh", date(2009, 9, 9)),),
    ("RR-2026-074", Stage.AWAITING_SIGN_OFF): (
        Child("Child X", "Xanthe Gwynfor-Brace", date(2023, 12, 2)),
    ),
}


def add_cases_at_every_stage(session: Session) -> None:
    people = add_directory(session)
    for (reference, stage), children in CHILDREN.items():
        held = stage is Stage.AWAITING_SIGN_OFF
        case = add_case_at(
            session,
            today=MONDAY,
            notified=date(2026, 11, 9),
            stage=Stage.MEETING_BOOKED if held else stage,
            children=children,
            reference=reference,
        )
        if stage is Stage.MEETING_BOOKED:
            book_meeting(session, case, date(2026, 11, 25))
        if held:
            meeting = meeting_held(
                session, case, held_on=date(2026, 11, 20), chair=people["Alex Chair"]
            )
            decided(session, case, voted(session, case, meeting))


def test_the_projector_shows_nothing_that_identifies_a_child(
    qtbot: QtBot, session: Session
) -> None:
    add_cases_at_every_stage(session)
    private: set[str] = set()
    for case in session.cases.all_cases():
        private.update(case.private_values())
        for child in case.children:
            if child.date_of_birth is not None:
                private.add(format_date(child.date_of_birth))
    assert {"Child T", "Tilly Marchbank", "Penhallow", "14 March 2025"} <= private
    rows = TimetableService(session).board_rows(MONDAY)
    assert sorted(row.reference for row in rows) == sorted(ref for ref, _stage in CHILDREN)
    for row in rows:
        window = make_window(qtbot, session, row.case_id)
        everything = "\n".join(texts_in(window))
        assert row.reference in everything
        for other in rows:
            assert other.reference in everything
        leaked = sorted(value for value in private if value and value in everything)
        assert leaked == []
        window.close()


def test_the_main_figure_is_at_least_a_tenth_of_the_screen(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    window = make_window(qtbot, session, case_id)
    height = QGuiApplication.primaryScreen().geometry().height()
    assert window.days_left_label.text() == "10"
    assert window.days_left_caption.text() == "working days left"
    assert window.day_of_label.text() == "Day 5 of 15"
    assert window.status_label.text() == "Status: On track"
    # No forms sent yet, so Tower Hamlets' returns milestone (step 10) has no date: the meeting
    assert window.next_label.text() == (
        "Next: Rapid Review Panel meeting (not booked yet): by 30 November 2026"
    )
    assert window.clock_label.text() == "Monday 23 November 2026, 10:05am"
    assert window.days_left_label.font().pixelSize() >= height / 10
    assert window.isFullScreen()
    window.apply_sizes(900)
    assert window.days_left_label.font().pixelSize() >= 90


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "colour",
    sorted({TEXT, *STATUS_COLOURS.values(), *PHASE_COLOURS.values(), DARK.text, DARK.today}),
)
def test_projector_colours_have_at_least_7_to_1_contrast(colour: str) -> None:
    assert contrast(colour, BACKGROUND) >= 7


def test_the_agenda_timer_by_keyboard(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    clock = FakeClock()
    window = make_window(qtbot, session, case_id, clock=clock)
    timer = window.timer_widget
    assert (timer.item_label.text(), timer.time_label.text()) == (
        "Chair's overview of the case",
        "2:00",
    )
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.seconds += 65
    timer.tick()
    assert timer.time_label.text() == "0:55"
    assert timer.phase_label.text() == "Last minute"
    assert PHASE_COLOURS[timer.clock.phase(clock.seconds)] in timer.time_label.styleSheet()
    clock.seconds += 145
    timer.tick()
    assert timer.time_label.text() == "\u22121:30"
    assert timer.phase_label.text() == "Time over"
    assert "#ff7b7b" in timer.time_label.styleSheet()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    clock.seconds += 600
    timer.tick()
    assert timer.time_label.text() == "\u22121:30"
    assert timer.phase_label.text() == "Time over"
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert timer.time_label.text() == "2:00"
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert timer.item_label.text() == "Account from Northmoor Police"
    assert timer.position_label.text() == "Item 2 of 3"
    assert timer.next_label.text() == "Next: The vote (1 min)"


def test_esc_leaves_and_lets_the_display_sleep(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    awake = FakeAwake()
    window = make_window(qtbot, session, case_id, awake=awake)
    assert awake.active
    with qtbot.waitSignal(window.closed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert awake.calls == ["acquire", "release"]


def test_an_unplugged_screen_moves_the_view_to_one_that_remains(
    qtbot: QtBot, session: Session
) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    window = make_window(qtbot, session, case_id)
    primary = QGuiApplication.primaryScreen()
    assert choose_remaining_screen(None, [primary], primary) is primary
    assert choose_remaining_screen(primary, [primary], primary) is None
    window._on_screen_removed(primary)
    assert window.isVisible()
    assert window.current_screen is primary


def test_the_view_moves_on_when_the_date_changes(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    today = Today()
    window = ProjectorWindow(
        TimetableService(session),
        case_id,
        AGENDA,
        today=today,
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=FakeClock(),
        awake=FakeAwake(),
    )
    qtbot.addWidget(window)
    window.show_on(QGuiApplication.primaryScreen())
    window.tick_timer.setInterval(10)
    today.day = date(2026, 11, 24)
    qtbot.waitUntil(lambda: window.day_of_label.text() == "Day 6 of 15")


def test_the_launcher_offers_every_screen_and_opens_the_chosen_case(
    qtbot: QtBot, session: Session
) -> None:
    add_case(session, "RR-2026-001", date(2026, 11, 16))
    second = add_case(session, "RR-2026-002", date(2026, 11, 18))
    rows = TimetableService(session).board_rows(MONDAY)
    dialog = ProjectorLaunchDialog(rows, case_id=second)
    qtbot.addWidget(dialog)
    assert dialog.screen_choice.count() == len(QGuiApplication.screens())
    assert dialog.chosen_case() == second
    assert dialog.case_choice.currentText() == "RR-2026-002 (Notified)"
    lock = QAction("Lock")
    lock.setShortcuts([QKeySequence("Ctrl+L")])
    locked: list[bool] = []
    lock.triggered.connect(lambda: locked.append(True))
    launcher = ProjectorLauncher(
        TimetableService(session),
        RecordingMessages(),
        today=Today(),
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=FakeClock(),
        agenda_for=lambda case_id: AGENDA,
        actions=[lock],
        ask=lambda parent, rows, case_id: (second, QGuiApplication.primaryScreen()),
    )
    window = launcher.open()
    assert window is not None
    qtbot.addWidget(window)
    assert window.reference_label.text() == "RR-2026-002"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert locked == [True]  # the main window's Lock shortcut works on the projector too
    window._awake.release()
    launcher.close()
    assert launcher.window is None


def test_the_launcher_says_when_there_is_nothing_to_project(session: Session) -> None:
    messages = RecordingMessages()
    launcher = ProjectorLauncher(
        TimetableService(session),
        messages,
        today=Today(),
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=FakeClock(),
        agenda_for=lambda case_id: AGENDA,
    )
    assert launcher.open() is None
    assert messages.shown[0][1] == "Nothing to project"


def test_the_vote_shows_only_that_it_is_open_then_the_outcome_once(
    qtbot: QtBot, session: Session
) -> None:
    people = add_directory(session)
    case = add_case_at(
        session, today=MONDAY, notified=date(2026, 11, 9), stage=Stage.MEETING_BOOKED
    )
    meeting = meeting_held(session, case, held_on=date(2026, 11, 20), chair=people["Alex Chair"])
    decided(session, case, voted(session, case, meeting, {people["Pat Officer"]: VoteChoice.NO}))
    meetings = MeetingService(session)
    assert case.case_id is not None

    def vote_for(case_id: int):  # type: ignore[no-untyped-def]
        vote = meetings.load(case_id).vote
        return None if vote is None else vote.projector_view()

    window = ProjectorWindow(
        TimetableService(session),
        case.case_id,
        AGENDA,
        today=Today(),
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=FakeClock(),
        awake=FakeAwake(),
        vote_for=vote_for,
    )
    qtbot.addWidget(window)
    window.show_on(QGuiApplication.primaryScreen())
    shown = window.vote_label.text()
    assert shown.splitlines()[0] == "Outcome: Recommend a local review"
    assert shown.count("Outcome") == 1
    assert "Vote:" not in shown
    assert "Yes " in shown
    assert shown.splitlines()[1] == "Yes 3   No 1   Abstain 0   Not voted 0"
    voters = {m.name for m in session.directory.members()}
    assert not any(name in shown for name in voters)

    meeting = meetings.load(case.case_id)
    assert meeting.vote is not None
    meetings.save(
        case.case_id, meeting.with_vote(meeting.vote.with_names_on_projector(True)), "names"
    )
    window.refresh()
    assert any(name in window.vote_label.text() for name in voters)

    meeting = meetings.load(case.case_id)
    assert meeting.vote is not None
    reopened = meeting.vote.reopen("A member's vote was recorded against the wrong name")
    meetings.save(case.case_id, meeting.with_vote(reopened), "reopened")
    window.refresh()
    tally = reopened.tally
    recorded = tally.yes + tally.no + tally.abstain
    assert (recorded, recorded + tally.not_voted) == (4, 4)
    assert window.vote_label.text().splitlines() == [
        "Voting open",
        f"{recorded} of {recorded + tally.not_voted} votes recorded",
    ]  # no tally, no outcome and no names while the vote is open
    window.close()
