"""The "Email for sign-off" draft for a signed decision sheet: recipients, deadline and message."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.directory import Member, partner_executives
from rrdesk.domain.decision_sheet.dissent import email_words
from rrdesk.domain.decision_sheet.version_out_of_date import OutOfDate
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.domain.timetable.profiles import ProcessProfile
from rrdesk.exports.mail_and_calendar.sign_off_email import (
    AlreadyAnswered,
    SignOffEmail,
    SignOffRecipient,
    build_sign_off_email,
)
from rrdesk.exports.signatures.verification import signing_fingerprint
from rrdesk.services.decision_sheet.decision_sheet_service import DecisionSheetService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.profile_catalogue import UnknownProfileError, load_profile
from rrdesk.storage.document_repository import ExportedDocument

__all__ = [
    "COPY_PANEL_SETTING",
    "OutOfDate",
    "SignOffDraftError",
    "SignOffDrafts",
    "SignOffRecipient",
]

COPY_PANEL_SETTING = "sign_off_copies_panel"
"""``yes`` when the partnership copies its statutory partners' voting panel members in."""


class SignOffDraftError(UserError):
    """The draft cannot be made; the message is fit to show the user."""


class SignOffDrafts:
    def __init__(
        self,
        session: Session,
        sheets: DecisionSheetService,
    ) -> None:
        self._session = session
        self._sheets = sheets

    @property
    def calendar(self) -> BankHolidayCalendar:
        return self._session.calendar

    def recipients(self, case_id: int | None = None) -> list[SignOffRecipient]:
        """One addressee per statutory partner: its executive lead, or its deputy if it has no
        lead. A partner with neither is written to at its agency's own address, if any.

        For a case, only the partners who have not answered yet: the first email goes to every
        partner, a later one not to those who have signed it off or answered with comments."""
        everyone = self._executives()
        if case_id is None:
            return everyone
        answered = {a.partner for a in self.answered(case_id)}
        return [r for r in everyone if r.partner not in answered]

    def answered(self, case_id: int) -> list[AlreadyAnswered]:
        """The partners who have answered the case's sheet, by who answered for them."""
        executives = {r.partner: r.name for r in self._executives()}
        found = []
        for answer in self._sheets.sign_off(case_id).partners:
            if answer.agreed is None:
                continue
            partner = answer.partner.short_label
            name = answer.signed_by or executives.get(partner, "")
            found.append(AlreadyAnswered(name, partner, answer.agreed))
        return found

    def _executives(self) -> list[SignOffRecipient]:
        directory = self._session.directory
        agencies = directory.agencies()
        found: list[SignOffRecipient] = []
        for executive in partner_executives(directory.members()):
            partner = executive.partner
            person = executive.addressee
            if person is not None and person.email.strip():
                found.append(_recipient(person, partner.short_label))
                continue
            inbox = next((a for a in agencies if a.partner is partner and a.email.strip()), None)
            if inbox is not None:
                found.append(
                    SignOffRecipient(
                        inbox.name, inbox.email.strip(), inbox.name, partner.short_label
                    )
                )
        return found

    def missing_executives(self) -> list[str]:
        """The partners with no executive lead or deputy in the directory (``Police``...)."""
        return [
            executive.partner.short_label
            for executive in partner_executives(self._session.directory.members())
            if executive.addressee is None
        ]

    def copies_panel(self) -> bool:
        return self._session.settings.get(COPY_PANEL_SETTING) == "yes"

    def set_copies_panel(self, copies: bool) -> None:
        """The partnership's choice: copy its statutory partners' voting panel members in."""
        session = self._session
        with session.db.transaction():
            session.settings.set(COPY_PANEL_SETTING, "yes" if copies else "no")
            session.record(
                "settings",
                "Sign-off emails copy the panel"
                if copies
                else "Sign-off emails go to executives only",
            )

    def copied(self) -> list[SignOffRecipient]:
        """The statutory partners' voting panel members, when the partnership copies them in."""
        if not self.copies_panel():
            return []
        directory = self._session.directory
        partners = {a.name.strip(): a.partner for a in directory.agencies() if a.partner}
        addressed = {r.email.lower() for r in self._executives()}
        return [
            _recipient(m, partners[m.agency.strip()].short_label)
            for m in directory.members()
            if m.agency.strip() in partners
            and m.on_panel
            and m.voting
            and m.email.strip()
            and m.email.strip().lower() not in addressed
        ]

    def _profile(self, case_id: int) -> ProcessProfile:
        case = self._session.cases.get(case_id)
        try:
            return load_profile(case.profile if case is not None else self._session.profile_name)
        except UnknownProfileError:
            return load_profile(self._session.profile_name)

    def deadline(self, case_id: int) -> date | None:
        """Working day 15 of the case's clock, when the decision is due to the National Panel."""
        case = self._session.cases.get(case_id)
        if case is None or case.notification_sent is None:
            return None
        return compute_timetable(
            self._profile(case_id), self.calendar, case.notification_sent
        ).deadline

    def build(
        self,
        case_id: int,
        sheet: ExportedDocument,
        *,
        deadline: date | None = None,
        recipients: list[SignOffRecipient] | None = None,
        meeting_date: date | None = None,
    ) -> bytes:
        """The .eml draft with ``sheet`` (a signed version) attached."""
        reference = self._sheets.reference(case_id)
        due = deadline if deadline is not None else self.deadline(case_id)
        if due is None:
            raise SignOffDraftError(
                f"{reference} has no notification date, so there is no sign-off deadline. "
                "Enter the date the notification was sent first."
            )
        answered = self.answered(case_id)
        chosen = self.recipients(case_id) if recipients is None else recipients
        if answered and not chosen:
            raise SignOffDraftError(
                f"Every partner has answered for {reference} already, so there is nobody left "
                "to ask for sign-off."
            )
        if not any(r.email for r in chosen):
            raise SignOffDraftError(
                "There is nobody to send it to. In the Directory, record the executive lead of "
                "the local authority, the police and health, each with an email address."
            )
        decision = self._profile(case_id).decision
        draft = SignOffEmail(
            case_reference=reference,
            partnership=self._session.partnership,
            version=sheet.version,
            recipients=tuple(chosen),
            copied=tuple(self.copied()),
            decided_by=decision.decided_by,
            recommended_by=decision.recommended_by,
            if_not_agreed=email_words(decision.dissent),
            answered=tuple(answered),
            deadline=due,
            pdf=sheet.body,
            pdf_name=f"{reference} decision sheet v{sheet.version}.pdf",
            meeting_date=meeting_date or self._sheets.meeting_date(case_id),
            sender_name=self._session.sender_name,
            fingerprint=signing_fingerprint(sheet.body),
        )
        return build_sign_off_email(draft)

    def out_of_date(self, case_id: int, sheet: ExportedDocument, today: date) -> OutOfDate | None:
        """Why ``sheet`` is not the version to send now (see
        :meth:`DecisionSheetService.out_of_date`), or None when it is."""
        return self._sheets.out_of_date(case_id, sheet.version, today)

    def file_name(self, case_id: int, sheet: ExportedDocument) -> str:
        return f"{self._sheets.reference(case_id)} decision sheet v{sheet.version} for sign-off.eml"


def _recipient(person: Member, partner: str) -> SignOffRecipient:
    return SignOffRecipient(person.name, person.email.strip(), person.agency, partner, person.role)
