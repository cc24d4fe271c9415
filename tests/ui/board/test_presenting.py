"""Presenting mode: the projector through every order of open, lock, unlock, Esc, close and a
screen unplugged, with the real main window, locking and rebuilding as the app wires them.

Any Qt warning or exception raised in a Qt callback fails these tests (pytest-qt, with
``qt_log_level_fail``), and a timer left running fails them too (tests/running_work.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.meeting.agenda import AgendaItem, AgendaItemKind
from rrdesk.domain.meeting.decision import DecisionKind
from rrdesk.services.store import store_access
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from rrdesk.ui.board.display_awake import DisplayAwake
from rrdesk.ui.board.projector_launch_dialog import ProjectorLaunchDialog
from rrdesk.ui.board.projector_window import ProjectorWindow
from rrdesk.ui.cases.cases_section import CasesSection
from rrdesk.ui.meeting.meeting_widget import MeetingWidget
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.store.lock_controller import LockController
from rrdesk.ui.store.protection import Protection
from tests.fakes import ImmediateRunner, RecordingMessages
from tests.ui.board.board_fixtures import PROJECTED, Today, add_booked_cases, add_case
from tests.ui.main_windows import protect_as_the_app_does


def visible_text(window: QWidget) -> str:
    return "\n".join(
        label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)
    )


def trigger(window: MainWindow, name: str) -> None:
    action = next(a for a in window.findChildren(QAction) if a.objectName() == f"action_{name}")
    action.trigger()


class Rebuilder:
    """The composition root's rebuild after an unlock: a fresh main window, shown. The window it
    replaces is deleted by the lock, so only the newest is closed at the end."""

    def __init__(self, context: AppContext) -> None:
        self._context = context
        self.windows: list[MainWindow] = []

    def __call__(self, session: Session) -> MainWindow:
        self._context.session = session
        window = build_main_window(self._context)
        window.show()
        self.windows[:] = [window]
        return window


@dataclass
class Meeting:
    qtbot: QtBot
    rebuild: Rebuilder
    protection: Protection
    passphrase: str

    @property
    def window(self) -> MainWindow:
        return self.rebuild.windows[-1]

    def projectors(self) -> list[ProjectorWindow]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ProjectorWindow) and w.isVisible()
        ]

    @property
    def projector(self) -> ProjectorWindow:
        [projector] = self.projectors()
        return projector

    def open(self) -> None:
        """F5, then Project in the dialog that asks which case and screen."""

        def choose() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, ProjectorLaunchDialog):
                QTimer.singleShot(10, choose)
                return
            dialog.project_button.click()

        QTimer.singleShot(0, choose)
        trigger(self.window, "project")
        assert self.projector.isFullScreen()
        self.qtbot.keyClick(self.projector, Qt.Key.Key_Space)  # the agenda timer starts
        assert self.projector.timer_widget.clock.running

    def lock(self) -> None:
        trigger(self.window, "lock")
        assert self.protection.controller.is_locked

    def unlock(self) -> None:
        screen = self.protection.controller.locked_screen
        assert screen is not None
        self.qtbot.keyClicks(screen.secret, self.passphrase)
        self.qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
        assert not self.protection.controller.is_locked

    def esc(self) -> None:
        for projector in self.projectors():
            self.qtbot.keyClick(projector, Qt.Key.Key_Escape)

    def close(self) -> None:
        for projector in self.projectors():
            projector.close()

    def unplug(self) -> None:
        for projector in self.projectors():
            projector._on_screen_removed(projector.current_screen)  # as Qt does on unplugging


@pytest.fixture
def meeting(
    qtbot: QtBot,
    blank_context: AppContext,
    messages: RecordingMessages,
    passphrase: str,
    tmp_path: Path,
) -> Iterator[Meeting]:
    add_booked_cases(blank_context.session, blank_context.seams.today())
    rebuild = Rebuilder(blank_context)
    first = rebuild(blank_context.session)
    protection = protect_as_the_app_does(first, blank_context, rebuild, tmp_path / "backups")
    qtbot.waitExposed(first)
    yield Meeting(qtbot, rebuild, protection, passphrase)
    for projector in [w for w in QApplication.topLevelWidgets() if isinstance(w, ProjectorWindow)]:
        projector.close()
        projector.deleteLater()
    protection.stop()
    for window in rebuild.windows:
        window.close()
        window.deleteLater()


def test_locking_pauses_the_projection_and_unlocking_carries_on(meeting: Meeting) -> None:
    meeting.open()
    projector = meeting.projector
    reference = projector.reference_label.text()
    assert reference in visible_text(projector)
    item = projector.timer_widget.clock.index
    meeting.lock()
    assert meeting.projector is projector  # still there, in its place
    assert visible_text(projector) == "Meeting paused"
    assert projector.windowTitle() == "rrdesk"
    assert not projector.tick_timer.isActive()
    assert not projector.timer_widget.clock.running  # held while locked
    held = projector.timer_widget.clock.banked
    assert "rrdesk is locked" in visible_text(meeting.window)
    meeting.unlock()
    assert meeting.projector is projector
    assert reference in visible_text(projector)
    assert "Meeting paused" not in visible_text(projector)
    clock = projector.timer_widget.clock
    assert (clock.index, clock.banked, clock.running) == (item, held, True)
    assert projector.tick_timer.isActive()
    meeting.lock()  # Ctrl+L again from the window rebuilt after unlocking
    assert visible_text(projector) == "Meeting paused"
    meeting.unlock()


Step = Callable[[Meeting], None]
ORDERS: dict[str, tuple[Step, ...]] = {
    "lock, unlock, Esc": (Meeting.lock, Meeting.unlock, Meeting.esc),
    "lock, Esc, unlock, close": (Meeting.lock, Meeting.esc, Meeting.unlock, Meeting.close),
    "Esc, lock, unlock": (Meeting.esc, Meeting.lock, Meeting.unlock),
    "lock, close, unlock": (Meeting.lock, Meeting.close, Meeting.unlock),
    "unplug, lock, unlock, close": (Meeting.unplug, Meeting.lock, Meeting.unlock, Meeting.close),
    "lock, unplug, unlock, Esc": (Meeting.lock, Meeting.unplug, Meeting.unlock, Meeting.esc),
    "close, lock, unlock": (Meeting.close, Meeting.lock, Meeting.unlock),
}


@pytest.mark.parametrize("steps", list(ORDERS.values()), ids=list(ORDERS))
def test_every_order_ends_without_a_crash(meeting: Meeting, steps: tuple[Step, ...]) -> None:
    meeting.open()
    for step in steps:
        step(meeting)
        for projector in meeting.projectors():
            shown = visible_text(projector)
            if meeting.protection.controller.is_locked:
                assert shown == "Meeting paused"
            else:
                assert projector.reference_label.text() in shown
    assert not meeting.protection.controller.is_locked
    meeting.close()
    assert meeting.projectors() == []
    meeting.open()  # the projector opens again afterwards
    meeting.esc()
    assert meeting.projectors() == []


def test_esc_while_locked_leaves_the_paused_screen(meeting: Meeting) -> None:
    meeting.open()
    meeting.lock()
    meeting.esc()
    assert visible_text(meeting.projector) == "Meeting paused"
    meeting.unlock()


def test_the_idle_lock_waits_while_the_agenda_runs_on_the_projector(
    qtbot: QtBot, meeting: Meeting
) -> None:
    meeting.open()  # the agenda timer is running
    controller = meeting.protection.controller
    idle = controller.findChild(QTimer, "idle_timer")
    assert isinstance(idle, QTimer)
    controller.set_idle_interval_ms(20)
    with qtbot.waitSignal(idle.timeout):
        pass
    assert not controller.is_locked
    assert idle.isActive()  # it waits for the lock time plus an hour
    meeting.projector.timer_widget.toggle()  # the chair pauses the agenda
    controller.set_idle_interval_ms(20)
    qtbot.waitUntil(lambda: controller.is_locked)
    assert controller.reason == "idle"
    assert visible_text(meeting.projector) == "Meeting paused"
    meeting.unlock()


def test_the_idle_lock_fires_after_the_lock_time_and_the_hour(
    qtbot: QtBot, session: Session, passphrase: str
) -> None:
    case_id = add_case(session, "RR-2026-001", date(2026, 11, 16))
    window = MainWindow("Northmoor")
    qtbot.addWidget(window)
    window.show()
    controller = LockController(
        session,
        runner=ImmediateRunner(),
        unlock_with_passphrase=store_access.unlock_with_passphrase,
        unlock_with_recovery_key=store_access.unlock_with_recovery_key,
        rebuild=lambda _session: None,
        idle_interval_ms=20,
        presenting_grace_ms=30,
    )
    controller.watch(window)
    projector = ProjectorWindow(
        TimetableService(session),
        case_id,
        (AgendaItem(AgendaItemKind.OVERVIEW, 2, label="Chair's overview of the case"),),
        today=Today(),
        wall_clock=lambda: datetime(2026, 11, 23, 10, 5),
        monotonic=lambda: 1000.0,
        awake=DisplayAwake(),
    )
    qtbot.addWidget(projector)
    projector.show_on(QGuiApplication.primaryScreen())
    projector.timer_widget.toggle()
    assert projector.holds_meeting()
    qtbot.waitUntil(lambda: controller.is_locked)
    assert visible_text(projector) == "Meeting paused"
    assert controller.unlock(passphrase) == ""
    assert not projector.isVisible()  # no window took it back: it closes
    controller.stop()
    assert controller.session is not None
    controller.session.close()


def test_quitting_from_the_lock_screen_closes_the_paused_projection(meeting: Meeting) -> None:
    meeting.open()
    meeting.lock()
    screen = meeting.protection.controller.locked_screen
    assert screen is not None
    meeting.qtbot.mouseClick(screen.quit_button, Qt.MouseButton.LeftButton)
    assert meeting.projectors() == []
    assert not meeting.window.isVisible()


def project_case(meeting: Meeting, reference: str) -> ProjectorWindow:
    """F5, then the case chosen in the dialog, on the only screen."""

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProjectorLaunchDialog):
            QTimer.singleShot(10, choose)
            return
        combo = dialog.case_choice
        found = [n for n in range(combo.count()) if combo.itemText(n).startswith(reference)]
        combo.setCurrentIndex(found[0])
        dialog.project_button.click()

    QTimer.singleShot(0, choose)
    trigger(meeting.window, "project")
    return meeting.projector


def meeting_tab(window: MainWindow, case_id: int) -> MeetingWidget:
    section = window.section("cases")
    assert isinstance(section, CasesSection)
    section.open_case(case_id)
    titles = [section.tabs.tabText(n) for n in range(section.tabs.count())]
    section.tabs.setCurrentIndex(titles.index("Meeting"))
    tab = section.tabs.currentWidget()
    assert isinstance(tab, MeetingWidget)
    return tab


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)], ids=["1366x768", "1024x768"])
def test_the_chairs_walk(qtbot: QtBot, meeting: Meeting, size: tuple[int, int]) -> None:
    """Project on the only screen, let the agenda run, lock and unlock, take attendance and a
    conflict, record and close the vote from the projection, decide, and close the projector."""
    meeting.window.resize(*size)
    projector = project_case(meeting, PROJECTED)
    assert projector.isFullScreen()
    assert projector.reference_label.text() == PROJECTED
    qtbot.keyClick(projector, Qt.Key.Key_Space)
    assert projector.timer_widget.clock.running

    controller = meeting.protection.controller  # the agenda runs: the idle lock waits
    idle = controller.findChild(QTimer, "idle_timer")
    assert isinstance(idle, QTimer)
    controller.set_idle_interval_ms(20)
    with qtbot.waitSignal(idle.timeout):
        pass
    assert not controller.is_locked
    controller.set_idle_interval_ms(60_000)

    item = projector.timer_widget.clock.index
    meeting.lock()  # Ctrl+L
    assert visible_text(projector) == "Meeting paused"
    meeting.unlock()
    assert meeting.projector is projector
    assert projector.timer_widget.clock.running
    assert projector.timer_widget.clock.index == item

    tab = meeting_tab(meeting.window, projector.case_id)  # on the coordinator's screen
    assert tab.window().width() <= size[0]
    qtbot.mouseClick(tab.attendance.everyone_present_button, Qt.MouseButton.LeftButton)
    assert tab.meeting().attendance_taken
    conflict = next(
        edit
        for edit in tab.findChildren(QLineEdit)
        if edit.objectName().startswith("conflict_note_")
    )
    qtbot.keyClicks(conflict, "Knows the family")
    qtbot.keyClick(conflict, Qt.Key.Key_Return)
    assert len(tab.meeting().conflicts) == 1

    qtbot.keyClick(projector, Qt.Key.Key_V)  # the vote, without leaving the projection
    panel = projector.findChild(ChairVotePanel)
    assert isinstance(panel, ChairVotePanel)
    qtbot.keyClick(panel.voters, Qt.Key.Key_O)
    voters = panel.voters.count()
    assert voters == 3  # the panel's four voting members, less the one with a conflict
    assert projector.vote_label.text().splitlines() == [
        "Voting open",
        f"0 of {voters} votes recorded",
    ]
    qtbot.keyClick(panel.voters, Qt.Key.Key_N)
    for _ in range(voters - 1):
        qtbot.keyClick(panel.voters, Qt.Key.Key_Y)
    assert projector.vote_label.text().splitlines() == [
        "Voting open",
        f"{voters} of {voters} votes recorded",
    ]
    qtbot.keyClick(panel.voters, Qt.Key.Key_C)
    assert projector.vote_label.text().count("Outcome: Recommend a local review") == 1
    qtbot.keyClick(panel.voters, Qt.Key.Key_Escape)

    vote = tab.meeting().vote  # the Meeting tab has read the vote the panel recorded
    assert vote is not None
    assert vote.closed
    assert "Outcome: Recommend a local review" in tab.vote.outcome.text()
    recommend = tab.decision.kind_buttons[DecisionKind.RECOMMEND_LOCAL_REVIEW]
    qtbot.mouseClick(recommend, Qt.MouseButton.LeftButton, pos=QPoint(8, recommend.height() // 2))
    qtbot.keyClicks(tab.decision.rationale, "Three of the criteria are met.")
    tab.decision.rationale.finish()
    assert tab.decision.status.text() == (
        "Decision recorded: Recommend a local Child Safeguarding Practice Review."
    )

    qtbot.keyClick(projector, Qt.Key.Key_Escape)  # the chair closes the projector
    assert meeting.projectors() == []
    assert not controller.is_locked
