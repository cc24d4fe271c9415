"""Hearing that the operating system locked the screen: on Windows from the session's
notifications, on Linux desktops from the screen saver on the session bus. Where neither is
there, rrdesk still locks when idle and on Ctrl+L."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7


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


class ScreenLockWatch(QObject):
    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listening = False
        self._native_filter: _SessionLockFilter | None = None

    @property
    def listening(self) -> bool:
        """Whether rrdesk has asked the operating system to say when the screen locks."""
        return self._listening

    def listen(self) -> None:
        """Once: the operating system tells rrdesk when the screen is locked."""
        application = QCoreApplication.instance()
        if self._listening or application is None:
            return
        self._listening = True
        if sys.platform == "win32":  # pragma: no cover - Windows only
            self._native_filter = _SessionLockFilter(self.screen_locked.emit)
            application.installNativeEventFilter(self._native_filter)
            return
        self._listen_on_dbus()

    def stop(self) -> None:
        application = QCoreApplication.instance()
        if application is not None and self._native_filter is not None:
            application.removeNativeEventFilter(self._native_filter)
            self._native_filter = None

    def _listen_on_dbus(self) -> None:
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
            self.screen_locked.emit()

    def register(self, window: QWidget) -> None:
        """Windows: ask for the session's notifications to reach ``window``."""
        if sys.platform != "win32":
            return
        import ctypes

        with contextlib.suppress(AttributeError, OSError):  # pragma: no cover - Windows only
            wtsapi: Any = getattr(ctypes, "windll").wtsapi32  # noqa: B009 - Windows only
            wtsapi.WTSRegisterSessionNotification(int(window.winId()), 0)
