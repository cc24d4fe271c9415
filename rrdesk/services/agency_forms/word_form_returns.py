"""Returned Word forms: reading one for an agency's request, accepting it as a new version, and
writing it back with comments. The request identifiers and passwords these rely on are kept here
too. :class:`rrdesk.services.agency_forms.word_forms.WordForms` is the service to use."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from rrdesk.domain.agency_forms.agency_form_record import FormPosition, FormRecord, record_to_dict
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    EventKind,
    record_changed_after_assurance,
    record_received,
)
from rrdesk.domain.agency_forms.check_form import CHRONOLOGY_COLUMNS
from rrdesk.domain.agency_forms.check_form_findings import narrative_texts
from rrdesk.domain.agency_forms.form_matching import (
    ReturnedFormError,
    check_return_matches,
    confirmed_after_return,
    merged_answers,
    return_rows,
)
from rrdesk.domain.agency_forms.returned_form import read_answers
from rrdesk.domain.agency_forms.word_form_content import FormProperties, form_version
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.mail_and_calendar.request_email import RETURN_REASON_WORDS
from rrdesk.exports.word.comments_document import WordComment, add_comments
from rrdesk.exports.word.form_reading import read_check_form_document
from rrdesk.exports.word.office_files import (
    MAX_FORM_FILE_BYTES,
    NotAWordFormError,
    PasswordNeededError,
    WrongPasswordError,
    encrypt_word_file,
    open_word_file,
)
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.agency_forms.word_form_results import (
    AcceptedReturn,
    CommentsToWrite,
    ReturnPreview,
    ReturnReading,
    WrittenForm,
)
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.files import write_exported_file
from rrdesk.storage.input_files import InputFileError, read_input_file
from rrdesk.storage.migrations import new_request_id

_COLUMNS = [key for key, _label in CHRONOLOGY_COLUMNS]


def read_form_file(path: Path) -> bytes:
    """A returned file's bytes, within the size limit, or a one-line reason."""
    try:
        return read_input_file(path, what="Word form", max_bytes=MAX_FORM_FILE_BYTES)
    except InputFileError as error:
        raise NotAWordFormError(error.message) from None
    except FileNotFoundError:
        raise NotAWordFormError(f"There is no file called {path}.") from None
    except OSError as error:
        raise NotAWordFormError(f"Cannot read {path}: {error.strerror or error}.") from None


class WordFormReturns:
    """Returned Word forms for a case's agency requests."""

    def __init__(self, forms: AgencyFormsService) -> None:
        self.forms = forms
        self._session = forms._session

    # Request identifiers and passwords

    def _ensure_request_id(self, case_id: int, agency: str) -> AgencyRequest:
        requests = self.forms.requests(case_id)
        request = self.forms.request(case_id, agency)
        if request.request_id:
            return request
        given = replace(request, request_id=new_request_id())
        self.forms._save_requests(
            case_id,
            [given if r.agency == agency else r for r in requests],
            "Gave an agency's request its identifier",
            f"{agency}: {given.request_id}",
        )
        return given

    def _password(self, case_id: int, agency: str) -> str | None:
        kept = self._session.documents.get(case_id, DocumentKind.CHECK_FORM_PASSWORD, agency)
        password = (kept or {}).get("password")
        return password if isinstance(password, str) and password else None

    def _keep_password(self, case_id: int, agency: str, password: str) -> None:
        """Keep the request's password (inside a caller's transaction)."""
        self._session.documents.put(
            case_id, DocumentKind.CHECK_FORM_PASSWORD, {"password": password}, agency
        )

    def _expected(self, case_id: int, agency: str) -> FormProperties:
        case = find_case(self._session, case_id)
        return FormProperties(
            case_reference=case.reference,
            agency=agency,
            request_id=self.forms.request(case_id, agency).request_id,
            form_version=form_version(self.forms.form),
        )

    # Versions

    def _versions(self, case_id: int, agency: str) -> list[dict[str, Any]]:
        kept = self._session.documents.get(case_id, DocumentKind.CHECK_FORM_RETURNS, agency)
        versions = (kept or {}).get("versions")
        return [v for v in versions if isinstance(v, dict)] if isinstance(versions, list) else []

    def _return_versions(self, case_id: int, agency: str) -> list[tuple[int, date, str]]:
        return [
            (int(v["version"]), date.fromisoformat(v["accepted_on"]), str(v["file_name"]))
            for v in self._versions(case_id, agency)
        ]

    # Reading and accepting

    def _read_return(
        self, case_id: int, agency: str, path: Path, password: str | None
    ) -> ReturnPreview:
        return self._read_prepared(self._reading(case_id, agency), path, password)

    def _reading(self, case_id: int, agency: str) -> ReturnReading:
        stage = self.forms.request(case_id, agency).stage
        return ReturnReading(
            case_id=case_id,
            agency=agency,
            expected=self._expected(case_id, agency),
            kept_password=self._password(case_id, agency),
            current=self.forms.load_form(case_id, agency),
            checker=self.forms.checker(case_id),
            replaces_quality_assured=stage is not None and stage.kind is EventKind.QUALITY_ASSURED,
            version=len(self._versions(case_id, agency)) + 1,
        )

    def _read_prepared(
        self, reading: ReturnReading, path: Path, password: str | None
    ) -> ReturnPreview:
        """Read the file with what ``reading`` holds; touches no store."""
        data = read_form_file(path)
        kept = reading.kept_password
        try:
            opened = open_word_file(data, path.name, password or kept)
        except WrongPasswordError:
            if password:
                raise
            raise PasswordNeededError(
                f"{path.name} is protected with a password other than the one rrdesk made for "
                "this request: enter its password."
            ) from None
        document = read_check_form_document(opened.docx, self.forms.form)
        check_return_matches(document, reading.expected)
        form = self.forms.form
        read = read_answers(form, document)
        current = reading.current
        merged = merged_answers(current.answers, read)
        findings = self.forms.form_findings(reading.checker, replace(current, answers=merged))
        return ReturnPreview(
            case_id=reading.case_id,
            agency=reading.agency,
            file_name=path.name,
            properties=document.properties,
            encrypted=opened.encrypted,
            rows=return_rows(form, read, current.answers),
            findings=findings,
            replaces_quality_assured=reading.replaces_quality_assured,
            version=reading.version,
            read=read,
            docx=opened.docx,
            password=(password or kept) if opened.encrypted else None,
        )

    def _accept_return(self, preview: ReturnPreview, today: date) -> AcceptedReturn:
        case_id, agency = preview.case_id, preview.agency
        session = self._session
        with session.db.transaction():
            current = self.forms.load_form(case_id, agency)
            record = replace(
                current,
                answers=merged_answers(current.answers, preview.read),
                confirmed_sections=confirmed_after_return(
                    self.forms.form, current.confirmed_sections, preview.read
                ),
                pasted={},
                position=FormPosition(),
                findings_looked_at=False,
                ready_on=today,
            )
            session.documents.put(case_id, DocumentKind.CHECK_FORM, record_to_dict(record), agency)
            versions = self._versions(case_id, agency)
            version = len(versions) + 1
            versions.append(
                {
                    "version": version,
                    "accepted_on": today.isoformat(),
                    "file_name": preview.file_name,
                    "request_id": preview.properties.request_id,
                    "form_version": preview.properties.form_version,
                    "encrypted": preview.encrypted,
                    "docx": base64.b64encode(preview.docx).decode("ascii"),
                }
            )
            session.documents.put(
                case_id, DocumentKind.CHECK_FORM_RETURNS, {"versions": versions}, agency
            )
            if preview.password and not self._password(case_id, agency):
                self._keep_password(case_id, agency, preview.password)
            replaced, received = self._record_received(case_id, agency, today)
            session.record(
                "agency_forms",
                "Imported a returned Word form as an agency check form",
                case_id=case_id,
                detail={"note": f"{agency}: version {version}, from {preview.file_name}"},
            )
        findings = self.forms.form_findings(self.forms.checker(case_id), record)
        return AcceptedReturn(version, replaced, received, findings)

    def _record_received(self, case_id: int, agency: str, today: date) -> tuple[bool, bool]:
        request = self.forms.request(case_id, agency)
        stage = request.stage
        if stage is None or stage.kind is EventKind.RECEIVED:
            return False, False
        on = max(today, request.events[-1].on)
        if stage.kind is EventKind.QUALITY_ASSURED:
            changed = record_changed_after_assurance(request, on, recorded_by=self._session.actor)
            action = "Replaced a quality-assured agency check form with a returned Word form"
        else:
            changed = record_received(request, on, recorded_by=self._session.actor)
            action = "Recorded an agency check form as received"
        self.forms._change(case_id, agency, changed, action)
        return stage.kind is EventKind.QUALITY_ASSURED, True

    # The form back with comments

    def _comments(self, case_id: int, record: FormRecord) -> list[WordComment]:
        findings = self.forms.form_findings(self.forms.checker(case_id), record)
        texts = narrative_texts(self.forms.form, record.answers)
        comments = []
        for field, group in findings.items():
            key, *place = field.split(".")
            text = texts.get(field, "")
            row = int(place[0]) if len(place) == 2 else None
            column = _COLUMNS.index(place[1]) if len(place) == 2 else None
            for finding in group:
                comments.append(
                    WordComment(
                        question=key,
                        text=finding.text,
                        message=finding.message,
                        occurrence=text[: finding.start].count(finding.text),
                        row=row,
                        column=column,
                    )
                )
        return comments

    def _reasons(self, case_id: int, agency: str) -> tuple[str, list[str]]:
        request = self.forms.request(case_id, agency)
        stage = request.stage
        advice = (
            "Each comment in the margin shows what to change. Change your answers in the grey "
            "boxes, then send the form back by secure email."
        )
        if stage is None or stage.kind is not EventKind.RETURNED:
            return "Comments on your form", [advice]
        lines = [RETURN_REASON_WORDS[r] for r in stage.reasons if r in RETURN_REASON_WORDS]
        if stage.note:
            lines.append(stage.note)
        if stage.due_on:
            lines.append(
                f"Please send it back by {format_date(stage.due_on)}: this is the new date, "
                "whatever the form says below."
            )
        title = f"Returned for more information on {format_date(stage.on)}"
        return title, [*lines, advice]

    def prepare_return_with_comments(self, case_id: int, agency: str) -> CommentsToWrite:
        """``write_return_with_comments`` in steps: this reads the store;
        :meth:`comments_file` touches none; :meth:`record_return_written` once saved."""
        return self._prepare_comments(case_id, agency)

    def _prepare_comments(self, case_id: int, agency: str) -> CommentsToWrite:
        versions = self._versions(case_id, agency)
        if not versions:
            raise ReturnedFormError(
                f"No Word form has been returned by {agency} yet: there is no document of "
                "theirs to comment on."
            )
        record = self.forms.load_form(case_id, agency)
        title, reasons = self._reasons(case_id, agency)
        return CommentsToWrite(
            case_id=case_id,
            agency=agency,
            request_id=self.forms.request(case_id, agency).request_id,
            original=base64.b64decode(versions[-1]["docx"]),
            comments=tuple(self._comments(case_id, record)),
            title=title,
            reasons=tuple(reasons),
            author=self._session.sender_name,
            password=self._password(case_id, agency),
        )

    def comments_file(self, prepared: CommentsToWrite) -> bytes:
        """The agency's document with the comments, encrypted when the request has a password.
        Touches no store."""
        data, _on_words = add_comments(
            prepared.original,
            self.forms.form,
            prepared.comments,
            title=prepared.title,
            reasons=prepared.reasons,
            author=prepared.author,
        )
        if prepared.password is not None:
            data = encrypt_word_file(data, prepared.password)
        return data

    def _return_with_comments(self, case_id: int, agency: str) -> tuple[bytes, str | None, int]:
        prepared = self._prepare_comments(case_id, agency)
        return self.comments_file(prepared), prepared.password, len(prepared.comments)

    def record_return_written(self, prepared: CommentsToWrite, path: Path) -> WrittenForm:
        """Record in the audit trail that the document with comments was saved at ``path``."""
        session = self._session
        with session.db.transaction():
            session.record(
                "agency_forms",
                "Wrote an agency's returned Word form back with comments",
                case_id=prepared.case_id,
                detail={
                    "note": f"{prepared.agency}: {len(prepared.comments)} comments, {path.name}"
                },
            )
        return WrittenForm(
            path, prepared.request_id, prepared.password, comments=len(prepared.comments)
        )

    def _write_return_with_comments(
        self, case_id: int, agency: str, path: Path, today: date
    ) -> WrittenForm:
        prepared = self._prepare_comments(case_id, agency)
        write_exported_file(path, self.comments_file(prepared))
        return self.record_return_written(prepared, path)
