"""Main windows for tests, rebuilt after an unlock as the composition root does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.main_window import MainWindow


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
