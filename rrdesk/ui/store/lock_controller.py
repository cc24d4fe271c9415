"""Locking: after a chosen idle time, on Ctrl+L, and when the operating system session locks.

When rrdesk locks:

1. ``about_to_lock`` is emitted, typing held for a moment is saved and every window's content
   is replaced (:mod:`rrdesk.ui.store.lock_covers`): the main window shows the locked screen.
2. The store is closed and the data key overwritten in memory (:meth:`Session.close`); its
   file's seal is made on the task runner as the screen says "Locking…" (see ``finish_closing``).

While a meeting is presented (the agenda timer running) the idle lock waits an hour longer than
the lock time, and while a backup is being written it waits for it to end. Unlocking needs the
passphrase or the recovery key: a key remembered on this computer does not unlock a lock. After
unlocking, ``rebuild(session)`` makes a fresh main window (which takes back a paused
presentation). If unlocking finds the store damaged or its key file gone while it was locked,
``store_problem(error)`` is asked for the way past it (start-up's store-problem screen, which
can restore a backup); the store it returns, open, is used as if unlocked.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget

from rrdesk.services.store import store_access
from rrdesk.services.store.errors import StoreError
from rrdesk.services.store.session import ClosingStore, Session
from rrdesk.ui.shell.main_window import MainWindow, once_on_screen
from rrdesk.ui.store.lock_covers import cover_windows, save_pending
from rrdesk.ui.store.presenting import (
    PRESENTING_GRACE_MS,
    meeting_presented,
    presentations,
    store_held_on_this_thread,
    work_under_way,
)
from rrdesk.ui.store.screen_lock_watch import ScreenLockWatch

if TYPE_CHECKING:
    from rrdesk.ui.shell.tasks import TaskStarter
    from rrdesk.ui.store.backup_scheduler import BackupScheduler
    from rrdesk.ui.store.locked_screen import LockedScreen

log = logging.getLogger(__name__)

Unlock = Callable[[Path, str], Session]
Rebuild = Callable[[Session], MainWindow | None]
StoreProblem = Callable[[StoreError], Session | None]

LOCKING = "Locking\u2026"
WORK_RETRY_MS = 1000  # how often an idle lock held off by work under way looks again
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


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
        presenting_grace_ms: int = PRESENTING_GRACE_MS,
        runner: TaskStarter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session: Session | None = session
        self._runner = runner
        self._closing: ClosingStore | None = None  # the store locked, its seal being made
        self._backups: BackupScheduler | None = None
        self._waiting: Session | None = None  # the store locked, closed once a copy is written
        self._store_path = session.path
        self._unlock_passphrase = unlock_with_passphrase
        self._unlock_recovery = unlock_with_recovery_key
        self._rebuild = rebuild
        self._store_problem = store_problem
        self._main: MainWindow | None = None
        self._locked_windows: list[QWidget] = []
        self.locked_screen: LockedScreen | None = None
        self.reason = ""
        self._idle_ms = idle_interval_ms or idle_minutes * 60_000
        self._presenting_grace_ms = presenting_grace_ms
        self._idle = QTimer(self)
        self._idle.setObjectName("idle_timer")
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._screen_lock = ScreenLockWatch(self)
        self._screen_lock.screen_locked.connect(self._on_session_locked)
        application = QCoreApplication.instance()
        if isinstance(application, QGuiApplication):
            self._watch_windows(application)
        self._restart_idle()  # idle_since: when the person last did something, or rrdesk opened

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
        return self._screen_lock.listening

    @property
    def idle_interval_ms(self) -> int:
        return self._idle_ms

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_interval_ms(minutes * 60_000)

    def set_idle_interval_ms(self, milliseconds: int) -> None:
        """The idle time in milliseconds (tests use a tiny one); restarts the count."""
        self._idle_ms = milliseconds
        if not self.is_locked:
            self._restart_idle()

    def watch(self, window: MainWindow) -> None:
        """The main window: its ``lock_requested`` (Ctrl+L) locks; it shows the locked screen."""
        self._main = window
        window.lock_requested.connect(self._on_lock_requested)
        self._screen_lock.register(window)
        once_on_screen(window, self._screen_lock.listen)

    def wait_for(self, backups: BackupScheduler) -> None:
        """The rolling backups: while one is being written the idle lock waits for it, and any
        other lock closes the store only once its copy is written (see :meth:`finish_closing`)."""
        self._backups = backups

    def _backing_up(self) -> bool:
        return self._backups is not None and self._backups.backing_up

    def screen_saver_changed(self, active: bool) -> None:
        """The screen saver came on (``True``) or went off, as the session bus says."""
        self._screen_lock.screen_saver_changed(active)

    def stop(self) -> None:
        """Stop watching (for example when the app quits)."""
        self._idle.stop()
        application = QCoreApplication.instance()
        if isinstance(application, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):
                application.focusWindowChanged.disconnect(self._on_focus_window_changed)
            for window in QGuiApplication.topLevelWindows():
                window.removeEventFilter(self)
        self._screen_lock.stop()

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
        self._idle.start(self._idle_ms)

    def _on_idle_timeout(self) -> None:
        if work_under_way() or self._backing_up():  # lock once the backup ends, if still idle
            self._idle.start(WORK_RETRY_MS)
            return
        if meeting_presented():
            waited_ms = (time.monotonic() - self.idle_since) * 1000
            left_ms = self._idle_ms + self._presenting_grace_ms - waited_ms
            if left_ms > 0:
                self._idle.start(max(1, int(left_ms)))
                return
        self.lock("idle")

    def _on_lock_requested(self) -> None:
        self.lock("manual")

    def _on_session_locked(self) -> None:
        self.lock("session")

    # -- locking -----------------------------------------------------------------------------

    def lock(self, reason: str = "manual", *, seal_now: bool = False) -> None:
        """Lock; ``seal_now`` seals the store before returning, not on the runner."""
        if self.is_locked:
            return
        if store_held_on_this_thread():  # the key being changed: lock as soon as it is done
            QTimer.singleShot(WORK_RETRY_MS, lambda: self.lock(reason, seal_now=seal_now))
            return
        self._idle.stop()
        self.about_to_lock.emit()
        save_pending()
        self._locked_windows, self.locked_screen = cover_windows(
            self._main, reason, self._on_unlock_requested
        )
        session, self._session = self._session, None
        if session is not None:
            self._close(session, seal_now)
        self.reason = reason
        log.info("locked (%s)", reason)
        self.locked.emit(reason)

    def _close(self, session: Session, seal_now: bool) -> None:
        backups = self._backups
        if backups is not None and backups.backing_up:
            if not seal_now:  # the windows are covered: the store is closed once it is copied
                self._waiting = session
                if self.locked_screen is not None:
                    self.locked_screen.set_busy(LOCKING)
                backups.after_backup(self._close_waiting)
                return
            backups.finish_backup_now()
        try:
            self._closing = closing = session.begin_close()
        except StoreError:
            log.warning("the store reported a problem while closing for a lock")
            if self.locked_screen is not None:
                self.locked_screen.set_busy("")
            return
        if seal_now or not closing.seals:
            self.finish_closing()
            return
        if self.locked_screen is not None:
            self.locked_screen.set_busy(LOCKING)
        self._runner.start(
            lambda _progress, _cancelled: closing.make_seal(),
            on_done=lambda _none: self._on_sealed(closing),
            on_error=lambda error: self._on_sealed(closing, error),
        )

    def _close_waiting(self) -> None:
        session, self._waiting = self._waiting, None
        if session is not None:
            self._close(session, seal_now=False)

    def _on_sealed(self, closing: ClosingStore, error: BaseException | None = None) -> None:
        if closing is self._closing:  # else finished already (to unlock, or as rrdesk ended)
            if error is not None:
                log.warning("the store could not be sealed: %s", type(error).__name__)
            self.finish_closing(seal=error is None)

    def finish_closing(self, *, seal: bool = True) -> None:
        """Finish closing the store locked, if its seal (made on the runner: it reads the whole
        store file) is not yet written, making it here if need be; a store still being copied
        for a rolling backup is closed here once the rest of the copy is written. Until then the
        store stays claimed and nothing opens or writes it: unlocking, a restore and rrdesk
        ending call this first."""
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._close(waiting, seal_now=True)
        closing, self._closing = self._closing, None
        if closing is None:
            return
        try:
            closing.finish(seal=seal)
        except StoreError:
            log.warning("the store reported a problem while closing for a lock")
        if self.locked_screen is not None:
            self.locked_screen.set_busy("")
            self.locked_screen.secret.setFocus()

    # -- unlocking ---------------------------------------------------------------------------

    def _on_unlock_requested(self, secret: str, recovery: bool) -> None:
        message = self.unlock(secret, recovery=recovery)
        if message and self.locked_screen is not None:
            self.locked_screen.show_error(message)

    def unlock(self, secret: str, *, recovery: bool = False) -> str:
        """Unlock with the passphrase (or the recovery key). Returns why not, or ``""``."""
        if not self.is_locked:
            return ""
        self.finish_closing()  # the store sealed before it is opened again
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
        if new_window is not None:
            if geometry is not None:
                new_window.setGeometry(geometry)
            self.watch(new_window)
        for window in old_windows:
            window.hide()
            window.deleteLater()
        for presentation in presentations():
            presentation.after_unlock()
        self.reason = ""
        self._restart_idle()
        log.info("unlocked (%s)", "recovery key" if recovery else "passphrase")
        self.unlocked.emit()
        return ""
