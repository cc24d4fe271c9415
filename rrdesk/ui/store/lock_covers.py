"""What a lock does to the windows on screen before the store is closed: typing held for a moment
is saved, and every window's content is replaced.

The main window shows the locked screen, raised and active so the prompt is never under another
window; a window shown to a room (a :class:`~rrdesk.ui.store.presenting.Presentation`) shows
only "Meeting paused"; other dialogs and message boxes are closed, and any other window shows
only "Locked". No window title names a case.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt named where used, not at start-up (ui.item_roles)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from rrdesk.ui.shell.main_window import MainWindow
from rrdesk.ui.store.presenting import Presentation, SavesPending, shown_windows

if TYPE_CHECKING:
    from rrdesk.ui.store.locked_screen import LockedScreen

log = logging.getLogger(__name__)

LOCKED_TITLE = "rrdesk: Locked"


def save_pending() -> None:
    """Ask every screen that holds typing for a moment to save it now. A failure is logged by
    its type and does not stop the lock: locking matters more than one unsaved box."""
    for window in shown_windows():
        for widget in [window, *window.findChildren(QWidget)]:
            if not isinstance(widget, SavesPending):
                continue
            try:
                widget.save_pending()
            except Exception as error:  # locking must go on whatever a widget does
                log.error("a screen could not save before locking: %s", type(error).__name__)


def cover_windows(
    main: MainWindow | None, reason: str, unlock_requested: Callable[[str, bool], None]
) -> tuple[list[QWidget], LockedScreen | None]:
    """Cover every shown window; ``main`` shows the locked screen, whose Unlock calls
    ``unlock_requested(secret, is the recovery key)``. Returns the windows covered (to be
    closed once unlocked) and the locked screen, if there is a main window."""
    covered: list[QWidget] = []
    for window in shown_windows():
        if window is main:
            continue
        if isinstance(window, Presentation):
            window.pause_for_lock()
        elif isinstance(window, QDialog):
            window.reject()
            window.hide()
            window.deleteLater()
        else:
            _cover_with_curtain(window)
            window.setWindowTitle(LOCKED_TITLE)
            covered.append(window)
    if main is None:
        return covered, None
    screen = _cover_main(main, reason, unlock_requested)
    covered.append(main)
    return covered, screen


def _curtain() -> QLabel:
    label = QLabel("Locked")
    label.setObjectName("locked_curtain")
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
    label.setProperty("role", "heading")
    return label


def _cover_main(
    window: MainWindow, reason: str, unlock_requested: Callable[[str, bool], None]
) -> LockedScreen:
    for action in window.findChildren(QAction):
        action.setEnabled(False)
    banner = window.banner.text() if not window.banner.isHidden() else ""  # the demo's
    old = window.takeCentralWidget()
    if old is not None:
        old.hide()
        old.deleteLater()
    from rrdesk.ui.store.locked_screen import LockedScreen

    screen = LockedScreen(reason, banner=banner)
    screen.unlock_requested.connect(unlock_requested)
    screen.quit_requested.connect(window.close)  # a way out when the passphrase is not known
    window.setCentralWidget(screen)
    screen.show()
    window.menuBar().hide()
    window.statusBar().hide()
    window.setWindowTitle(LOCKED_TITLE)
    window.raise_()  # the prompt in front, never under a paused projector
    window.activateWindow()
    screen.secret.setFocus()
    return screen


def _cover_with_curtain(window: QWidget) -> None:
    if isinstance(window, QMainWindow):
        old = window.takeCentralWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        curtain = _curtain()
        window.setCentralWidget(curtain)
        curtain.show()
        with contextlib.suppress(RuntimeError):
            window.menuBar().hide()
    else:
        for child in window.findChildren(
            QWidget, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly
        ):
            child.hide()
            child.deleteLater()
        layout = window.layout() or QVBoxLayout(window)
        curtain = _curtain()
        layout.addWidget(curtain)
        curtain.show()
