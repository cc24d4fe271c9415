"""Locking: after a chosen idle time, on Ctrl+L, and when the operating system session locks.

When rrdesk locks:

1. ``about_to_lock`` is emitted and every widget in every window that has a ``save_pending()``
   method is asked to save what is typed (a failure there is logged by type and does not stop
   the lock: locking matters more than one unsaved box).
2. Every window's content is replaced: the main window shows the locked screen, a window named
   ``projector_window`` shows only "Locked", other windows (dialogs, message boxes) are closed.
   No window title names a case.
3. The store is closed and the data key overwritten in memory (:meth:`Session.close`).

Unlocking needs the passphrase or the recovery key: a key remembered on this computer does not
unlock a lock. After unlocking, ``rebuild(session)`` makes a fresh main window. If unlocking
finds the store damaged or its key file gone while it was locked, ``store_problem(error)`` is
asked for the way past it (start-up's store-problem screen, which can restore a backup); the
store it returns, open, is used as if unlocked.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore  # QtCore.Qt named where used, not at start-up (ui.item_roles)
from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from rrdesk.services.store import store_access
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import Session
from rrdesk.ui.shell.main_window import once_on_screen
from rrdesk.ui.shell.tasks import TaskStarter

if TYPE_CHECKING:
    from rrdesk.ui.store.locked_screen import LockedScreen

log = logging.getLogger(__name__)

Unlock = Callable[[Path, str], Session]
Rebuild = Callable[[Session], QWidget | None]
StoreProblem = Callable[[StoreError], Session | None]

PROJECTOR_NAME = "projector_window"
LOCKED_TITLE = "rrdesk: Locked"
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7


def _curtain() -> QLabel:
    label = QLabel("Locked")
    label.setObjectName("locked_curtain")
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
    label.setProperty("role", "heading")
    return label


class _SessionLockFilter(QAbstractNativeEventFilter):
    """Windows: WM_WTSSESSION_CHANGE with WTS_SESSION_LOCK means the screen was locked."""

    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        if sys.platform == "win32" and bytes(eventType) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                QTimer.singleShot(0, self._on_lock)
        return False, 0


class LockController(QObject):
    about_to_lock = Signal()
    locked = Signal(str)
    unlocked = Signal()

    def __init__(
        self,
        session: Session,
        *,
        unlock_with_passphrase: Unlock,
        unlock_with_recovery_key: Unlock,
        rebuild: Rebuild,
        store_problem: StoreProblem | None = None,
        idle_minutes: int = 5,
        idle_interval_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session: Session | None = session
        self._store_path = session.path
        self._unlock_passphrase = unlock_with_passphrase
        self._unlock_recovery = unlock_with_recovery_key
        self._rebuild = rebuild
        self._store_problem = store_problem
        self._main: QMainWindow | None = None
        self._locked_windows: list[QWidget] = []
        self.locked_screen: LockedScreen | None = None
        self.reason = ""
        self._idle = QTimer(self)
        self._idle.setObjectName("idle_timer")
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_interval_ms or idle_minutes * 60_000)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._native_filter: _SessionLockFilter | None = None
        application = QCoreApplication.instance()
        if isinstance(application, QGuiApplication):
            self._watch_windows(application)
        self._listening = False
        self.idle_since = time.monotonic()  # when the person last did something, or rrdesk opened
        self._idle.start()

    # -- state -------------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        """The open session, or ``None`` while locked."""
        return self._session

    @property
    def is_locked(self) -> bool:
        return self._session is None

    @property
    def listens_for_screen_lock(self) -> bool:
        """Whether rrdesk has asked the operating system to say when the screen locks."""
        return self._listening

    @property
    def idle_interval_ms(self) -> int:
        return self._idle.interval()

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_interval_ms(minutes * 60_000)

    def set_idle_interval_ms(self, milliseconds: int) -> None:
        """The idle time in milliseconds (tests use a tiny one); restarts the count."""
        self._idle.setInterval(milliseconds)
        if not self.is_locked:
            self._restart_idle()

    def watch(self, window: QMainWindow) -> None:
        """The main window: its ``lock_requested`` (Ctrl+L) locks; it shows the locked screen."""
        self._main = window
        signal = getattr(window, "lock_requested", None)
        if signal is not None:
            signal.connect(self._on_lock_requested)
        self._register_session_notifications(window)
        once_on_screen(window, self._listen_for_session_lock)

    def stop(self) -> None:
        """Stop watching (for example when the app quits)."""
        self._idle.stop()
        application = QCoreApplication.instance()
        if isinstance(application, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):
                application.focusWindowChanged.disconnect(self._on_focus_window_changed)
            for window in QGuiApplication.topLevelWindows():
                window.removeEventFilter(self)
        if application is not None and self._native_filter is not None:
            application.removeNativeEventFilter(self._native_filter)

    # -- events ------------------------------------------------------------------------------

    def _watch_windows(self, application: QGuiApplication) -> None:
        """Watch what the person does in each window.

        Keys, clicks and the mouse reach a window before the widget inside it, so watching the
        windows (each one as it first gets the focus) sees all of them, without looking at the
        many more events passed between widgets.
        """
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)
        application.focusWindowChanged.connect(self._on_focus_window_changed)

    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installing again moves it to the front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.is_locked:
            self._restart_idle()
        return False

    def _restart_idle(self) -> None:
        self.idle_since = time.monotonic()
        self._idle.start()

    def _on_idle_timeout(self) -> None:
        self.lock("idle")

    def _on_lock_requested(self) -> None:
        self.lock("manual")

    def _on_session_locked(self) -> None:
        self.lock("session")

    # -- locking -----------------------------------------------------------------------------

    def lock(self, reason: str = "manual") -> None:
        if self.is_locked:
            return
        self._idle.stop()
        self.about_to_lock.emit()
        self._save_pending()
        self._cover_windows(reason)
        session, self._session = self._session, None
        if session is not None:
            try:
                session.close()
            except StoreError:
                log.warning("the store reported a problem while closing for a lock")
        self.reason = reason
        log.info("locked (%s)", reason)
        self.locked.emit(reason)

    def _windows(self) -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible()]

    def _save_pending(self) -> None:
        for window in self._windows():
            for widget in [window, *window.findChildren(QWidget)]:
                save = getattr(widget, "save_pending", None)
                if callable(save):
                    try:
                        save()
                    except Exception as error:  # locking must go on whatever a widget does
                        log.error(
                            "a screen could not save before locking: %s", type(error).__name__
                        )

    def _cover_windows(self, reason: str) -> None:
        main = self._main
        for window in self._windows():
            if window is main:
                continue
            if window.objectName() == PROJECTOR_NAME:
                self._cover_with_curtain(window)
                window.setWindowTitle("rrdesk")
            elif isinstance(window, QDialog):
                window.reject()
                window.hide()
                window.deleteLater()
            else:
                self._cover_with_curtain(window)
                window.setWindowTitle(LOCKED_TITLE)
        if main is not None:
            self._cover_main(main, reason)

    def _cover_main(self, window: QMainWindow, reason: str) -> None:
        for action in window.findChildren(QAction):
            action.setEnabled(False)
        old = window.takeCentralWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        from rrdesk.ui.store.locked_screen import LockedScreen

        screen = LockedScreen(reason)
        screen.unlock_requested.connect(self._on_unlock_requested)
        window.setCentralWidget(screen)
        screen.show()
        window.menuBar().hide()
        window.statusBar().hide()
        window.setWindowTitle(LOCKED_TITLE)
        self.locked_screen = screen
        screen.secret.setFocus()
        self._locked_windows.append(window)

    def _cover_with_curtain(self, window: QWidget) -> None:
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
        self._locked_windows.append(window)

    # -- unlocking ---------------------------------------------------------------------------

    def _on_unlock_requested(self, secret: str, recovery: bool) -> None:
        message = self.unlock(secret, recovery=recovery)
        if message and self.locked_screen is not None:
            self.locked_screen.show_error(message)

    def unlock(self, secret: str, *, recovery: bool = False) -> str:
        """Unlock with the passphrase (or the recovery key). Returns why not, or ``""``."""
        if not self.is_locked:
            return ""
        unlock = self._unlock_recovery if recovery else self._unlock_passphrase
        try:
            session = unlock(self._store_path, secret)
        except StoreError as error:
            if self._store_problem is None or not store_access.restoring_helps(error):
                return error.message
            restored = self._store_problem(error)  # damaged while locked: a backup may help
            if restored is None:
                return error.message
            session = restored
        self._session = session
        geometry = self._main.geometry() if self._main is not None else None
        new_window = self._rebuild(session)
        old_windows, self._locked_windows = self._locked_windows, []
        self._main = None
        self.locked_screen = None
        if isinstance(new_window, QMainWindow):
            if geometry is not None:
                new_window.setGeometry(geometry)
            self.watch(new_window)
        for window in old_windows:
            window.hide()
            window.deleteLater()
        self.reason = ""
        self._restart_idle()
        log.info("unlocked (%s)", "recovery key" if recovery else "passphrase")
        self.unlocked.emit()
        return ""

    # -- restoring a backup ------------------------------------------------------------------

    def restore(
        self,
        put_in_place: Callable[[Path], object],
        secret: str,
        *,
        recovery: bool = False,
        runner: TaskStarter,
        finished: Callable[[str, object], None] | None = None,
    ) -> None:
        """Lock (saving what is typed and closing the store), run ``put_in_place(store_path)``
        off the screen thread to replace the store, then open it with ``secret``.

        ``finished(problem, result)`` is called at the end: ``problem`` is ``""`` when the
        restored store is open, or says why not; ``result`` is what ``put_in_place`` returned
        (``None`` if it failed). If the store cannot be replaced, nothing has changed and rrdesk
        stays locked, saying why: the usual passphrase opens the store as it was.
        """
        report = finished or (lambda _problem, _result: None)
        if self.is_locked:
            report("Unlock rrdesk first.", None)
            return
        self.lock("restore")
        screen = self.locked_screen
        if screen is not None:
            screen.set_busy("Putting the backup in place. This can take a minute.")

        def failed(error: BaseException) -> None:
            if screen is not None:
                screen.set_busy("")
            if isinstance(error, StoreError):
                reason = error.message
            else:
                log.error("restoring a backup failed: %s", type(error).__name__)
                reason = "The backup was not restored because of an unexpected problem."
            message = f"{reason} Unlock to carry on with the store as it was."
            if screen is not None:
                screen.show_error(message)
            report(message, None)

        def replaced(result: object) -> None:
            if screen is not None:
                screen.set_busy("")
            message = self.unlock(secret, recovery=recovery)
            if message and screen is not None:
                screen.show_error(f"The backup is in place but did not open: {message}")
            report(message, result)

        store_path = self._store_path
        runner.start(
            lambda _progress, _cancelled: put_in_place(store_path),
            on_done=replaced,
            on_error=failed,
        )

    # -- operating-system session lock -------------------------------------------------------

    def _listen_for_session_lock(self) -> None:
        """Once: the operating system tells rrdesk when the screen is locked."""
        application = QCoreApplication.instance()
        if self._listening or application is None:
            return
        self._listening = True
        if sys.platform == "win32":  # pragma: no cover - Windows only
            self._native_filter = _SessionLockFilter(self._on_session_locked)
            application.installNativeEventFilter(self._native_filter)
            return
        self._listen_on_dbus()

    def _listen_on_dbus(self) -> None:
        """Linux desktops announce screen locks on the session bus; where there is none, or the
        bindings are missing, rrdesk still locks when idle and on Ctrl+L."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for service, path in (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ):
            with contextlib.suppress(RuntimeError, TypeError, ValueError):
                # PySide6 wants the SLOT() text here although its stubs say bytes
                bus.connect(  # type: ignore[call-overload]
                    "", path, service, "ActiveChanged", self, SLOT("screen_saver_changed(bool)")
                )

    @Slot(bool)
    def screen_saver_changed(self, active: bool) -> None:
        if active:
            self.lock("session")

    def _register_session_notifications(self, window: QWidget) -> None:
        if sys.platform != "win32":
            return
        import ctypes

        with contextlib.suppress(AttributeError, OSError):  # pragma: no cover - Windows only
            wtsapi: Any = getattr(ctypes, "windll").wtsapi32  # noqa: B009 - Windows only
            wtsapi.WTSRegisterSessionNotification(int(window.winId()), 0)
