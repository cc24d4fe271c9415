"""The decision sheet's slow work (rendering, signing, checking) on the task runner, shown as a
progress bar with a Stop button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from rrdesk.ui.shell.tasks import TaskHandle, TaskStarter

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class SheetTaskBar(QWidget):
    running_changed = Signal(bool)

    def __init__(self, runner: TaskStarter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheet_task_bar")
        self._runner = runner
        self._task: TaskHandle | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("sheet_progress")
        self.progress.setAccessibleName("Progress")
        self.label = QLabel()
        self.label.setObjectName("sheet_progress_label")
        self.cancel_button = QPushButton("Stop")
        self.cancel_button.setObjectName("stop_signing")
        self.cancel_button.setAccessibleName("Stop")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self._show_running(False)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(
        self,
        label: str,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``work`` off the UI thread; ``done`` or ``failed`` is called on it afterwards."""
        self.label.setText(label)
        self.progress.setRange(0, 0)
        self._show_running(True)
        finished = False

        def on_done(result: Any) -> None:
            nonlocal finished
            finished = True
            self._task = None
            self._show_running(False)
            done(result)

        def on_error(error: BaseException) -> None:
            nonlocal finished
            finished = True
            self._task = None
            self._show_running(False)
            failed(error)

        handle = self._runner.start(
            work, on_done=on_done, on_error=on_error, on_progress=self._on_progress
        )
        if not finished:  # an immediate runner has already finished
            self._task = handle

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.label.setText("Stopping…")

    def _show_running(self, running: bool) -> None:
        for widget in (self.progress, self.label, self.cancel_button):
            widget.setVisible(running)
        self.running_changed.emit(running)
