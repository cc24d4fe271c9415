"""The "Email for sign-off" draft for a signed decision sheet: recipients, deadline and message."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.exports.mail_and_calendar.sign_off_email import (
    SignOffEmail,
    SignOffRecipient,
    build_sign_off_email,
)
from rrdesk.services.decision_sheet.decision_sheet_service import DecisionSheetService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.profile_catalogue import UnknownProfileError, load_profile
from rrdesk.storage.document_repository import ExportedDocument

_PARTNER_NAMES = {
    StatutoryPartner.LOCAL_AUTHORITY: "Local authority",
    StatutoryPartner.POLICE: "Police",
    StatutoryPartner.HEALTH: "Health",
}


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

    def recipients(self) -> list[SignOffRecipient]:
        """The statutory partners' voting panel members; an agency's own address if it has none.

        Partners are the agencies in the directory with a statutory partner set.
        """
        directory = self._session.directory
        members = directory.members()
        found: list[SignOffRecipient] = []
        for agency in directory.agencies():
            if agency.partner is None:
                continue
            partner = _PARTNER_NAMES[agency.partner]
            people = [
                SignOffRecipient(m.name, m.email.strip(), agency.name, partner)
                for m in members
                if m.agency.strip() == agency.name.strip()
                and m.on_panel
                and m.voting
                and m.email.strip()
            ]
            if not people and agency.email.strip():
                people = [SignOffRecipient(agency.name, agency.email.strip(), agency.name, partner)]
            found.extend(people)
        return found

    def deadline(self, case_id: int) -> date | None:
        """Working day 15 of the case's clock, when the decision is due to the National Panel."""
        case = self._session.cases.get(case_id)
        if case is None or case.notification_sent is None:
            return None
        try:
            profile = load_profile(case.profile)
        except UnknownProfileError:
            profile = load_profile(self._session.profile_name)
        return compute_timetable(profile, self.calendar, case.notification_sent).deadline

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
        chosen = self.recipients() if recipients is None else recipients
        if not any(r.email for r in chosen):
            raise SignOffDraftError(
                "There is nobody to send it to. In the Directory, mark the local authority, "
                "police and health agencies as statutory partners and give their voting panel "
                "members an email address."
            )
        draft = SignOffEmail(
            case_reference=reference,
            partnership=self._session.partnership,
            version=sheet.version,
            recipients=tuple(chosen),
            deadline=due,
            pdf=sheet.body,
            pdf_name=f"{reference} decision sheet v{sheet.version}.pdf",
            meeting_date=meeting_date or self._sheets.meeting_date(case_id),
            sender_name=self._session.actor,
        )
        return build_sign_off_email(draft)

    def file_name(self, case_id: int, sheet: ExportedDocument) -> str:
        return f"{self._sheets.reference(case_id)} decision sheet v{sheet.version} for sign-off.eml"
