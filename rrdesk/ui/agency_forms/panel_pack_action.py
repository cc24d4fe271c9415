"""'Build the panel pack…': the user chooses where to save it, the PDF is rendered off the UI
thread with a progress bar and a Cancel button, and only a finished pack is written, atomically,
where the user chose. Nothing goes to a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from rrdesk.domain.agency_forms.panel_pack_content import PanelPackContent
from rrdesk.domain.errors import UserError
from rrdesk.exports.pdf.panel_pack import RenderCancelled, render_panel_pack
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskHandle, TaskStarter


class PanelPackBuilder(QWidget):
    def __init__(
        self,
        service: AgencyFormsService,
        case_id: int,
        messages: Messages,
        today: Callable[[], date],
        runner: TaskStarter,
        files: FileDialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("panel_pack_builder")
        self._service = service
        self._case_id = case_id
        self._messages = messages
        self._today = today
        self._runner = runner
        self._files = files
        self._handle: TaskHandle | None = None
        self._path: Path | None = None
        self._forms = 0
        self.build_button = QPushButton("Build the panel pack\u2026")
        self.build_button.setObjectName("build_panel_pack")
        self.progress = QProgressBar()
        self.progress.setObjectName("panel_pack_progress")
        self.progress.setAccessibleName("Building the panel pack")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel_panel_pack")
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setObjectName("panel_pack_status")
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.build_button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.status, 2)
        self.build_button.clicked.connect(self.build)
        self.cancel_button.clicked.connect(self.cancel)

    @property
    def building(self) -> bool:
        return self._handle is not None

    def build(self) -> None:
        if self._handle is not None:
            return
        content = self._service.panel_pack_content(self._case_id, self._today())
        path = self._files.save_file(
            self,
            "Save the panel pack",
            f"{content.case_reference} panel pack.pdf",
            "PDF document (*.pdf)",
        )
        if path is None:
            return
        self._path = path
        self._forms = len(content.forms)
        self.build_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText("Building the panel pack\u2026")

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> bytes:
            return render(content, progress, cancelled)

        self._handle = self._runner.start(
            work,
            on_done=self._on_task_done,
            on_error=self._on_task_error,
            on_progress=self._on_task_progress,
        )

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Stopping\u2026")

    def _finish(self) -> None:
        self._handle = None
        self.progress.hide()
        self.cancel_button.hide()
        self.build_button.setEnabled(True)

    def _on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_task_done(self, result: object) -> None:
        self._finish()
        path = self._path
        if path is None or not isinstance(result, bytes):
            return
        try:
            write_exported_file(path, result)
        except FileNotSavedError as error:
            self.status.setText("The panel pack was not saved.")
            self._messages.error(self, "The panel pack was not saved", error.message)
            return
        self._service.record_panel_pack(self._case_id, path.name, self._forms)
        self.status.setText(f"Saved {path.name} in {path.parent}.")

    def _on_task_error(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, RenderCancelled):
            self.status.setText("The panel pack was not built. Nothing was saved.")
            return
        self.status.setText("The panel pack could not be built. Nothing was saved.")
        if isinstance(error, UserError):
            self._messages.error(self, "The panel pack could not be built", error.message)
            return
        raise error  # a bug: the crash dialog reports it


def render(
    content: PanelPackContent,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> bytes:
    """The work done off the UI thread: plain values in, bytes out."""
    return render_panel_pack(content, progress, cancelled)
