"""The National Panel submission: its details form, what is missing, and the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rrdesk.domain.after_meeting.panel_submission_content import (
    PanelSubmission,
    build_submission,
    missing_items,
)
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    Involvement,
    SubmissionDetails,
    details_from_dict,
    details_to_dict,
)
from rrdesk.domain.cases.document_kinds import DocumentKind, ExportKind
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.services.after_meeting.theme_catalogue import load_taxonomy
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.cases.case_records import load_meeting
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_changes import booked_meeting_date


class SubmissionError(UserError):
    """The submission cannot be made, said in plain words."""


class SubmissionService:
    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def calendar(self) -> BankHolidayCalendar:
        return self._session.calendar

    def details(self, case_id: int) -> SubmissionDetails:
        """The details recorded, with every agency as the decision sheet lists it: each asked
        for a check form as its form says (or as recorded here while it is awaited), then each
        recorded here and never asked; the key episodes recorded here are kept."""
        details = details_from_dict(
            self._session.documents.get(case_id, DocumentKind.SUBMISSION_DETAILS)
        )
        from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
        from rrdesk.services.agency_forms.agency_involvement import FormReturn, form_returns

        states = {
            FormReturn.AWAITED: Involvement.CONTACTED,
            FormReturn.NIL_RETURN: Involvement.NIL_RETURN,
            FormReturn.INVOLVED: Involvement.INVOLVED,
        }
        episodes = {c.agency.strip(): c.key_episodes for c in details.agencies}
        agencies = tuple(
            AgencyContribution(agency, states[state], episodes.get(agency.strip(), ""))
            for agency, state in form_returns(AgencyFormsService(self._session), case_id)
        )
        return replace(details, agencies=agencies)

    def save_details(self, case_id: int, details: SubmissionDetails) -> None:
        session = self._session
        with session.db.transaction():
            session.documents.put(
                case_id, DocumentKind.SUBMISSION_DETAILS, details_to_dict(details)
            )
            session.record("submission", "Saved the submission details", case_id=case_id)

    def build(self, case_id: int, today: date) -> PanelSubmission:
        case = find_case(self._session, case_id)
        taxonomy = load_taxonomy(self._session)
        return build_submission(
            case,
            load_meeting(self._session, case_id),
            self.details(case_id),
            partnership=self._session.partnership,
            prepared_on=today,
            calendar=self.calendar,
            theme_label=taxonomy.label_of,
            meeting_date=booked_meeting_date(self._session, case_id),
        )

    def not_notified(self, case_id: int) -> str:
        """Why the case has no submission when it was never notified to the National Panel (a
        referral, or the threshold not met); empty when it was notified."""
        case = find_case(self._session, case_id)
        if case.notification_sent is not None:
            return ""
        return (
            f"{case.reference} was not notified to the National Panel, so there is no "
            "submission to send. If it should have been, record the date the notification "
            "was sent on the Case details tab first."
        )

    def missing(self, case_id: int, today: date) -> tuple[str, ...]:
        return missing_items(self.build(case_id, today))

    def export(self, case_id: int, today: date, *, allow_missing: bool = False) -> bytes:
        """The submission PDF, kept as a new exported version with an audit entry.

        With items missing, :class:`SubmissionError` lists them unless ``allow_missing``
        (a draft): nothing is silently left blank.
        """
        from rrdesk.exports.pdf.panel_submission import render_panel_submission

        not_notified = self.not_notified(case_id)
        if not_notified:
            raise SubmissionError(not_notified)
        submission = self.build(case_id, today)
        missing = missing_items(submission)
        if missing and not allow_missing:
            raise SubmissionError(
                "The submission is not complete. Still to record:\n"
                + "\n".join(f"- {item}" for item in missing)
            )
        body = render_panel_submission(submission, missing=missing)
        note = "Draft with items missing" if missing else "Complete"
        session = self._session
        with session.db.transaction():
            saved = session.documents.add_export(case_id, ExportKind.PANEL_SUBMISSION, body, note)
            session.record(
                "submission",
                "Exported the National Panel submission",
                case_id=case_id,
                detail={"note": f"Version {saved.version}: {note.lower()}"},
            )
        return body
