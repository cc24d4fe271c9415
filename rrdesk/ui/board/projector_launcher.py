"""Opens the projector view: asks which case and which screen, keeps at most one view open."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QWidget

from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.vote import ProjectorTally
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.chair_vote_panel import ChairVotePanel
from rrdesk.ui.board.projector_launch_dialog import ProjectorLaunchDialog
from rrdesk.ui.board.projector_window import ProjectorWindow
from rrdesk.ui.shell.messages import Messages

Choice = tuple[int, QScreen]
AskChoice = Callable[[QWidget | None, Sequence[BoardRow], int | None], Choice | None]


def ask_with_dialog(
    parent: QWidget | None, rows: Sequence[BoardRow], case_id: int | None
) -> Choice | None:
    dialog = ProjectorLaunchDialog(rows, case_id=case_id, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.chosen_case()
    return None if chosen is None else (chosen, dialog.chosen_screen())


def shares_a_screen(projected: QScreen | None, coordinator: QScreen | None) -> bool:
    """Whether two screens show the same: the same screen, or a mirror of it (the same place and
    size). Unknown counts as the same, so nothing private is shown by mistake."""
    if projected is None or coordinator is None:
        return True
    return projected is coordinator or projected.geometry() == coordinator.geometry()


class ProjectorLauncher(QObject):
    meeting_changed = Signal(int)  # the chair's vote panel saved the case's meeting record

    def __init__(
        self,
        timetables: TimetableService,
        messages: Messages,
        *,
        today: Callable[[], date],
        wall_clock: Callable[[], datetime],
        monotonic: Callable[[], float],
        agenda_for: Callable[[int], Sequence[AgendaItem]],
        vote_for: Callable[[int], ProjectorTally | None] | None = None,
        parent_widget: QWidget | None = None,
        actions: Sequence[QAction] = (),
        ask: AskChoice = ask_with_dialog,
        meetings: MeetingService | None = None,
    ) -> None:
        super().__init__()
        self._timetables = timetables
        self._messages = messages
        self._today = today
        self._wall_clock = wall_clock
        self._monotonic = monotonic
        self._agenda_for = agenda_for
        self._vote_for = vote_for
        self._parent_widget = parent_widget
        self._actions = actions
        self._ask = ask
        self._meetings = meetings
        self.window: ProjectorWindow | None = None
        self._closing: set[ProjectorWindow] = set()
        """Views closed and handed to Qt to delete, held here until Qt has: a view is a top-level
        window that Python owns, and freed from Python it would be deleted at once, in the
        middle of its own closing or of its vote panel's deletion."""

    def open(self, case_id: int | None = None) -> ProjectorWindow | None:
        rows = self._timetables.board_rows(self._today())
        if not rows:
            self._messages.info(
                self._parent_widget,
                "Nothing to project",
                "There are no open cases. The projector shows open cases' countdowns.",
            )
            return None
        choice = self._ask(self._parent_widget, rows, case_id)
        if choice is None:
            return None
        chosen, screen = choice
        self.close()
        window = ProjectorWindow(
            self._timetables,
            chosen,
            self._agenda_for(chosen),
            today=self._today,
            wall_clock=self._wall_clock,
            monotonic=self._monotonic,
            vote_for=self._vote_for,
        )
        window.closed.connect(self._on_window_closed)
        window.addActions(list(self._actions))  # their shortcuts work in this window too
        self.window = window
        window.chair_panel_factory = self.open_chair_panel
        window.show_on(screen)
        return window

    def adopt(self, window: ProjectorWindow) -> None:
        """Take back a view left paused by a lock: it carries on with this window's data."""
        if window is self.window:
            return
        self.close()
        with contextlib.suppress(RuntimeError, TypeError):
            window.closed.disconnect()  # from the window that locked
        window.closed.connect(self._on_window_closed)
        self.window = window
        window.resume_after_lock(self._timetables, self._vote_for, self._actions)
        window.chair_panel_factory = self.open_chair_panel

    def open_chair_panel(self) -> ChairVotePanel | None:
        """The chair's vote panel for the projected case, on the coordinator's screen: the
        main window's, or on the only screen, in its corner above the projection."""
        window = self.window
        if window is None or self._meetings is None:
            return None
        panel = window.findChild(ChairVotePanel)
        if panel is None:
            panel = ChairVotePanel(
                self._meetings,
                window.case_id,
                window,
                in_view_of_room=self.projected_beside_the_coordinator,
            )
            panel.vote_changed.connect(self._on_vote_changed)
        panel.refresh()
        screen = self._coordinator_screen() or window.current_screen
        if screen is not None:
            area = screen.availableGeometry()
            size = panel.size().boundedTo(area.size())
            panel.resize(size)
            panel.move(
                max(area.left(), area.right() - size.width() - 24),
                max(area.top(), area.bottom() - size.height() - 48),
            )
        panel.show()
        panel.raise_()
        panel.activateWindow()
        panel.voters.setFocus()
        return panel

    def projected_beside_the_coordinator(self) -> bool:
        """Whether the projection is on the coordinator's screen (the only screen, or one that
        mirrors it), so the room sees what the coordinator sees."""
        projected = self.window.current_screen if self.window is not None else None
        return shares_a_screen(projected, self._coordinator_screen())

    def _coordinator_screen(self) -> QScreen | None:
        parent = self._parent_widget
        screen = parent.screen() if parent is not None else None
        return screen or QGuiApplication.primaryScreen()

    def _on_vote_changed(self, _what: str) -> None:
        """The chair's vote panel saved the projected case's meeting record."""
        window = self.window
        self.refresh()
        if window is not None:
            self.meeting_changed.emit(window.case_id)

    def refresh(self) -> None:
        if self.window is not None:
            self.window.refresh()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def _on_window_closed(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            self._closing.add(window)
            window.destroyed.connect(lambda _object: self._closing.discard(window))
            window.deleteLater()
