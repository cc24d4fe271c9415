"""Fills the panel pack's content from the case, its timetable and every quality-assured form.

Case reference and pseudonyms only: a child's real name or date of birth never goes in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rrdesk.domain.agency_forms.agency_counts import count_agencies, missing_forms
from rrdesk.domain.agency_forms.agency_form_record import FormRecord
from rrdesk.domain.agency_forms.agency_requests import AgencyRequest
from rrdesk.domain.agency_forms.check_form import (
    CHRONOLOGY_COLUMNS,
    FormDefinition,
    Question,
    QuestionKind,
)
from rrdesk.domain.agency_forms.check_form_answers import (
    ChronologyRow,
    answer_text,
    question_is_asked,
    section_is_needed,
)
from rrdesk.domain.agency_forms.panel_pack_content import (
    AgencyForm,
    FormAnswer,
    FormSection,
    FormTable,
    PackMilestone,
    PanelPackContent,
)
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.domain.timetable.deadlines import Milestone, compute_timetable
from rrdesk.domain.timetable.meeting_milestone import meeting_milestone
from rrdesk.domain.timetable.profiles import ProcessProfile
from rrdesk.services.timetable.profile_catalogue import load_profile

_ABOUT_KEYS = {"agency", "author", "role", "contact"}
_DATE_QUESTION = Question("date", "Date", QuestionKind.DATE)


def _date_words(value: date | None) -> str:
    return format_date(value) if value else "Not given"


def case_summary_rows(case: Case) -> tuple[tuple[str, str], ...]:
    rows: list[tuple[str, str]] = [("Stage", case.stage.label)]
    for child in case.children:
        details = [child.sex.label.lower(), child.outcome.label.lower()]
        age = child.age_in_words(case.incident_date or case.notification_sent)
        if age is not None:
            details.insert(0, f"aged {age}")
        rows.append((child.pseudonym, ", ".join(details)))
        rows.append((f"{child.pseudonym}: status at the time", child.status.label))
        extra = ", ".join(v for v in (child.ethnicity, child.disability) if v)
        if extra:
            rows.append((f"{child.pseudonym}: ethnicity and disability", extra))
    rows += [
        ("Date of the incident", _date_words(case.incident_date)),
        ("Notification sent (day 0)", _date_words(case.notification_sent)),
        ("National Panel reference", case.national_panel_reference or "Not given"),
        ("Notifying local authority", case.notifying_authority or "Not given"),
        ("Home local authority", case.home_authority or "Not given"),
    ]
    return tuple(rows)


def _chronology_table(value: object) -> FormTable:
    rows = []
    if isinstance(value, Sequence) and not isinstance(value, str):
        for row in value:
            if isinstance(row, ChronologyRow) and not row.empty:
                when = answer_text_date(row.date)
                rows.append((when, row.who.strip(), row.what_happened.strip(), row.what_decided))
    return FormTable(tuple(label for _key, label in CHRONOLOGY_COLUMNS), tuple(rows))


def answer_text_date(value: object) -> str:
    return answer_text(_DATE_QUESTION, value)


def agency_form(
    form: FormDefinition, request: AgencyRequest, record: FormRecord, assured_with: str = ""
) -> AgencyForm:
    answers = record.answers
    sections = []
    for section in form.sections:
        if not section_is_needed(section, answers):
            continue
        items = []
        tables = []
        for question in section.questions:
            if not question_is_asked(question, answers):
                continue
            if section.key == "about" and question.key in _ABOUT_KEYS:
                continue
            value = answers.get(question.key)
            if question.kind is QuestionKind.CHRONOLOGY:
                tables.append(_chronology_table(value))
            else:
                items.append(FormAnswer(question.label, answer_text(question, value)))
        if items or tables:
            sections.append(FormSection(section.title, tuple(items), tuple(tables)))
    return AgencyForm(
        agency=str(answers.get("agency") or request.agency),
        author=str(answers.get("author") or "Not given"),
        role=str(answers.get("role") or ""),
        quality_assured_on=request.quality_assured_on,
        sections=tuple(sections),
        assured_with=assured_with,
    )


def _meeting_row(
    milestone: Milestone,
    notified: date,
    meeting_date: date | None,
    calendar: BankHolidayCalendar,
    *,
    held: bool,
) -> PackMilestone | None:
    """The meeting's row, named for what it is: once booked, the day booked (not the profile's
    latest day for it, so the pack gives one meeting date); before, not booked yet, with the
    latest day the process expects it. Never the profile's "meeting held", which would read as
    if it had been."""
    meeting = meeting_milestone(milestone, meeting_date, held=held)
    if meeting is None:
        return None
    if meeting.is_latest_day:
        return PackMilestone(meeting.label, _day(milestone), meeting.day)
    day = calendar.working_days_between(notified, meeting.day)
    return PackMilestone(meeting.label, day, meeting.day)


def _day(milestone: Milestone) -> int:
    return milestone.review_day if milestone.review_day is not None else milestone.working_day


def build_panel_pack_content(
    case: Case,
    partnership: str,
    form: FormDefinition,
    assured: Sequence[tuple[AgencyRequest, FormRecord]],
    calendar: BankHolidayCalendar,
    today: date,
    *,
    profile: ProcessProfile | None = None,
    meeting_date: date | None = None,
    meeting_held: bool = False,
    requests: Sequence[AgencyRequest] = (),
    assured_with: Mapping[str, str] = {},
) -> PanelPackContent:
    """The pack's content. ``requests`` are every chosen agency's: the pack counts them and
    names each whose form is missing, with why. ``meeting_held`` when the timetable records the
    meeting as held. ``assured_with`` says, by agency, what a form marked quality assured
    anyway still lacks (:func:`rrdesk.domain.agency_forms.panel_pack_content.assured_with`)."""
    timetable: tuple[PackMilestone, ...] = ()
    if case.notification_sent is not None:
        computed = compute_timetable(
            profile or load_profile(case.profile),
            calendar,
            case.notification_sent,
            referral_date=case.referral.referral_date,
            meeting_date=meeting_date,
        )
        timetable = tuple(
            _meeting_row(m, case.notification_sent, meeting_date, calendar, held=meeting_held)
            or PackMilestone(m.label, _day(m), m.due)
            for m in computed.milestones
            if m.due is not None
        )
    return PanelPackContent(
        partnership_name=partnership,
        case_reference=case.reference,
        pseudonyms=tuple(c.pseudonym for c in case.children if c.pseudonym),
        prepared_on=today,
        case_summary=case_summary_rows(case)
        + ((("Rapid Review meeting", format_date(meeting_date)),) if meeting_date else ()),
        incident_summary=case.summary,
        timetable=timetable,
        forms=tuple(
            agency_form(form, request, record, assured_with.get(request.agency, ""))
            for request, record in assured
        ),
        agencies=count_agencies(requests),
        missing=missing_forms(requests, today, add_working_days=calendar.add_working_days),
    )
