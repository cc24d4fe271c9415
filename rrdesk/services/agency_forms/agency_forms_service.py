"""Agency check forms for a case: requests and chasing, the forms as they are entered, quality
assurance, the request email and the panel pack's content.

Requests are one case document (kind ``agency_requests``); each agency's form is another (kind
``check_form``, named after the agency). Every change is one transaction with an audit entry,
except the draft saved as the author types (:meth:`AgencyFormsService.save_form`), which is
audited once per form and session so that the trail is not a keystroke log.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from rrdesk.domain.agency_forms.agency_form_record import (
    FormRecord,
    record_from_dict,
    record_to_dict,
)
from rrdesk.domain.agency_forms.agency_request_codec import requests_from_dict, requests_to_dict
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    EventKind,
    RequestError,
    RequestStatus,
    ReturnReason,
    StatusView,
    due_date,
    record_changed_after_assurance,
    record_quality_assured,
    record_received,
    record_reminder,
    record_returned,
    record_sent,
    request_status,
)
from rrdesk.domain.agency_forms.check_form import FormDefinition
from rrdesk.domain.agency_forms.check_form_answers import (
    DateAnswer,
    form_is_complete,
    meaningful_answers,
)
from rrdesk.domain.agency_forms.check_form_findings import answer_findings
from rrdesk.domain.agency_forms.panel_pack_content import PanelPackContent
from rrdesk.domain.agency_forms.text_checks import (
    Finding,
    TextChecker,
    describe_findings,
    visible_findings,
)
from rrdesk.domain.cases.directory import Agency
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.decision_sheet.decision_sheet_content import AgencyInvolvement
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import DateError, format_date, parse_date_parts
from rrdesk.exports.mail_and_calendar.request_email import RequestEmail, build_request_email
from rrdesk.services.agency_forms.agency_returns import returns_count
from rrdesk.services.agency_forms.check_form_loader import load_form_definition
from rrdesk.services.agency_forms.panel_pack_builder import build_panel_pack_content
from rrdesk.services.agency_forms.text_checks_loader import build_text_checker
from rrdesk.services.cases.case_lookup import find_case
from rrdesk.services.partnership.partnership_forms import acronyms_in_use, area_names_in_use
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.calendar_settings import CalendarSettings
from rrdesk.services.timetable.timetable_service import TimetableService

EDITED_FORM_SETTING = "agency_check_form"
"""A partnership's edited ``agency-check-form.toml``, kept in the store's settings."""


@dataclass(frozen=True)
class RequestRow:
    """A row of the requests table: the request, its status in words, and its form's state."""

    request: AgencyRequest
    status: StatusView
    form_started: bool
    form_ready: bool

    @property
    def agency(self) -> str:
        return self.request.agency


@dataclass(frozen=True)
class QualityView:
    """What quality assurance sees about a form before deciding."""

    findings: str
    pasted: str
    looked_at: bool
    complete: bool
    returns: tuple[str, ...]
    warnings: bool = False
    """True when the checks found something or text was pasted."""

    @property
    def unconfirmed_warnings(self) -> bool:
        """Warnings the author has not confirmed looking at."""
        return self.warnings and not self.looked_at


@dataclass(frozen=True)
class EmailDraft:
    file_name: str
    body: bytes


def _safe_file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-")[:60] or "agency"


class AgencyFormsService:
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
        """The agencies in the directory, to choose from."""
        return self._session.directory.agencies()

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

    def record_reminder(self, case_id: int, agency: str, on: date, note: str = "") -> None:
        changed = record_reminder(self.request(case_id, agency), on, note, recorded_by=self._actor)
        self._change(case_id, agency, changed, "Logged a reminder for an agency check form")

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
        changed = record_quality_assured(self.request(case_id, agency), on, recorded_by=self._actor)
        self._change(case_id, agency, changed, "Marked an agency check form quality assured")

    def status_rows(self, case_id: int, today: date) -> list[RequestRow]:
        profile = self.settings.profile(find_case(self._session, case_id).profile)
        calendar = self.calendar()
        started = set(self._session.documents.names(case_id, DocumentKind.CHECK_FORM))
        rows = []
        for request in self.requests(case_id):
            status = request_status(
                request,
                today,
                due_soon_working_days=profile.due_soon_working_days,
                add_working_days=calendar.add_working_days,
            )
            ready = False
            if request.agency in started:
                ready = self.load_form(case_id, request.agency).ready_on is not None
            rows.append(RequestRow(request, status, request.agency in started, ready))
        return rows

    @property
    def _actor(self) -> str:
        return self._session.actor

    # Forms

    def load_form(self, case_id: int, agency: str) -> FormRecord:
        data = self._session.documents.get(case_id, DocumentKind.CHECK_FORM, agency)
        if data is None:
            return FormRecord(agency=agency, answers={"agency": agency})
        return record_from_dict(data, agency)

    def save_form(self, case_id: int, record: FormRecord, today: date | None = None) -> bool:
        """Save the draft as it stands: cheap enough to call after every change.

        Given ``today``, a change to a quality-assured form's answers sends it back to received,
        so it is checked again before it goes in the panel pack. Returns True when that happened.
        """
        session = self._session
        key = (case_id, record.agency)
        reopened = False
        with session.db.transaction():
            if today is not None:
                reopened = self._reopen_if_assured_form_changed(case_id, record, today)
            session.documents.put(
                case_id, DocumentKind.CHECK_FORM, record_to_dict(record), record.agency
            )
            if key not in self._audited_drafts:
                who = record.entered_by.label
                if record.entered_by_name:
                    who += f" ({record.entered_by_name})"
                session.record(
                    "agency_forms",
                    "Entered answers on an agency check form",
                    case_id=case_id,
                    detail={"note": f"{record.agency}. Entered by: {who}"},
                )
                self._audited_drafts.add(key)
        return reopened

    def _reopen_if_assured_form_changed(
        self, case_id: int, record: FormRecord, today: date
    ) -> bool:
        request = next((r for r in self.requests(case_id) if r.agency == record.agency), None)
        if request is None or request.stage is None:
            return False
        if request.stage.kind is not EventKind.QUALITY_ASSURED:
            return False
        before = self.load_form(case_id, record.agency)
        if (meaningful_answers(before.answers), before.pasted, before.ignored) == (
            meaningful_answers(record.answers),
            record.pasted,
            record.ignored,
        ):
            return False
        changed = record_changed_after_assurance(request, today, recorded_by=self._actor)
        self._change(
            case_id,
            record.agency,
            changed,
            "Changed a quality-assured agency check form: it needs quality assurance again",
        )
        return True

    def mark_ready(self, case_id: int, record: FormRecord, today: date) -> FormRecord:
        """The form is ready for quality assurance; an awaited request becomes received."""
        ready = replace(record, ready_on=today)
        session = self._session
        with session.db.transaction():
            session.documents.put(
                case_id, DocumentKind.CHECK_FORM, record_to_dict(ready), record.agency
            )
            session.record(
                "agency_forms",
                "Marked an agency check form ready for quality assurance",
                case_id=case_id,
                detail={"note": record.agency},
            )
            requests = {r.agency: r for r in self.requests(case_id)}
            request = requests.get(record.agency)
            if request is None:
                request = AgencyRequest(record.agency)
                self._save_requests(
                    case_id,
                    [*requests.values(), request],
                    "Chose the agencies asked for forms",
                    record.agency,
                )
            stage = request.stage
            if stage is not None and stage.kind in (EventKind.SENT, EventKind.RETURNED):
                self.record_received(case_id, record.agency, max(today, request.events[-1].on))
        return ready

    def checker(self, case_id: int) -> TextChecker:
        """A text checker for this case: its pseudonyms are never flagged, other cases' are."""
        case = find_case(self._session, case_id)
        own = [c.pseudonym for c in case.children if c.pseudonym]
        others = [
            c.pseudonym
            for other in self._session.cases.all_cases()
            if other.case_id != case_id
            for c in other.children
            if c.pseudonym and c.pseudonym not in own
        ]
        areas = [
            a
            for a in (case.notifying_authority, case.home_authority, self._session.partnership)
            if a.strip()
        ]
        return build_text_checker(
            case_names=own,
            own_areas=areas,
            other_names=others,
            dictionary=acronyms_in_use(self._session),
            areas=area_names_in_use(self._session),
        )

    def form_findings(
        self, checker: TextChecker, record: FormRecord
    ) -> dict[str, tuple[Finding, ...]]:
        """The findings still shown (not ignored here) in each narrative answer."""
        found = {}
        for field, findings in answer_findings(checker, self.form, record.answers).items():
            visible = visible_findings(findings, record.ignored.get(field, ()))
            if visible:
                found[field] = visible
        return found

    def quality_view(self, case_id: int, agency: str, checker: TextChecker) -> QualityView:
        record = self.load_form(case_id, agency)
        findings = [f for group in self.form_findings(checker, record).values() for f in group]
        pasted = record.pasted_words
        requests = {r.agency: r for r in self.requests(case_id)}
        request = requests.get(agency)
        returns = tuple(
            f"Returned {format_date(e.on)}: "
            + ", ".join(r.value.lower() for r in e.reasons)
            + (f". {e.note}" if e.note else "")
            for e in (request.returns if request else ())
        )
        complete = form_is_complete(
            self.form, record.answers, confirmed_sections=record.confirmed_sections
        )
        return QualityView(
            findings=describe_findings(findings),
            pasted=pasted or "No pasted text",
            looked_at=record.findings_looked_at,
            complete=complete,
            returns=returns,
            warnings=bool(findings) or bool(pasted),
        )

    # The request email and the panel pack

    def request_email(
        self, case_id: int, agency: str, today: date, *, reminder: bool = False
    ) -> EmailDraft:
        """The request (or a reminder) as an ``.eml`` draft: case reference and due date only.

        The due date is the request's, or for a request not yet recorded as sent, the date it
        would be due if sent ``today``."""
        case = find_case(self._session, case_id)
        request = self.request(case_id, agency)
        due = request.due_on or self.due_date_for(case_id, today)
        emails = {a.name: a.email for a in self._session.directory.agencies()}
        body = build_request_email(
            RequestEmail(
                partnership=self._session.partnership,
                case_reference=case.reference,
                agency=agency,
                to=emails.get(agency, ""),
                due_on=due,
                sender_name=self._actor,
                reminder=reminder,
            )
        )
        kind = "reminder" if reminder else "request"
        return EmailDraft(f"{case.reference}-{kind}-{_safe_file_part(agency)}.eml", body)

    def quality_assured(self, case_id: int) -> list[tuple[AgencyRequest, FormRecord]]:
        return [
            (request, self.load_form(case_id, request.agency))
            for request in self.requests(case_id)
            if request.stage is not None and request.stage.kind is EventKind.QUALITY_ASSURED
        ]

    def panel_pack_content(self, case_id: int, today: date) -> PanelPackContent:
        """The case summary, its timetable (with the booked meeting) and every quality-assured
        form, as plain values for the PDF."""
        case = find_case(self._session, case_id)
        meeting = TimetableService(self._session, self.settings).record(case_id).meeting_date
        return build_panel_pack_content(
            case,
            self._session.partnership,
            self.form,
            self.quality_assured(case_id),
            self.calendar(),
            today,
            profile=self.settings.profile(case.profile),
            meeting_date=meeting,
        )

    def returns_count(self, case_id: int) -> tuple[int, int] | None:
        """(forms received, requests sent) for the countdown board, or ``None``."""
        return returns_count(self._session, case_id)

    def record_panel_pack(self, case_id: int, file_name: str, forms: int) -> None:
        """The panel pack was built and saved where the user chose."""
        session = self._session
        with session.db.transaction():
            session.record(
                "agency_forms",
                "Built the panel pack",
                case_id=case_id,
                detail={"note": f"{file_name}, {forms} quality-assured forms"},
            )

    def statuses_count(self, case_id: int, today: date) -> dict[RequestStatus, int]:
        counts: dict[RequestStatus, int] = {}
        for row in self.status_rows(case_id, today):
            counts[row.status.status] = counts.get(row.status.status, 0) + 1
        return counts


class FormReturn(Enum):
    """Where an agency's check form stands, for the documents that summarise it."""

    AWAITED = "awaited"
    NIL_RETURN = "nil_return"
    INVOLVED = "involved"


def form_returns(service: AgencyFormsService, case_id: int) -> list[tuple[str, FormReturn]]:
    """Each agency asked for a check form, and whether its form says it was involved."""
    returns: list[tuple[str, FormReturn]] = []
    for request in service.requests(case_id):
        record = service.load_form(case_id, request.agency)
        involved = record.answers.get("involved")
        if record.ready_on is None and involved is None:
            returns.append((request.agency, FormReturn.AWAITED))
        elif involved == "no":
            returns.append((request.agency, FormReturn.NIL_RETURN))
        else:
            returns.append((request.agency, FormReturn.INVOLVED))
    return returns


def agency_involvement(service: AgencyFormsService, case_id: int) -> tuple[AgencyInvolvement, ...]:
    """Each agency asked for a check form, in brief, for the decision sheet: involved or a nil
    return, the period and how many significant contacts, or that the form has not come back."""
    rows: list[AgencyInvolvement] = []
    for agency, state in form_returns(service, case_id):
        if state is FormReturn.AWAITED:
            rows.append(AgencyInvolvement(agency, True, "Check form not returned yet."))
            continue
        if state is FormReturn.NIL_RETURN:
            rows.append(AgencyInvolvement(agency, False, "No involvement (a nil return)."))
            continue
        answers = service.load_form(case_id, agency).answers
        parts = []
        began = _answer_date(answers.get("involved_from"))
        ended = _answer_date(answers.get("involved_to"))
        if began is not None:
            until = f" to {format_date(ended)}" if ended is not None else ""
            parts.append(f"Involved from {format_date(began)}{until}")
        contacts = answers.get("chronology")
        if isinstance(contacts, (list, tuple)) and contacts:
            count = len(contacts)
            parts.append(f"{count} significant contact{'' if count == 1 else 's'} recorded")
        summary = "; ".join(parts) + "." if parts else "Involved."
        rows.append(AgencyInvolvement(agency, True, summary))
    return tuple(rows)


def _answer_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, DateAnswer):
        try:
            return parse_date_parts(value.day, value.month, value.year)
        except DateError:
            return None
    return None
