"""Creating or importing the signing certificate on the task runner, shown as a busy bar with
what is being done: making the key and locking it under the passphrase take a moment, and the
window answers meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from rrdesk.ui.shell.tasks import Cancelled, Progress, TaskStarter

CREATING = "Creating the certificate and locking its key with your passphrase…"
IMPORTING = "Reading the certificate file and locking its key with your passphrase…"


class CertificateProgress(QWidget):
    running_changed = Signal(bool)

    def __init__(self, runner: TaskStarter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_progress")
        self._runner = runner
        self.running = False
        self.label = QLabel()
        self.label.setObjectName("certificate_progress_label")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("certificate_progress_bar")
        self.bar.setAccessibleName("Progress")
        self.bar.setRange(0, 0)  # busy: the steps cannot be counted
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.setVisible(False)

    def start(
        self,
        label: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``work`` off the UI thread; ``done`` or ``failed`` is called on it afterwards."""
        self.label.setText(label)
        self._show_running(True)

        def task(_progress: Progress, _cancelled: Cancelled) -> Any:
            return work()

        def on_done(result: Any) -> None:
            self._show_running(False)
            done(result)

        def on_error(error: BaseException) -> None:
            self._show_running(False)
            failed(error)

        self._runner.start(task, on_done=on_done, on_error=on_error)

    def _show_running(self, running: bool) -> None:
        self.running = running
        self.setVisible(running)
        self.running_changed.emit(running)
