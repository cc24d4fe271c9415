"""The crash dialog: a bug is logged, then told in plain English with a report to copy.

:func:`install_crash_handling` catches what nothing else did: an error raised in a slot or on the
main thread (``sys.excepthook``), in another thread (``threading.excepthook``), and Qt's critical
and fatal messages. Each is logged by type and place (see ``logging_setup``), then one dialog
says what happened; more errors while it is open are counted on it, not shown one by one. After
an error in a slot rrdesk can carry on: every write is one transaction, so what was saved stays
saved and nothing is half-saved. Qt's warnings are only logged.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

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
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from rrdesk.services.platform.crash_report import (
    CrashReport,
    build_crash_report,
    build_message_report,
)
from rrdesk.services.platform.logging_setup import install_crash_logging, log_uncaught

EXIT_AFTER_CRASH = 70
"""The exit code when the person closes rrdesk from the crash dialog (``EX_SOFTWARE``)."""

HEADING = "Something went wrong"
WHAT_HAPPENED = (
    "Something went wrong in rrdesk. Your work is saved up to your last change: rrdesk saves "
    "each change completely or not at all. Check that the last thing you did is there."
)
WHAT_TO_DO = (
    "You can carry on, or close rrdesk and open it again. If this keeps happening, copy the "
    "report and send it to your IT service desk. The report says where in rrdesk the problem "
    "was. It holds no case details."
)
WHAT_TO_DO_AT_START = (
    "rrdesk has to close. Open it again. If this keeps happening, copy the report and send it "
    "to your IT service desk. The report says where in rrdesk the problem was. It holds no case "
    "details."
)

log = logging.getLogger("rrdesk.crash")
qt_log = logging.getLogger("rrdesk.qt")


def _qt_version() -> str:
    import PySide6

    return f"{qVersion()} (PySide6 {PySide6.__version__})"


def _more_text(count: int) -> str:
    if count == 1:
        return "1 more problem happened after this one."
    return f"{count} more problems happened after this one."


class CrashDialog(QDialog):
    """Says a bug happened; offers the report to copy, and closing rrdesk or carrying on."""

    def __init__(
        self,
        report: CrashReport,
        *,
        can_carry_on: bool,
        copy: Callable[[str], None],
        close_app: Callable[[], None],
    ) -> None:
        super().__init__(None)
        self.report = report
        self.more = 0
        self._copy = copy
        self._close_app = close_app
        self.setObjectName("crash_dialog")
        self.setWindowTitle(HEADING)
        self.setAccessibleName(HEADING)
        # Qt is named only when a dialog is wanted: naming it at start-up builds its whole
        # namespace (see rrdesk/ui/kit/item_roles.py).
        from PySide6.QtCore import Qt

        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.heading = self._label("crash_heading", HEADING)
        self.heading.setProperty("role", "heading")
        self.what_happened = self._label("crash_what_happened", WHAT_HAPPENED)
        self.what_to_do = self._label(
            "crash_what_to_do", WHAT_TO_DO if can_carry_on else WHAT_TO_DO_AT_START
        )
        self.more_label = self._label("crash_more", "")
        self.more_label.hide()
        self.copied_label = self._label("crash_copied", "")
        self.copy_button = self._button("copy_report_button", "Copy report")
        self.close_button = self._button("close_rrdesk_button", "Close rrdesk")
        self.carry_on_button = self._button("carry_on_button", "Carry on")
        self.carry_on_button.setVisible(can_carry_on)
        (self.carry_on_button if can_carry_on else self.close_button).setDefault(True)
        layout = QVBoxLayout(self)
        for label in (
            self.heading,
            self.what_happened,
            self.what_to_do,
            self.more_label,
            self.copied_label,
        ):
            layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.carry_on_button)
        layout.addLayout(buttons)
        self._connect_signals()

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAccessibleName(text or name.replace("_", " "))
        return label

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        return button

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.carry_on_button.clicked.connect(self._on_carry_on_button_clicked)

    def count_one_more(self) -> None:
        self.more += 1
        self.more_label.setText(_more_text(self.more))
        self.more_label.setAccessibleName(self.more_label.text())
        self.more_label.show()

    def _on_copy_button_clicked(self) -> None:
        self._copy(self.report.text())
        self.copied_label.setText("Report copied. Paste it into an email to your IT service desk.")

    def _on_close_button_clicked(self) -> None:
        self.accept()
        self._close_app()

    def _on_carry_on_button_clicked(self) -> None:
        self.reject()


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
        report = build_crash_report(kind, error, trace, qt_version=_qt_version())
        self._show(report, ending=_reached_the_top(trace))

    def _on_thread_error(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        error = args.exc_value if args.exc_value is not None else args.exc_type()
        log_uncaught(args.exc_type, error, args.exc_traceback)
        report = build_crash_report(
            args.exc_type, args.exc_value, args.exc_traceback, qt_version=_qt_version()
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
        report = build_message_report(
            name, context.file, context.line, context.function, qt_version=_qt_version()
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
