"""The letter to the referrer when the threshold is not met, recorded against the case."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.after_meeting.learning_documents import (
    letter_details_from_dict,
    letter_details_to_dict,
)
from rrdesk.domain.after_meeting.threshold_letter import (
    LetterDetails,
    LetterTemplate,
    LetterTemplateError,
    ThresholdLetter,
    fill_letter,
    letter_notes,
    letter_problems,
    parse_letter_template,
)
from rrdesk.domain.cases.document_kinds import DocumentKind, ExportKind
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date
from rrdesk.resource_files import form
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.partnership.contact_details import ContactDetails
from rrdesk.services.store.session import Session
from rrdesk.storage.document_repository import ExportedDocument

LETTER_FORM = "threshold-letter.toml"


class LetterError(UserError):
    """The letter cannot be made yet, said in plain words."""


def load_letter_template(edited: str | None = None) -> LetterTemplate:
    """The partnership's edited letter if it has one, else the shipped one."""
    if edited:
        try:
            return parse_letter_template(edited)
        except LetterTemplateError:
            pass  # checked when given; fall back to the standard wording
    try:
        text = form(LETTER_FORM).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LetterTemplateError(f"The letter form could not be read: {error}") from None
    return parse_letter_template(text)


class ThresholdLetterService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def details(self, case_id: int) -> LetterDetails:
        return letter_details_from_dict(
            self._session.documents.get(case_id, DocumentKind.THRESHOLD_LETTER)
        )

    def save_details(self, case_id: int, details: LetterDetails) -> None:
        session = self._session
        with session.db.transaction():
            session.documents.put(
                case_id, DocumentKind.THRESHOLD_LETTER, letter_details_to_dict(details)
            )
            session.record("threshold_letter", "Saved the letter to the referrer", case_id=case_id)

    def problems(self, case_id: int) -> tuple[str, ...]:
        return letter_problems(
            find_case(self._session, case_id),
            self.details(case_id),
            ContactDetails(self._session).contact(),
        )

    def notes(self, case_id: int) -> tuple[str, ...]:
        return letter_notes(
            find_case(self._session, case_id),
            self.details(case_id),
            load_letter_template(self._session.settings.get("threshold_letter_form") or None),
        )

    def letter(self, case_id: int, today: date) -> ThresholdLetter:
        return fill_letter(
            find_case(self._session, case_id),
            self.details(case_id),
            load_letter_template(self._session.settings.get("threshold_letter_form") or None),
            partnership=self._session.partnership,
            today=today,
            contact=ContactDetails(self._session).contact(),
        )

    def export(self, case_id: int, today: date) -> bytes:
        """The letter as a PDF, kept as a new version against the case with an audit entry."""
        from rrdesk.exports.pdf.threshold_letter import render_threshold_letter

        problems = self.problems(case_id)
        if problems:
            raise LetterError(
                "The letter cannot be made yet:\n" + "\n".join(f"- {p}" for p in problems)
            )
        letter = self.letter(case_id, today)
        body = render_threshold_letter(letter, self._session.partnership)
        session = self._session
        with session.db.transaction():
            saved = session.documents.add_export(
                case_id, ExportKind.THRESHOLD_LETTER, body, f"To {', '.join(letter.addressee[:1])}"
            )
            session.record(
                "threshold_letter",
                "Made the letter to the referrer",
                case_id=case_id,
                detail={"note": f"Version {saved.version}, dated {format_date(today)}"},
            )
        return body

    def versions(self, case_id: int) -> list[ExportedDocument]:
        return self._session.documents.exports(case_id, ExportKind.THRESHOLD_LETTER)
