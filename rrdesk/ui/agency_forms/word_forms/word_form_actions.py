"""The Word form's actions on the Agency forms tab: save a request's form (its password shown
once), a blank form, the email draft with the form attached, add a returned form (chosen or
dropped on the agency's row), and the agency's own document back with comments.

Encrypting and reading files run on the task runner; the store is read and written only on the
UI thread, before and after. Every refusal is shown as its one-line reason and changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QWidget

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.services.agency_forms.word_form_results import FormToWrite, ReturnReading
from rrdesk.services.agency_forms.word_forms import (
    PasswordNeededError,
    ReturnPreview,
    WordForms,
    WrittenForm,
    WrongPasswordError,
)
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.ui.agency_forms.word_forms.form_dialogs import (
    FormProtectionDialog,
    PasswordAskDialog,
    PasswordShownDialog,
)
from rrdesk.ui.agency_forms.word_forms.returned_form_review import ReturnedFormReviewDialog
from rrdesk.ui.shell.file_dialogs import EMAIL_FILES, DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import Cancelled, Progress, TaskStarter

WORD_FILES = "Word documents (*.docx)"
RETURNED_FILES = "Word documents (*.docx);;All files (*)"


def _file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 -]+", "", text).strip()[:60] or "agency"


class WordFormActions(QObject):
    """The Word form's actions for one case. ``changed`` is emitted when the store changed
    (``return_accepted`` too, with the agency, once a returned form is stored)."""

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
        self._agency_at: Callable[[QWidget, QDropEvent], str | None] | None = None

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

    # Saving the form

    def save_form(self, agency: str) -> None:
        """Ask whether the form names the child, where to save it; save it off the UI thread."""
        if self._busy:
            return
        rows = self._service.form_rows(self._case_id, self._today())
        has_password = any(r.encrypted for r in rows if r.agency == agency)
        dialog = FormProtectionDialog(agency, has_password=has_password, parent=self._parent)
        dialog.chosen.connect(lambda identifying: self._save_form_to(agency, identifying))
        self._show(dialog)

    def _save_form_to(self, agency: str, identifying: bool) -> None:
        reference = self._service.case_reference(self._case_id)
        path = self._files.save_file(
            self._parent,
            "Save the Word form",
            f"{reference} {_file_part(agency)} agency check form.docx",
            WORD_FILES,
        )
        if path is None:
            return
        try:
            prepared = self._service.prepare_form(
                self._case_id, agency, identifying=identifying, today=self._today()
            )
        except UserError as error:
            self._refused("The Word form was not saved", error)
            return
        self._busy = True
        service = self._service

        def work(_progress: Progress, _cancelled: Cancelled) -> bytes:
            return service.form_file(prepared)

        self._runner.start(
            work,
            on_done=lambda data: self._on_form_built(prepared, path, data),
            on_error=lambda error: self._refused("The Word form was not saved", error),
        )

    def _on_form_built(self, prepared: FormToWrite, path: Path, data: bytes) -> None:
        self._busy = False
        try:
            write_exported_file(path, data)
        except FileNotSavedError as error:
            self._messages.error(self._parent, "The Word form was not saved", error.message)
            return
        written = self._service.record_form_written(prepared, path)
        self.changed.emit()
        self._show_saved(prepared.agency, written)

    def _show_saved(self, agency: str, written: WrittenForm) -> None:
        if written.password is None:
            self._messages.info(
                self._parent,
                "Word form saved",
                f"Saved {written.path.name} in {written.path.parent}. It has no password and "
                "no names: tell the agency separately who it is about.",
            )
            return
        self._show(
            PasswordShownDialog(
                agency,
                written.path.name,
                written.password,
                self._messages,
                is_new=written.password_is_new,
                parent=self._parent,
            )
        )

    def save_blank_form(self) -> None:
        """A form with no case, for a partnership that sends its own covering letter."""
        path = self._files.save_file(
            self._parent, "Save a blank Word form", "Agency check form (blank).docx", WORD_FILES
        )
        if path is None:
            return
        try:
            self._service.write_blank_form(path)
        except UserError as error:
            self._refused("The blank form was not saved", error)
            return
        self._messages.info(
            self._parent,
            "Blank form saved",
            f"Saved {path.name} in {path.parent}. It names no case or agency. When it comes "
            "back filled in, add it on the agency's row as any returned form.",
        )

    # The email, with the form attached

    def save_email(self, agency: str, *, reminder: bool) -> None:
        """The request, reminder or returned form's email with the form attached, saved as a
        draft and opened in the mail program."""
        try:
            draft, made = self._service.request_email(
                self._case_id, agency, self._today(), reminder=reminder
            )
        except UserError as error:
            self._refused("The email draft was not saved", error)
            return
        if made is not None:  # a password made for the attached form
            self.changed.emit()
        path = self._files.save_file(
            self._parent, "Save the email draft", draft.file_name, EMAIL_FILES
        )
        if path is None:
            return
        try:
            write_exported_file(path, draft.body)
        except FileNotSavedError as error:
            self._messages.error(self._parent, "The email draft was not saved", error.message)
            return
        if not self._opener.open_file(path):
            self._opener.show_folder(path)
            self._messages.info(
                self._parent,
                "Email draft saved",
                f"The draft was saved as {path.name} in {path.parent}, but your mail program "
                "did not open it. Open it from that folder.",
            )
        if made is not None and made.password is not None:
            self._show(
                PasswordShownDialog(
                    agency,
                    made.path.name,
                    made.password,
                    self._messages,
                    is_new=True,
                    parent=self._parent,
                )
            )

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

    def _on_return_refused(self, reading: ReturnReading, path: Path, error: BaseException) -> None:
        self._busy = False
        asking = self.dialog if isinstance(self.dialog, PasswordAskDialog) else None
        if isinstance(error, WrongPasswordError) and asking is not None and asking.isVisible():
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
        self._messages.info(
            self._parent,
            "Returned form added",
            f"{preview.agency}'s returned form is stored as version {accepted.version}, "
            f"received {format_date(self._today())}.{replaced} "
            f"{count} {'thing' if count == 1 else 'things'} to look at: see Quality assurance.",
        )

    # Back with comments

    def offer_return_with_comments(self, agency: str) -> None:
        """After a form is returned for more information: save the agency's own document with
        comments and the email to send with it, when the agency sent a Word form."""
        if not self._service.return_versions(self._case_id, agency):
            return
        if not self._messages.confirm(
            self._parent,
            "Send the form back with comments?",
            f"Save {agency}'s own Word form with a comment on each thing to look at and your "
            "reasons at the top, and the email to send it with?",
            yes="Save the form with comments\u2026",
            no="Not now",
        ):
            return
        reference = self._service.case_reference(self._case_id)
        path = self._files.save_file(
            self._parent,
            "Save the form with comments",
            f"{reference} {_file_part(agency)} agency check form with comments.docx",
            WORD_FILES,
        )
        if path is None:
            return
        try:
            written = self._service.write_return_with_comments(
                self._case_id, agency, path, self._today()
            )
        except UserError as error:
            self._refused("The form with comments was not saved", error)
            return
        protected = (
            " It is protected with the same password as before."
            if written.password is not None
            else ""
        )
        self._messages.info(
            self._parent,
            "Form with comments saved",
            f"Saved {path.name} with {written.comments} comments.{protected} Now save the "
            "email to send it with.",
        )
        self.save_email(agency, reminder=False)

    # Files dropped on the tab

    def accept_drops(
        self, targets: list[QWidget], agency_at: Callable[[QWidget, QDropEvent], str | None]
    ) -> None:
        """Take a file dropped on any of ``targets`` as the returned form of the agency
        ``agency_at`` names for the drop (its row, or the one selected)."""
        self._agency_at = agency_at
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            moving = cast(QDragMoveEvent, event)
            if _local_files(moving):
                moving.acceptProposedAction()
                return True
        if kind == QEvent.Type.Drop and isinstance(watched, QWidget):
            drop = cast(QDropEvent, event)
            files = _local_files(drop)
            if not files:
                return False
            drop.acceptProposedAction()
            self._on_file_dropped(watched, drop, files)
            return True
        return super().eventFilter(watched, event)

    def _on_file_dropped(self, target: QWidget, drop: QDropEvent, files: list[Path]) -> None:
        agency = self._agency_at(target, drop) if self._agency_at else None
        if agency is None:
            self._messages.error(
                self._parent,
                "Which agency's form is it?",
                "Drop the returned form on the agency's row, or select the agency first.",
            )
        elif len(files) > 1:
            self._messages.error(
                self._parent,
                "One form at a time",
                "Drop one returned form at a time, on its agency's row.",
            )
        else:
            self.add_returned_form(agency, files[0])


def _local_files(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
