"""Crash handling: a bug is logged, then told in plain English with a report to copy.

:func:`install_crash_handling` catches what nothing else did: an error raised in a slot or on the
main thread (``sys.excepthook``), in another thread (``threading.excepthook``), and Qt's critical
and fatal messages. Each is logged by type and place (see ``logging_setup``), then one dialog
(:mod:`rrdesk.ui.shell.crash_dialog`) says what happened; more errors while it is open are counted
on it, not shown one by one. After an error in a slot rrdesk can carry on: every write is one
transaction, so what was saved stays saved and nothing is half-saved. Qt's warnings are only
logged.

The hooks are put in place as the app starts; the dialog and the report are loaded only when
there is something to show (see docs/startup.md).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication

from rrdesk.services.platform.logging_setup import install_crash_logging, log_uncaught

if TYPE_CHECKING:
    from rrdesk.services.platform.crash_report import CrashReport
    from rrdesk.ui.shell.crash_dialog import CrashDialog

EXIT_AFTER_CRASH = 70
"""The exit code when the person closes rrdesk from the crash dialog (``EX_SOFTWARE``)."""

log = logging.getLogger("rrdesk.crash")
qt_log = logging.getLogger("rrdesk.qt")


def qt_version() -> str:
    import PySide6

    return f"{qVersion()} (PySide6 {PySide6.__version__})"


class CrashHandling(QObject):
    """The hooks :func:`install_crash_handling` put in place, and the dialog they show."""

    reported = Signal(object)  # a CrashReport, from whichever thread the error was in

    def __init__(
        self, app: QApplication, copy: Callable[[str], None], close_app: Callable[[], None]
    ) -> None:
        super().__init__(app)
        self.dialog: CrashDialog | None = None
        self._app = app
        self._copy = copy
        self._close_app = close_app
        self._previous_excepthook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._previous_qt_handler: Any = None
        # From another thread the signal is queued to this object's (the UI) thread. No
        # connection type is named: that would build Qt's namespace at start-up (item_roles).
        self.reported.connect(self._on_reported)

    def install(self) -> None:
        install_crash_logging(then=self._report_uncaught)
        threading.excepthook = self._on_thread_error
        self._previous_qt_handler = qInstallMessageHandler(self._on_qt_message)

    def uninstall(self) -> None:
        """Put back what was there before (tests do; the app keeps the hooks to the end)."""
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_thread_hook
        qInstallMessageHandler(self._previous_qt_handler)
        self.reported.disconnect(self._on_reported)

    # --- the hooks: any thread --------------------------------------------------------------

    def _report_uncaught(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_excepthook(kind, error, trace)
            return
        from rrdesk.services.platform.crash_report import build_crash_report

        report = build_crash_report(kind, error, trace, qt_version=qt_version())
        self._show(report, ending=_reached_the_top(trace))

    def _on_thread_error(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        error = args.exc_value if args.exc_value is not None else args.exc_type()
        log_uncaught(args.exc_type, error, args.exc_traceback)
        from rrdesk.services.platform.crash_report import build_crash_report

        report = build_crash_report(
            args.exc_type, args.exc_value, args.exc_traceback, qt_version=qt_version()
        )
        self._show(report, ending=False)

    def _on_qt_message(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        # Qt's own words about its objects; rrdesk never gives Qt case data to repeat.
        place = f"{context.file}:{context.line} {context.function}" if context.file else ""
        if kind == QtMsgType.QtWarningMsg:
            qt_log.warning("Qt warning %s%s", text, f" at {place}" if place else "")
            return
        if kind not in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            return
        name = "Qt fatal message" if kind == QtMsgType.QtFatalMsg else "Qt critical message"
        qt_log.error("%s %s%s", name, text, f" at {place}" if place else "")
        from rrdesk.services.platform.crash_report import build_message_report

        report = build_message_report(
            name, context.file, context.line, context.function, qt_version=qt_version()
        )
        # Not from inside Qt's message handler, unless Qt is about to end the process.
        self._show(report, ending=kind == QtMsgType.QtFatalMsg, later=True)

    def _show(self, report: CrashReport, *, ending: bool, later: bool = False) -> None:
        on_ui_thread = threading.current_thread() is threading.main_thread()
        if on_ui_thread and ending:
            self._show_and_wait(report)
        elif on_ui_thread and not later:
            self._on_reported(report)
        elif on_ui_thread:
            QTimer.singleShot(0, self, lambda: self._on_reported(report))
        else:
            self.reported.emit(report)  # queued: the UI thread's event loop shows it

    # --- the UI thread ----------------------------------------------------------------------

    def _on_reported(self, report: object) -> None:
        """An error rrdesk can carry on after (in a slot, or another thread): one dialog, shown
        without waiting; more errors while it is open are counted on it."""
        from rrdesk.services.platform.crash_report import CrashReport
        from rrdesk.ui.shell.crash_dialog import CrashDialog

        assert isinstance(report, CrashReport)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.count_one_more()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()  # the last one, answered
        self.dialog = CrashDialog(
            report, can_carry_on=True, copy=self._copy, close_app=self._close_app
        )
        self.dialog.show()

    def _show_and_wait(self, report: CrashReport) -> None:
        """An error that ends rrdesk (it reached the top, or Qt's fatal message): the dialog
        waits for the person, as nothing else will run."""
        from rrdesk.ui.shell.crash_dialog import CrashDialog

        if self.dialog is not None:
            self.dialog.close()
        self.dialog = CrashDialog(
            report, can_carry_on=False, copy=self._copy, close_app=lambda: None
        )
        self.dialog.exec()


def _reached_the_top(trace: TracebackType | None) -> bool:
    """Whether an error unwound the whole stack (so rrdesk is ending), rather than stopping
    where Qt called a slot: a slot's outermost frame still has the event loop's caller below."""
    if trace is None:
        return True
    return trace.tb_frame.f_back is None


def _copy_to_clipboard(text: str) -> None:
    QApplication.clipboard().setText(text)


def install_crash_handling(
    app: QApplication,
    *,
    copy: Callable[[str], None] | None = None,
    close_app: Callable[[], None] | None = None,
) -> CrashHandling:
    """Log every uncaught error and show it in the crash dialog; Qt's warnings are logged.

    Call it once, right after the application is made. ``copy`` puts the report on the
    clipboard and ``close_app`` ends the event loop with :data:`EXIT_AFTER_CRASH`; tests give
    their own.
    """
    handling = CrashHandling(
        app,
        copy or _copy_to_clipboard,
        close_app or (lambda: QCoreApplication.exit(EXIT_AFTER_CRASH)),
    )
    handling.install()
    return handling
