"""Adding the Word form an agency sends back, chosen or dropped on its row: its password asked
for when rrdesk does not hold it, read on the task runner, and shown beside the current answers
before anything is stored. Every refusal is shown as its one-line reason and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QTableWidget, QWidget

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.agency_forms.word_form_results import ReturnReading
from rrdesk.services.agency_forms.word_forms import (
    PasswordNeededError,
    ReturnPreview,
    WordForms,
    WrongPasswordError,
)
from rrdesk.ui.agency_forms.word_forms.file_drops import FileDrops
from rrdesk.ui.agency_forms.word_forms.form_dialogs import PasswordAskDialog
from rrdesk.ui.agency_forms.word_forms.returned_form_review import ReturnedFormReviewDialog
from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import Cancelled, Progress, TaskStarter

RETURNED_FILES = "Word documents (*.docx);;All files (*)"


class ReturnedFormActions(QObject):
    """Adding a returned Word form for one case, chosen or dropped on the tab. ``changed`` is
    emitted when the store changed (``return_accepted`` too, with the agency, once a returned
    form is stored)."""

    changed = Signal()
    return_accepted = Signal(str)

    def __init__(
        self,
        service: WordForms,
        case_id: int,
        messages: Messages,
        today: Callable[[], date],
        runner: TaskStarter,
        files: FileDialogs,
        opener: DesktopOpener,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._case_id = case_id
        self._messages = messages
        self._today = today
        self._runner = runner
        self._files = files
        self._opener = opener
        self._parent = parent
        self._busy = False
        self.dialog: QDialog | None = None
        """The dialog this asked for last (a test answers it as a person would)."""
        self._drops: FileDrops | None = None

    @property
    def busy(self) -> bool:
        """True while a form is being encrypted or read."""
        return self._busy

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _refused(self, title: str, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, UserError):
            self._messages.error(self._parent, title, error.message)
            return
        raise error  # a bug: the crash dialog reports it

    # The returned form

    def add_returned_form(self, agency: str, path: Path | None = None) -> None:
        """Read ``path`` (or a file chosen now) as ``agency``'s returned form and show it beside
        the current answers; nothing is stored until the person accepts."""
        if self._busy:
            return
        if path is None:
            path = self._files.open_file(
                self._parent, f"Add the form returned by {agency}", RETURNED_FILES
            )
            if path is None:
                return
        try:
            reading = self._service.reading(self._case_id, agency)
        except UserError as error:
            self._refused("The returned form was not added", error)
            return
        self._read(reading, path, None)

    def _read(self, reading: ReturnReading, path: Path, password: str | None) -> None:
        self._busy = True
        service = self._service

        def work(_progress: Progress, _cancelled: Cancelled) -> ReturnPreview:
            return service.read_prepared(reading, path, password=password)

        self._runner.start(
            work,
            on_done=self._on_return_read,
            on_error=lambda error: self._on_return_refused(reading, path, error),
        )

    def _asking_cancelled(self) -> bool:
        """True when the person cancelled the password's question while the form was read,
        or the tab was closed: what was read is then dropped."""
        if not shiboken6.isValid(self._parent):
            return True
        asking = self.dialog
        return isinstance(asking, PasswordAskDialog) and not asking.isVisible()

    def _on_return_refused(self, reading: ReturnReading, path: Path, error: BaseException) -> None:
        self._busy = False
        if self._asking_cancelled():
            return
        asking = self.dialog if isinstance(self.dialog, PasswordAskDialog) else None
        if isinstance(error, WrongPasswordError) and asking is not None:
            asking.show_problem(error.message)
            return
        if isinstance(error, PasswordNeededError):
            dialog = PasswordAskDialog(path.name, error.message, self._parent)
            dialog.password_given.connect(lambda typed: self._read(reading, path, typed))
            self._show(dialog)
            return
        if asking is not None:
            asking.reject()
        self._refused("The returned form was not added", error)

    def _on_return_read(self, preview: ReturnPreview) -> None:
        self._busy = False
        if self._asking_cancelled():
            return
        if isinstance(self.dialog, PasswordAskDialog):
            self.dialog.accept()
        review = ReturnedFormReviewDialog(preview, self._parent)
        review.accepted_return.connect(lambda: self._accept(preview))
        self._show(review)

    def _accept(self, preview: ReturnPreview) -> None:
        try:
            accepted = self._service.accept_return(preview, self._today())
        except UserError as error:
            self._refused("The returned form was not added", error)
            return
        self.changed.emit()
        self.return_accepted.emit(preview.agency)
        count = sum(len(group) for group in accepted.findings.values())
        replaced = (
            " It replaced the quality-assured form, which goes back to received and needs "
            "quality assurance again."
            if accepted.replaced_quality_assured
            else ""
        )
        received = (
            f", and recorded as received on {format_date(self._today())}"
            if accepted.received_recorded and not accepted.replaced_quality_assured
            else ""
        )
        self._messages.info(
            self._parent,
            "Returned form added",
            f"{preview.agency}'s returned form is stored as version {accepted.version}"
            f"{received}.{replaced} {count} {'thing' if count == 1 else 'things'} to look at: "
            "see Quality assurance.",
        )

    # Files dropped on the tab

    def accept_drops(
        self, table: QTableWidget, tab: QWidget, selected: Callable[[], str | None]
    ) -> None:
        """Take a file dropped on an agency's row of ``table`` as its returned form, or dropped
        elsewhere on ``tab`` as the ``selected`` agency's."""
        self._drops = FileDrops(table, tab, selected, self._messages, self.add_returned_form)
