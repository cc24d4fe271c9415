"""Agency check forms for a case: the request email and the panel pack, on top of the requests
and chasing (:mod:`request_chasing`), the entry of a form (:mod:`form_entry`) and quality
assurance (:mod:`quality_assurance`), which :class:`AgencyFormsService` joins into one service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts
from rrdesk.domain.agency_forms.agency_requests import EventKind
from rrdesk.domain.agency_forms.panel_pack_content import PanelPackContent
from rrdesk.domain.timetable.meeting_milestone import MEETING_KEY
from rrdesk.domain.timetable.milestones_done import done_by_the_record
from rrdesk.exports.mail_and_calendar.request_email import (
    EmailAttachment,
    RequestEmail,
    RequestKind,
    build_request_email,
)
from rrdesk.services.agency_forms.agency_returns import returns_count
from rrdesk.services.agency_forms.panel_pack_builder import build_panel_pack_content
from rrdesk.services.agency_forms.quality_assurance import QualityAssurance
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.timetable.timetable_service import TimetableService


@dataclass(frozen=True)
class EmailDraft:
    file_name: str
    body: bytes


def _safe_file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-")[:60] or "agency"


class AgencyFormsService(QualityAssurance):
    """Everything about a case's agency check forms, from the request to the panel pack."""

    # The request email and the panel pack

    def request_email(
        self,
        case_id: int,
        agency: str,
        today: date,
        *,
        reminder: bool = False,
        attachment: EmailAttachment | None = None,
    ) -> EmailDraft:
        """The request, a reminder, or a returned form's email, as an ``.eml`` draft: the case
        reference and the due date only, signed with the sender's own name.

        The due date is the request's, or for a request not yet recorded as sent, the date it
        would be due if sent ``today``. A reminder of a form already overdue asks for it by a
        new date, :meth:`chase_due_date`, never a date already past; so does a returned form with
        no new due date of its own. A returned form's email gives the reasons.

        ``attachment`` is the Word form to attach (see ``WordForms.request_email``), whose
        protection the body describes."""
        case = find_case(self._session, case_id)
        request = self.request(case_id, agency)
        emails = {a.name: a.email for a in self._session.directory.agencies()}
        email = RequestEmail(
            partnership=self._session.partnership,
            case_reference=case.reference,
            agency=agency,
            to=emails.get(agency, ""),
            due_on=request.due_on or self.due_date_for(case_id, today),
            sender_name=self._session.sender_name,
            attachment=attachment,
        )
        stage = request.stage
        if stage is not None and stage.kind is EventKind.RETURNED:
            due_on = request.due_on
            chasing = any(r.on >= stage.on for r in request.reminders) or (
                due_on is not None and due_on < today
            )
            email = replace(
                email,
                kind=RequestKind.RETURNED,
                returned_on=stage.on,
                reasons=stage.reasons,
                return_note=stage.note,
                chasing=chasing,
            )
            email = self._not_past(email, case_id, today, due_on)
        elif reminder and stage is not None and stage.kind is EventKind.SENT:
            email = self._not_past(
                replace(email, kind=RequestKind.REMINDER), case_id, today, request.due_on
            )
        kind = {
            RequestKind.REQUEST: "request",
            RequestKind.REMINDER: "reminder",
            RequestKind.RETURNED: "returned",
        }[email.kind]
        return EmailDraft(
            f"{case.reference}-{kind}-{_safe_file_part(agency)}.eml", build_request_email(email)
        )

    def _not_past(
        self, email: RequestEmail, case_id: int, today: date, due_on: date | None
    ) -> RequestEmail:
        if due_on is not None and due_on >= today:
            return replace(email, due_on=due_on)
        return replace(email, due_on=self.chase_due_date(case_id, today), was_due_on=due_on)

    def panel_pack_content(self, case_id: int, today: date) -> PanelPackContent:
        """The case summary, its timetable (with the booked meeting) and every quality-assured
        form, as plain values for the PDF."""
        case = find_case(self._session, case_id)
        record = TimetableService(self._session, self.settings).record(case_id)
        assured = self.quality_assured(case_id)
        return build_panel_pack_content(
            case,
            self._session.partnership,
            self.form,
            assured,
            self.calendar(),
            today,
            profile=self.settings.profile(case.profile),
            meeting_date=record.meeting_date,
            meeting_held=MEETING_KEY in record.done | done_by_the_record(case.stage, None).keys,
            requests=self.requests(case_id),
            assured_with={
                request.agency: self.assured_with(case_id, request.agency)
                for request, _form in assured
            },
        )

    def returns_count(self, case_id: int) -> AgencyCounts | None:
        """The case's agencies counted for the countdown board, or ``None`` when none chosen."""
        return returns_count(self._session, case_id)

    def record_panel_pack(self, case_id: int, file_name: str, forms: int) -> None:
        """The panel pack was built and saved where the user chose."""
        session = self._session
        with session.db.transaction():
            session.record(
                "agency_forms",
                "Built the panel pack",
                case_id=case_id,
                detail={
                    "note": f"{file_name}, {forms} quality-assured form{'' if forms == 1 else 's'}"
                },
            )
