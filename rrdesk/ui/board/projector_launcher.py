"""Opens the projector view: asks which case and which screen, keeps at most one view open."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QScreen
from PySide6.QtWidgets import QDialog, QWidget

from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.vote import ProjectorTally
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
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


class ProjectorLauncher(QObject):
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
        self.window: ProjectorWindow | None = None

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

    def refresh(self) -> None:
        if self.window is not None:
            self.window.refresh()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def _on_window_closed(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()
