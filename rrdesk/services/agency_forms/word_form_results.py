"""What the Word form service gives back: a document written, a returned form as read, a return
accepted, and a request's row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rrdesk.domain.agency_forms.agency_form_record import FormRecord
from rrdesk.domain.agency_forms.form_matching import ReturnRow
from rrdesk.domain.agency_forms.returned_form import FoundBy, ReadAnswers
from rrdesk.domain.agency_forms.text_checks import Finding, TextChecker
from rrdesk.domain.agency_forms.word_form_content import FormProperties, WordFormContent
from rrdesk.exports.word.comments_document import WordComment

READ_UNDER_HEADINGS = (
    "This form was saved by a program that removed its answer boxes, so rrdesk read each answer "
    "from under its question heading. Check each one."
)
"""Said once, above the rows, of a form whose answer boxes were removed (LibreOffice, saving a
Word form, removes them all); not on every row."""


@dataclass(frozen=True)
class WrittenForm:
    """A Word document written where the person chose."""

    path: Path
    request_id: str
    """The request the document answers ("" for a blank form)."""
    password: str | None = None
    """The password it is encrypted with (show it to pass on separately), or ``None`` when it
    is not encrypted."""
    password_is_new: bool = False
    """True when the password was made for this document (the request had none before)."""
    comments: int = 0
    """For a form returned with comments: how many comments it holds."""

    @property
    def encrypted(self) -> bool:
        return self.password is not None


@dataclass(frozen=True)
class FormToWrite:
    """What a request's form needs from the store, read (its password kept) on the UI thread:
    building and encrypting it (:meth:`WordForms.form_file`) touches no store, so it can run
    off the UI thread."""

    case_id: int
    agency: str
    content: WordFormContent
    request_id: str
    password: str | None
    password_is_new: bool


@dataclass(frozen=True)
class CommentsToWrite:
    """An agency's latest returned document and the comments to add to it, read from the store
    on the UI thread: adding them and encrypting (:meth:`WordForms.comments_file`) touches no
    store."""

    case_id: int
    agency: str
    request_id: str
    original: bytes = field(repr=False)
    comments: tuple[WordComment, ...]
    title: str
    reasons: tuple[str, ...]
    author: str
    password: str | None = field(repr=False)


@dataclass(frozen=True)
class EmailToWrite:
    """A request, reminder or returned form's email and the document it attaches, read from the
    store on the UI thread: the attachment's bytes (:meth:`WordForms.email_attachment`) touch
    no store; :meth:`WordForms.finish_email` makes the draft."""

    case_id: int
    agency: str
    reminder: bool
    file_name: str
    form: FormToWrite | None = None
    comments: CommentsToWrite | None = None


@dataclass(frozen=True)
class ReturnReading:
    """What reading a returned form for a request needs from the store, read on the UI thread:
    reading the file (:meth:`WordForms.read_prepared`) touches no store, so it can run off
    the UI thread."""

    case_id: int
    agency: str
    expected: FormProperties
    kept_password: str | None
    current: FormRecord
    checker: TextChecker
    replaces_quality_assured: bool
    version: int


@dataclass(frozen=True)
class ReturnPreview:
    """A returned form as read, before anything is saved: pass it to
    :meth:`WordForms.accept_return` to store it."""

    case_id: int
    agency: str
    file_name: str
    properties: FormProperties
    encrypted: bool
    rows: tuple[ReturnRow, ...]
    """Every question: what the document says beside the current answer, and how it was
    found (by its answer box, under its heading, or not at all)."""
    findings: Mapping[str, tuple[Finding, ...]]
    """The text checks' findings in the returned answers, by field (a question key, or
    ``key.row.column`` in a chronology)."""
    replaces_quality_assured: bool
    """True when accepting would replace a quality-assured form (it goes back to received)."""
    version: int
    """The version this return becomes when accepted (1 for the first)."""
    read: ReadAnswers = field(repr=False)
    docx: bytes = field(repr=False, default=b"")
    password: str | None = field(repr=False, default=None)

    @property
    def changed(self) -> tuple[ReturnRow, ...]:
        """The questions whose answer would change."""
        return tuple(row for row in self.rows if row.changed)

    @property
    def not_found(self) -> tuple[ReturnRow, ...]:
        """The questions the document does not have at all (their answers are kept)."""
        return tuple(row for row in self.rows if not row.read and row.found_by is FoundBy.MISSING)

    @property
    def finding_count(self) -> int:
        return sum(len(group) for group in self.findings.values())

    @property
    def read_under_headings(self) -> bool:
        """True when most answers found were read from under their questions' headings: the
        program that saved the form removed its answer boxes, not the author one or two."""
        found = [row for row in self.rows if row.found_by is not FoundBy.MISSING]
        under = sum(1 for row in found if row.found_by is FoundBy.HEADING)
        return under > 1 and under * 2 > len(found)

    @property
    def reading_note(self) -> str:
        """How the answers were read, said once for the whole form, or nothing."""
        return READ_UNDER_HEADINGS if self.read_under_headings else ""

    def read_differently(self, row: ReturnRow) -> bool:
        """Whether ``row`` says it was read from under its question: only where that sets it
        apart from the rest of the form (its answer box deleted, the others kept)."""
        return row.found_by is FoundBy.HEADING and not self.read_under_headings

    @property
    def warning(self) -> str:
        """What the person should know before accepting, or nothing."""
        if self.replaces_quality_assured:
            return (
                f"{self.agency}'s form is quality assured. Accepting this return replaces it: "
                "it goes back to received and needs quality assurance again."
            )
        return ""


@dataclass(frozen=True)
class AcceptedReturn:
    """A return stored as the agency's form."""

    version: int
    replaced_quality_assured: bool
    received_recorded: bool
    """True when a RECEIVED event was recorded (the form was awaited or quality assured)."""
    findings: Mapping[str, tuple[Finding, ...]]


@dataclass(frozen=True)
class FormRow:
    """An agency's request for ``rrdesk forms`` and the screens' table."""

    agency: str
    request_id: str
    status: str
    words: str
    sent_on: date | None
    due_on: date | None
    received_on: date | None
    versions: int
    encrypted: bool
    """True when a password is kept for the request's form."""
