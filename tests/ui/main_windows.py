"""Main windows for tests, rebuilt after an unlock and locked and backed up as the composition
root does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.shell.tasks import TaskStarter
from rrdesk.ui.store.protection import Protection, install_protection


class WindowRebuilder:
    """``rebuild(session)`` for the lock: a fresh main window on ``session``, shown, with
    ``add_sections(window, session)`` if given; every window built is kept in ``windows``."""

    def __init__(
        self,
        qtbot: Any,
        context: AppContext,
        add_sections: Callable[[MainWindow, Session], None] | None = None,
    ) -> None:
        self._qtbot = qtbot
        self._context = context
        self._add_sections = add_sections
        self.windows: list[MainWindow] = []

    def __call__(self, session: Session) -> MainWindow:
        self._context.session = session
        window = build_main_window(self._context)
        if self._add_sections is not None:
            self._add_sections(window, session)
        self._qtbot.addWidget(window)
        window.show()
        self.windows.append(window)
        return window


def protect_as_the_app_does(
    window: MainWindow,
    context: AppContext,
    rebuild: Callable[[Session], MainWindow],
    backups_folder: Path | None,
    runner: TaskStarter | None = None,
) -> Protection:
    """Locking and rolling backups around ``window``, installed as the app installs them, from
    the context's session, messages, file dialogs and clock, and its task runner unless
    ``runner``."""
    return install_protection(
        window,
        context.session,
        rebuild=rebuild,
        messages=context.messages,
        backups_folder=backups_folder,
        runner=context.runner if runner is None else runner,
        files=context.dialogs,
        now=context.seams.wall_clock,
    )
