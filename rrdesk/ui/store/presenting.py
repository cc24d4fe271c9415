"""What locking needs to know of the screens: which hold typing to save first, and which are
shown to a room (the chair's projector view).

A presentation is paused by a lock rather than covered: it shows only a neutral "Meeting paused"
screen where it is, and the window rebuilt after unlocking takes it back. While a meeting is
being presented (the agenda timer running), the idle lock waits an hour longer than the lock
time; while a backup is being written it waits for it to end. Ctrl+L still locks at once, except
while the store's key is being changed: every lock then waits for that to end.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QApplication, QWidget

PRESENTING_GRACE_MS = 60 * 60_000
"""How much longer than the lock time rrdesk waits, with nothing done, while a meeting is
presented."""


@runtime_checkable
class SavesPending(Protocol):
    """A screen that keeps typing unsaved for a moment (an answer box, say)."""

    def save_pending(self) -> None: ...


@runtime_checkable
class Presentation(Protocol):
    """A window shown to a room."""

    def pause_for_lock(self) -> None:
        """Show only a neutral screen, hold any timer, and let go of the store's data."""
        ...

    def after_unlock(self) -> None:
        """In front again if the new window took it back; closed if none did."""
        ...

    def holds_meeting(self) -> bool:
        """Whether a meeting is being presented now (its agenda timer running)."""
        ...


@runtime_checkable
class HoldsOffIdleLock(Protocol):
    """A screen with work under way that the idle lock waits for (a backup being written)."""

    def holds_off_idle_lock(self) -> bool: ...


@runtime_checkable
class HoldsStoreOnThisThread(Protocol):
    """Work on the window's thread that the store cannot be closed or copied under (its key
    being changed, a page at a time, with the screen kept drawn between): every lock, and the
    rolling backup, waits for it to end."""

    def holds_store_on_this_thread(self) -> bool: ...


def store_held_on_this_thread() -> bool:
    """Whether a shown window is changing the store's key now."""
    return any(
        isinstance(window, HoldsStoreOnThisThread) and window.holds_store_on_this_thread()
        for window in shown_windows()
    )


def work_under_way() -> bool:
    """Whether a screen in a shown window (on show or not) has work the idle lock waits for."""
    return any(
        isinstance(widget, HoldsOffIdleLock) and widget.holds_off_idle_lock()
        for window in shown_windows()
        for widget in (window, *window.findChildren(QWidget))
    )


def shown_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()]


def presentations() -> list[Presentation]:
    return [w for w in shown_windows() if isinstance(w, Presentation)]


def meeting_presented() -> bool:
    return any(presentation.holds_meeting() for presentation in presentations())
