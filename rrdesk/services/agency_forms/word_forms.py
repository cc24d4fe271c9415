"""Agency check forms as Word documents: the form out, the returned form in, and the form back
with comments. The screens and ``rrdesk`` commands call this service; it never shows anything.

The usual flow on an agency's row:

1. :meth:`WordForms.write_form` writes the form for a requested agency. With identifying details
   it is encrypted with Office's own encryption under a fresh password for the request, which
   the result carries (:attr:`WrittenForm.password`) for the coordinator to pass on by telephone
   or a separate message; rrdesk keeps it, in the encrypted store. Without them it is not
   encrypted. :meth:`WordForms.write_blank_form` writes one with no case.
2. :meth:`WordForms.read_return` reads a returned file without changing anything, and gives
   what it read beside the current answers, with the text checks' findings
   (:class:`ReturnPreview`). It raises a :class:`ReturnedFormError` subclass with a one-line
   reason for a file it will not take: :class:`PasswordNeededError` (ask for the password and
   call again with it), :class:`WrongPasswordError`, :class:`NotAWordFormError` (old Word, PDF,
   renamed, damaged, too large, zip bomb, macros) or :class:`ReturnMismatchError` (another case,
   agency, request or form version).
3. :meth:`WordForms.accept_return` stores the preview as the agency's form, a new version
   (:meth:`WordForms.return_versions`), and records it as received.
4. :meth:`WordForms.write_return_with_comments` writes the agency's own document back with each
   finding as a Word comment and the reasons for returning it at the top.
"""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from rrdesk.domain.agency_forms.agency_requests import AgencyRequest, request_status
from rrdesk.domain.agency_forms.form_matching import ReturnedFormError, ReturnMismatchError
from rrdesk.domain.agency_forms.word_form_content import (
    FormProperties,
    WordFormContent,
    form_version,
    identifying_details,
)
from rrdesk.exports.mail_and_calendar.request_email import EmailAttachment
from rrdesk.exports.word.check_form_document import build_check_form_document
from rrdesk.exports.word.office_files import (
    NotAWordFormError,
    PasswordNeededError,
    WrongPasswordError,
    encrypt_word_file,
)
from rrdesk.services.agency_forms.agency_forms_service import EmailDraft
from rrdesk.services.agency_forms.word_form_results import (
    AcceptedReturn,
    EmailToWrite,
    FormRow,
    FormToWrite,
    ReturnPreview,
    ReturnReading,
    WrittenForm,
)
from rrdesk.services.agency_forms.word_form_returns import WordFormReturns
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.files import write_exported_file

__all__ = [
    "AcceptedReturn",
    "FormRow",
    "FormToWrite",
    "NotAWordFormError",
    "PasswordNeededError",
    "ReturnMismatchError",
    "ReturnPreview",
    "ReturnReading",
    "ReturnedFormError",
    "WordForms",
    "WrittenForm",
    "WrongPasswordError",
    "new_password",
]

_PASSWORD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
ENCRYPTED_WORDS = (
    "The form is attached. It names the child and family so that you can search your records, "
    "so it is protected with a password. We will give you the password by telephone or in a "
    "separate message: never send it with the form."
)
UNENCRYPTED_WORDS = (
    "The form is attached. It holds no names or other details of the child or family, so it has "
    "no password; we will tell you separately who it is about."
)


def new_password() -> str:
    """A fresh password for a request's form: 16 letters and digits in groups of four, easy to
    read out over the telephone (no 0, O, 1 or I)."""
    letters = "".join(secrets.choice(_PASSWORD_LETTERS) for _ in range(16))
    return "-".join(letters[i : i + 4] for i in range(0, 16, 4))


class WordForms(WordFormReturns):
    """The Word form out, the returned form in, and the form back with comments."""

    def request_id(self, case_id: int, agency: str) -> str:
        """The request's stable identifier, given now if it has none yet (recorded)."""
        return self._ensure_request_id(case_id, agency).request_id

    def case_reference(self, case_id: int) -> str:
        """The case's reference, which the files' suggested names begin with."""
        return find_case(self._session, case_id).reference

    def form_rows(self, case_id: int, today: date) -> list[FormRow]:
        """Each requested agency with its status, dates, request identifier and versions."""
        return self._form_rows(case_id, today)

    def write_form(
        self,
        case_id: int,
        agency: str,
        path: Path,
        *,
        identifying: bool,
        today: date,
        password: str | None = None,
    ) -> WrittenForm:
        """Write the form for ``agency``'s request to ``path`` (a ``.docx``).

        With ``identifying`` the child's and family's details are in it and it is encrypted:
        with ``password`` when given (kept as the request's password), else the request's kept
        password, else a fresh one made now. Without, it holds no identifying details and is
        not encrypted. Raises :class:`RequestError` when the agency is not requested for the
        case, :class:`FileNotSavedError` when the file cannot be written."""
        return self._write_form(case_id, agency, path, identifying, today, password)

    def write_blank_form(self, path: Path) -> WrittenForm:
        """Write a form with no case, agency or due date, not encrypted, for a partnership that
        sends its own covering letter. A blank form returned filled in matches any request."""
        return self._write_blank_form(path)

    # The same in steps, for a screen that runs the slow part off the UI thread

    def prepare_form(
        self,
        case_id: int,
        agency: str,
        *,
        identifying: bool,
        today: date,
        password: str | None = None,
    ) -> FormToWrite:
        """:meth:`write_form`'s work with the store: the request's identifier and, with
        ``identifying``, its password (kept now when new). Then :meth:`form_file` (no store)
        and, once the bytes are saved, :meth:`record_form_written`."""
        return self._prepare_form(case_id, agency, identifying, today, password)

    def form_file(self, prepared: FormToWrite) -> bytes:
        """The form's ``.docx`` bytes, encrypted when it has a password. Touches no store."""
        data = build_check_form_document(prepared.content)
        return encrypt_word_file(data, prepared.password) if prepared.password else data

    def record_form_written(self, prepared: FormToWrite, path: Path) -> WrittenForm:
        """Record in the audit trail that the form was saved at ``path``."""
        what = (
            "encrypted, with identifying details"
            if prepared.password
            else "without identifying details"
        )
        with self._session.db.transaction():
            self._session.record(
                "agency_forms",
                "Wrote an agency check form as a Word document",
                case_id=prepared.case_id,
                detail={"note": f"{prepared.agency} ({prepared.request_id}): {what}, {path.name}"},
            )
        return WrittenForm(path, prepared.request_id, prepared.password, prepared.password_is_new)

    def reading(self, case_id: int, agency: str) -> ReturnReading:
        """:meth:`read_return`'s work with the store; then :meth:`read_prepared`."""
        return self._reading(case_id, agency)

    def read_prepared(
        self, reading: ReturnReading, path: Path, *, password: str | None = None
    ) -> ReturnPreview:
        """:meth:`read_return` with the store's part already read. Touches no store."""
        return self._read_prepared(reading, path, password)

    def read_return(
        self, case_id: int, agency: str, path: Path, *, password: str | None = None
    ) -> ReturnPreview:
        """Read a returned file for ``agency``'s request; nothing is changed.

        An encrypted file is opened with ``password``, or when none is given with the password
        kept for the request; :class:`PasswordNeededError` when neither is there. Raises a
        :class:`ReturnedFormError` subclass (one-line ``message``) for a file it will not take.
        """
        return self._read_return(case_id, agency, path, password)

    def accept_return(self, preview: ReturnPreview, today: date) -> AcceptedReturn:
        """Store ``preview`` as the agency's form: a new version, answers replaced for every
        question the document has, ready for quality assurance. An awaited request is recorded
        as received; a quality-assured one goes back to received ("changed after quality
        assurance"). One transaction with an audit entry."""
        return self._accept_return(preview, today)

    def return_versions(self, case_id: int, agency: str) -> list[tuple[int, date, str]]:
        """Each accepted return: its version, the date it was accepted and its file's name."""
        return self._return_versions(case_id, agency)

    def write_return_with_comments(
        self, case_id: int, agency: str, path: Path, today: date
    ) -> WrittenForm:
        """Write the agency's latest returned document to ``path`` with each finding in its
        answers as a Word comment on the words concerned, and the reasons of the latest return
        for more information at the top; encrypted with the request's password when it has
        one. :class:`ReturnedFormError` when no Word form has been returned yet."""
        return self._write_return_with_comments(case_id, agency, path, today)

    def request_email(
        self, case_id: int, agency: str, today: date, *, reminder: bool = False
    ) -> tuple[EmailDraft, WrittenForm | None]:
        """The request (or reminder, or returned form's) email as an ``.eml`` draft with the
        form attached: the form with identifying details, encrypted, when the request has a
        password kept, otherwise without them; a returned form's email attaches the form
        with comments. The body says how the form is protected, never the password or a name.
        Returns the draft and, for a form made with a new password, that password to show."""
        return self._request_email(case_id, agency, today, reminder)

    def prepare_email(
        self, case_id: int, agency: str, today: date, *, reminder: bool = False
    ) -> EmailToWrite:
        """:meth:`request_email` in steps: this reads the store; :meth:`email_attachment`
        builds (and encrypts) the document, touching no store; :meth:`finish_email` makes the
        draft."""
        return self._prepare_email(case_id, agency, today, reminder)

    def email_attachment(self, prepared: EmailToWrite) -> EmailAttachment:
        """The document the email attaches. Touches no store."""
        return self._email_attachment(prepared)

    def finish_email(
        self, prepared: EmailToWrite, attachment: EmailAttachment, today: date
    ) -> tuple[EmailDraft, WrittenForm | None]:
        """The draft with ``attachment``, and the attached form's password when it is new."""
        return self._finish_email(prepared, attachment, today)

    def request(self, case_id: int, agency: str) -> AgencyRequest:
        return self.forms.request(case_id, agency)

    # Writing the form

    def _prepare_form(
        self, case_id: int, agency: str, identifying: bool, today: date, password: str | None
    ) -> FormToWrite:
        request = self._ensure_request_id(case_id, agency)
        case = find_case(self._session, case_id)
        form = self.forms.form
        content = WordFormContent(
            partnership=self._session.partnership,
            form=form,
            properties=FormProperties(
                case.reference, agency, request.request_id, form_version(form)
            ),
            due_on=request.due_on or self.forms.due_date_for(case_id, today),
            identifying=identifying_details(case.children) if identifying else (),
        )
        if not identifying:
            return FormToWrite(case_id, agency, content, request.request_id, None, False)
        kept = self._password(case_id, agency)
        chosen = password or kept or new_password()
        if chosen != kept:
            with self._session.db.transaction():
                self._keep_password(case_id, agency, chosen)
                self._session.record(
                    "agency_forms",
                    "Made a password for an agency's encrypted Word form",
                    case_id=case_id,
                    detail={"note": agency},
                )
        return FormToWrite(case_id, agency, content, request.request_id, chosen, chosen != kept)

    def _form_bytes(
        self, case_id: int, agency: str, identifying: bool, today: date, password: str | None
    ) -> tuple[bytes, str, str | None, bool]:
        """The form's bytes, its request identifier, its password and whether that is new."""
        prepared = self._prepare_form(case_id, agency, identifying, today, password)
        data = self.form_file(prepared)
        return data, prepared.request_id, prepared.password, prepared.password_is_new

    def _write_form(
        self,
        case_id: int,
        agency: str,
        path: Path,
        identifying: bool,
        today: date,
        password: str | None,
    ) -> WrittenForm:
        prepared = self._prepare_form(case_id, agency, identifying, today, password)
        write_exported_file(path, self.form_file(prepared))
        return self.record_form_written(prepared, path)

    def _write_blank_form(self, path: Path) -> WrittenForm:
        form = self.forms.form
        content = WordFormContent(
            partnership=self._session.partnership,
            form=form,
            properties=FormProperties(form_version=form_version(form)),
        )
        write_exported_file(path, build_check_form_document(content))
        return WrittenForm(path, "")

    # The table of requests

    def _form_rows(self, case_id: int, today: date) -> list[FormRow]:
        for request in self.forms.requests(case_id):
            if not request.request_id:
                self._ensure_request_id(case_id, request.agency)
        profile = self.forms.settings.profile(find_case(self._session, case_id).profile)
        calendar = self.forms.calendar()
        rows = []
        for request in self.forms.requests(case_id):
            status = request_status(
                request,
                today,
                due_soon_working_days=profile.due_soon_working_days,
                add_working_days=calendar.add_working_days,
            )
            rows.append(
                FormRow(
                    agency=request.agency,
                    request_id=request.request_id,
                    status=status.status.value,
                    words=status.words,
                    sent_on=request.sent_on,
                    due_on=request.due_on,
                    received_on=request.received_on,
                    versions=len(self._versions(case_id, request.agency)),
                    encrypted=self._password(case_id, request.agency) is not None,
                )
            )
        return rows

    # The email

    def _prepare_email(
        self, case_id: int, agency: str, today: date, reminder: bool
    ) -> EmailToWrite:
        reference = find_case(self._session, case_id).reference
        stage = self.forms.request(case_id, agency).stage
        if stage is not None and stage.kind.value == "returned" and self._versions(case_id, agency):
            return EmailToWrite(
                case_id,
                agency,
                reminder,
                f"{reference}-agency-check-form-with-comments.docx",
                comments=self._prepare_comments(case_id, agency),
            )
        identifying = self._password(case_id, agency) is not None
        return EmailToWrite(
            case_id,
            agency,
            reminder,
            f"{reference}-agency-check-form.docx",
            form=self._prepare_form(case_id, agency, identifying, today, None),
        )

    def _email_attachment(self, prepared: EmailToWrite) -> EmailAttachment:
        if prepared.comments is not None:
            data = self.comments_file(prepared.comments)
            password = prepared.comments.password
        else:
            assert prepared.form is not None
            data = self.form_file(prepared.form)
            password = prepared.form.password
        words = ENCRYPTED_WORDS if password else UNENCRYPTED_WORDS
        return EmailAttachment(prepared.file_name, data, words)

    def _finish_email(
        self, prepared: EmailToWrite, attachment: EmailAttachment, today: date
    ) -> tuple[EmailDraft, WrittenForm | None]:
        draft = self.forms.request_email(
            prepared.case_id,
            prepared.agency,
            today,
            reminder=prepared.reminder,
            attachment=attachment,
        )
        form = prepared.form
        if form is None or not form.password_is_new:
            return draft, None
        return draft, WrittenForm(Path(prepared.file_name), form.request_id, form.password, True)

    def _request_email(
        self, case_id: int, agency: str, today: date, reminder: bool
    ) -> tuple[EmailDraft, WrittenForm | None]:
        prepared = self._prepare_email(case_id, agency, today, reminder)
        return self._finish_email(prepared, self._email_attachment(prepared), today)
