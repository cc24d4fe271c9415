"""The Word form's actions on the Agency forms tab: save a request's form (its password shown
once), a blank form, the email draft with the form attached, and the agency's own document
back with comments; adding a returned form is :mod:`returned_form_actions`'s.

Encrypting and reading files run on the task runner; the store is read and written only on the
UI thread, before and after. Every refusal is shown as its one-line reason and changes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from rrdesk.domain.agency_forms.agency_requests import EventKind
from rrdesk.domain.errors import UserError
from rrdesk.exports.mail_and_calendar.request_email import EmailAttachment
from rrdesk.services.agency_forms.word_form_results import (
    CommentsToWrite,
    EmailToWrite,
    FormToWrite,
)
from rrdesk.services.agency_forms.word_forms import WrittenForm
from rrdesk.services.files import FileNotSavedError, write_exported_file
from rrdesk.ui.agency_forms.word_forms.form_dialogs import (
    FormProtectionDialog,
    PasswordShownDialog,
)
from rrdesk.ui.agency_forms.word_forms.returned_form_actions import ReturnedFormActions
from rrdesk.ui.shell.file_dialogs import EMAIL_FILES
from rrdesk.ui.shell.tasks import Cancelled, Progress

WORD_FILES = "Word documents (*.docx)"


def _file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 -]+", "", text).strip()[:60] or "agency"


class WordFormActions(ReturnedFormActions):
    """The Word form's actions for one case: the form out, the returned form in, and the form
    back with comments."""

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

    def save_email(self, agency: str, *, reminder: bool | None = None) -> None:
        """The request, reminder (by default, while the form is awaited) or returned form's
        email with the form attached (built off the UI thread), saved as a draft and opened in
        the mail program."""
        if self._busy:
            return
        if reminder is None:
            stage = self._service.request(self._case_id, agency).stage
            reminder = stage is not None and stage.kind in (EventKind.SENT, EventKind.RETURNED)
        try:
            prepared = self._service.prepare_email(
                self._case_id, agency, self._today(), reminder=reminder
            )
        except UserError as error:
            self._refused("The email draft was not saved", error)
            return
        self._busy = True
        service = self._service

        def work(_progress: Progress, _cancelled: Cancelled) -> EmailAttachment:
            return service.email_attachment(prepared)

        self._runner.start(
            work,
            on_done=lambda attachment: self._on_attachment_built(prepared, attachment),
            on_error=lambda error: self._refused("The email draft was not saved", error),
        )

    def _on_attachment_built(self, prepared: EmailToWrite, attachment: EmailAttachment) -> None:
        self._busy = False
        draft, made = self._service.finish_email(prepared, attachment, self._today())
        if made is not None:  # a password made for the attached form, kept in the store
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
                "Your mail program did not open the draft, so rrdesk has opened the folder that "
                f"holds it: {path.parent}. Open {path.name} from there.",
            )
        if made is not None and made.password is not None:
            self._show_saved(prepared.agency, made)

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
            prepared = self._service.prepare_return_with_comments(self._case_id, agency)
        except UserError as error:
            self._refused("The form with comments was not saved", error)
            return
        self._busy = True
        service = self._service

        def work(_progress: Progress, _cancelled: Cancelled) -> bytes:
            return service.comments_file(prepared)

        self._runner.start(
            work,
            on_done=lambda data: self._on_comments_built(prepared, path, data),
            on_error=lambda error: self._refused("The form with comments was not saved", error),
        )

    def _on_comments_built(self, prepared: CommentsToWrite, path: Path, data: bytes) -> None:
        self._busy = False
        try:
            write_exported_file(path, data)
        except FileNotSavedError as error:
            self._messages.error(
                self._parent, "The form with comments was not saved", error.message
            )
            return
        written = self._service.record_return_written(prepared, path)
        self.changed.emit()
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
        self.save_email(prepared.agency, reminder=False)
