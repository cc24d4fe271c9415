"""The countdown board in the main window, and the projector for the chair (View > Project the
countdown, F5). Both are built when first wanted: start-up shows the case list."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from rrdesk.services.session_services import SessionServices
from rrdesk.ui.shell.seams import Seams
from rrdesk.ui.shell.workbench import Lazy, Workbench

PROJECTOR_NAME = "projector_window"

if TYPE_CHECKING:
    from rrdesk.ui.board.board_widget import BoardWidget
    from rrdesk.ui.board.projector_launcher import ProjectorLauncher


def install(bench: Workbench, services: SessionServices, seams: Seams) -> None:
    window, events = bench.window, bench.events

    def make_board() -> BoardWidget:
        from rrdesk.services.after_meeting.panel_response_service import panel_response_rows
        from rrdesk.ui.board.board_widget import BoardWidget

        board = BoardWidget(
            services.timetables,
            today=seams.today,
            now=seams.now,
            local_reviews=services.local_review_board_rows,
            panel_responses=lambda today: panel_response_rows(
                services.session, today, services.calendar_settings.calendar()
            ),
        )
        board.case_opened.connect(events.open_case_requested)
        board.projector_requested.connect(lambda case_id: projector().open(case_id))
        board.refreshed.connect(refresh_projector)
        return board

    def make_projector() -> ProjectorLauncher:
        from rrdesk.ui.board.projector_launcher import ProjectorLauncher

        launcher = ProjectorLauncher(
            services.timetables,
            seams.messages,
            today=seams.today,
            wall_clock=seams.now,
            monotonic=time.monotonic,
            agenda_for=services.meetings.projector_agenda,
            vote_for=services.meetings.projector_tally,
            parent_widget=window,
            actions=(window.lock_action, window.quit_action),
            meetings=services.meetings,
        )
        launcher.meeting_changed.connect(events.case_changed)
        return launcher

    board = Lazy(make_board)
    projector = Lazy(make_projector)

    def refresh_board() -> None:
        if board.built is not None:
            board.built.refresh()

    def case_changed(case_id: int) -> None:
        """What the board keeps about the case is forgotten, then it is read again."""
        timetables = services.timetables_if_built()
        if timetables is not None:
            timetables.invalidate(case_id)
        refresh_board()

    def refresh_projector() -> None:
        if projector.built is not None:
            projector.built.refresh()

    def close_projector() -> None:
        if projector.built is not None:
            projector.built.close()

    def project_chosen_case(_checked: bool = False) -> None:
        window.section("board")  # built and in its place if it has not been shown yet
        projector().open(board().chosen_case())

    def add_project_action() -> None:
        window.add_action(
            window.view_menu,
            "Project the countdown",
            "project",
            QKeySequence("F5"),
            project_chosen_case,
        )

    def take_back_paused_projector() -> None:
        """A projector view left showing "Meeting paused" by a lock carries on in this window."""
        paused = [w for w in QApplication.topLevelWidgets() if w.objectName() == PROJECTOR_NAME]
        if not paused:
            return  # the projector's module is not imported until it is first wanted
        from rrdesk.ui.board.projector_window import ProjectorWindow

        for widget in paused:
            if isinstance(widget, ProjectorWindow) and widget.isVisible() and widget.paused:
                projector().adopt(widget)

    bench.add_section("board", "Countdown board", board)
    bench.refresh_when_shown("board", refresh_board)
    events.case_changed.connect(case_changed)
    events.calendar_changed.connect(refresh_board)
    window.closing.connect(close_projector)
    bench.after_placing(add_project_action)
    bench.after_placing(take_back_paused_projector)
