"""Requests to agencies for check forms and the chasing of them: sent, reminded, received,
returned, quality assured; and each form as it is stored.

Requests are one case document (kind ``agency_requests``); each agency's form is another (kind
``check_form``, named after the agency). Every change is one transaction with an audit entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rrdesk.domain.agency_forms.agency_form_record import (
    FormRecord,
    record_from_dict,
    record_to_dict,
)
from rrdesk.domain.agency_forms.agency_request_codec import requests_from_dict, requests_to_dict
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    RequestError,
    RequestStatus,
    ReturnReason,
    StatusView,
    due_date,
    record_quality_assured,
    record_received,
    record_reminder,
    record_returned,
    record_sent,
    request_status,
)
from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import meaningful_answers
from rrdesk.domain.cases.directory import Agency
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.return_window import due_after_meeting_warning, latest_meeting_day
from rrdesk.services.agency_forms.check_form_loader import load_form_definition
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.services.timetable.timetable_changes import booked_meeting_date


def answers_entered(record: FormRecord) -> bool:
    """Whether a form holds any answer beyond the agency's name, which a new form starts with."""
    return any(key != "agency" for key in meaningful_answers(record.answers))


EDITED_FORM_SETTING = "agency_check_form"
"""A partnership's edited ``agency-check-form.toml``, kept in the store's settings."""


AWAITED = frozenset(
    {RequestStatus.SENT, RequestStatus.DUE_SOON, RequestStatus.OVERDUE, RequestStatus.RETURNED}
)


@dataclass(frozen=True)
class RequestRow:
    """A row of the requests table: the request, its status in words, and its form's state."""

    request: AgencyRequest
    status: StatusView
    form_started: bool
    form_ready: bool
    meeting_warning: str | None = None
    """Set when the form is awaited and due after the meeting (or its latest day)."""
    form_entered: bool = False
    """True when anything is entered in the form beyond the agency's name."""

    @property
    def agency(self) -> str:
        return self.request.agency


class RequestChasing:
    """The requests for a case's check forms, and reading each form as stored."""

    def __init__(
        self,
        session: Session,
        *,
        form: FormDefinition | None = None,
        settings: CalendarSettings | None = None,
    ) -> None:
        self._session = session
        self.form_notice: str | None = None
        """Why a partnership's edited form was refused (the shipped form is used instead)."""
        if form is None:
            edited = session.settings.get(EDITED_FORM_SETTING) or None
            form, self.form_notice = load_form_definition(edited)
        self.form = form
        self.settings = settings or CalendarSettings(session)
        self._audited_drafts: set[tuple[int, str]] = set()

    @property
    def session(self) -> Session:
        return self._session

    # The case and its calendar

    def calendar(self) -> BankHolidayCalendar:
        return self.settings.calendar()

    def due_date_for(self, case_id: int, sent_on: date) -> date:
        """When a request sent on ``sent_on`` is due back, by the case's profile."""
        profile = self.settings.profile(find_case(self._session, case_id).profile)
        calendar = self.calendar()
        return due_date(sent_on, profile.agency_return_max_working_days, calendar.add_working_days)

    # Requests

    def agencies(self) -> list[Agency]:
        """The agencies in the directory, to choose from: those recorded as agencies and those
        the directory's people work for (the Directory screen adds people, and with them their
        agency's name), in the order of their names."""
        directory = self._session.directory
        recorded = directory.agencies()
        named = {a.name.casefold() for a in recorded}
        people = {
            m.agency.strip(): Agency(m.agency.strip())
            for m in directory.members()
            if m.agency.strip() and m.agency.strip().casefold() not in named
        }
        return sorted([*recorded, *people.values()], key=lambda a: a.name.casefold())

    def requests(self, case_id: int) -> list[AgencyRequest]:
        return requests_from_dict(
            self._session.documents.get(case_id, DocumentKind.AGENCY_REQUESTS)
        )

    def request(self, case_id: int, agency: str) -> AgencyRequest:
        for found in self.requests(case_id):
            if found.agency == agency:
                return found
        raise RequestError(f"{agency} has not been chosen for this case")

    def _save_requests(
        self, case_id: int, requests: Sequence[AgencyRequest], action: str, note: str
    ) -> None:
        session = self._session
        with session.db.transaction():
            session.documents.put(case_id, DocumentKind.AGENCY_REQUESTS, requests_to_dict(requests))
            session.record("agency_forms", action, case_id=case_id, detail={"note": note})

    def choose_agencies(self, case_id: int, names: Iterable[str]) -> list[AgencyRequest]:
        """Ask these agencies for forms. A request already sent is never dropped."""
        wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        ids = {a.name: a.agency_id for a in self._session.directory.agencies()}
        current = {r.agency: r for r in self.requests(case_id)}
        kept = [r for r in current.values() if r.agency in wanted or r.stage is not None]
        added = [AgencyRequest(n, ids.get(n)) for n in wanted if n not in current]
        chosen = sorted([*kept, *added], key=lambda r: r.agency.casefold())
        if [r.agency for r in chosen] != sorted(current, key=str.casefold):
            self._save_requests(
                case_id, chosen, "Chose the agencies asked for forms", ", ".join(wanted)
            )
        return chosen

    def _change(self, case_id: int, agency: str, changed: AgencyRequest, action: str) -> None:
        requests = [changed if r.agency == agency else r for r in self.requests(case_id)]
        self._save_requests(case_id, requests, action, agency)

    def record_sent(self, case_id: int, agency: str, on: date) -> AgencyRequest:
        due = self.due_date_for(case_id, on)
        changed = record_sent(self.request(case_id, agency), on, due, recorded_by=self._actor)
        self._change(case_id, agency, changed, "Recorded a request for an agency check form")
        return changed

    def chase_due_date(self, case_id: int, today: date) -> date:
        """The new date a chased form is asked for: ``today`` plus the case's profile's "due
        soon" window in working days (3 in the statutory profile)."""
        profile = self.settings.profile(find_case(self._session, case_id).profile)
        return self.calendar().add_working_days(today, profile.due_soon_working_days)

    def record_reminder(self, case_id: int, agency: str, on: date, note: str = "") -> date | None:
        """Log a reminder sent on ``on``. A form already overdue then (or returned with no date)
        is asked for by a new date, :meth:`chase_due_date`, as the reminder's email says: it is
        stored with the reminder, and the form is due then. Returns that new date, if any."""
        request = self.request(case_id, agency)
        due = request.due_on
        new_due = self.chase_due_date(case_id, on) if due is None or due < on else None
        changed = record_reminder(request, on, note, due_on=new_due, recorded_by=self._actor)
        self._change(case_id, agency, changed, "Logged a reminder for an agency check form")
        return new_due

    def record_received(self, case_id: int, agency: str, on: date) -> None:
        changed = record_received(self.request(case_id, agency), on, recorded_by=self._actor)
        self._change(case_id, agency, changed, "Recorded an agency check form as received")

    def record_returned(
        self,
        case_id: int,
        agency: str,
        on: date,
        reasons: Iterable[ReturnReason],
        note: str = "",
        *,
        due_on: date | None = None,
    ) -> None:
        """Send the form back for more information: its author can edit it again."""
        changed = record_returned(
            self.request(case_id, agency),
            on,
            reasons,
            note,
            due_on=due_on,
            recorded_by=self._actor,
        )
        session = self._session
        with session.db.transaction():
            self._change(
                case_id, agency, changed, "Returned an agency check form for more information"
            )
            record = self.load_form(case_id, agency)
            reopened = replace(record, ready_on=None, findings_looked_at=False)
            session.documents.put(
                case_id, DocumentKind.CHECK_FORM, record_to_dict(reopened), agency
            )

    def record_quality_assured(self, case_id: int, agency: str, on: date) -> None:
        """The form goes in the panel pack. A form with nothing entered is refused: there is
        nothing to assure."""
        if not self.form_entered(case_id, agency):
            raise RequestError(
                f"Nothing has been entered in the form from {agency} yet. Enter the form "
                "before marking it quality assured"
            )
        changed = record_quality_assured(self.request(case_id, agency), on, recorded_by=self._actor)
        self._change(case_id, agency, changed, "Marked an agency check form quality assured")

    def status_rows(self, case_id: int, today: date) -> list[RequestRow]:
        profile = self.settings.profile(find_case(self._session, case_id).profile)
        calendar = self.calendar()
        started = set(self._session.documents.names(case_id, DocumentKind.CHECK_FORM))
        late = self._late_for_meeting(case_id, profile.latest_meeting_working_day, today)
        rows = []
        for request in self.requests(case_id):
            status = request_status(
                request,
                today,
                due_soon_working_days=profile.due_soon_working_days,
                add_working_days=calendar.add_working_days,
            )
            ready = entered = False
            if request.agency in started:
                record = self.load_form(case_id, request.agency)
                ready = record.ready_on is not None
                entered = answers_entered(record)
            warning = late(request.due_on) if status.status in AWAITED else None
            rows.append(
                RequestRow(
                    request,
                    status,
                    request.agency in started,
                    ready,
                    form_entered=entered,
                    meeting_warning=warning,
                )
            )
        return rows

    def _late_for_meeting(
        self, case_id: int, latest_working_day: int, today: date
    ) -> Callable[[date | None], str | None]:
        """For a form awaited and due on a date: the warning if that is after the meeting (the
        booked one, or the latest day the profile allows), while there is still time to ask."""
        notified = find_case(self._session, case_id).notification_sent
        if notified is None:
            return lambda due: None
        calendar = self.calendar()
        meeting = booked_meeting_date(self._session, case_id)
        latest = latest_meeting_day(notified, latest_working_day, calendar)
        if today > (meeting or latest):
            return lambda due: None
        return lambda due: (
            None
            if due is None
            else due_after_meeting_warning(
                due, meeting=meeting, latest_meeting=latest, calendar=calendar
            )
        )

    def statuses_count(self, case_id: int, today: date) -> dict[RequestStatus, int]:
        counts: dict[RequestStatus, int] = {}
        for row in self.status_rows(case_id, today):
            counts[row.status.status] = counts.get(row.status.status, 0) + 1
        return counts

    @property
    def _actor(self) -> str:
        return self._session.actor

    def form_entered(self, case_id: int, agency: str) -> bool:
        """Whether anything is entered in the agency's form beyond the agency's name."""
        return answers_entered(self.load_form(case_id, agency))

    def return_due_date(self, case_id: int, agency: str, returned_on: date) -> date:
        """When a form returned on ``returned_on`` should come back, to suggest: the request's
        due date while it is still ahead, otherwise the profile's shortest time to complete a
        form from the return."""
        due = self.request(case_id, agency).due_on
        if due is not None and due > returned_on:
            return due
        profile = self.settings.profile(find_case(self._session, case_id).profile)
        return due_date(
            returned_on, profile.agency_return_min_working_days, self.calendar().add_working_days
        )

    def load_form(self, case_id: int, agency: str) -> FormRecord:
        data = self._session.documents.get(case_id, DocumentKind.CHECK_FORM, agency)
        if data is None:
            return FormRecord(agency=agency, answers={"agency": agency})
        return record_from_dict(data, agency)
