"""What goes in the rapid review submission to the National Panel, gathered from the record.

:func:`build_submission` collects it from the case, its meeting record and the submission
details; :func:`missing_items` lists what is not yet recorded, in plain words, so nothing is
silently left blank. Only pseudonyms appear: a child's real name typed into any text is replaced
by the pseudonym, and dates of birth are never carried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from rrdesk.domain.after_meeting.learning import LEARNING_HEADINGS
from rrdesk.domain.after_meeting.learning_briefing import anonymise
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    Involvement,
    SubmissionDetails,
)
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.notification_duty import notification_gap
from rrdesk.domain.decision_sheet.sign_off import CLOCK_WORKING_DAYS, SignOffStatus, partner_name
from rrdesk.domain.meeting.decision import DecisionKind
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar


@dataclass(frozen=True)
class SubmissionChild:
    pseudonym: str
    age: str
    sex: str
    ethnicity: str
    disability: str
    outcome: str
    status: str


@dataclass(frozen=True)
class SubmissionDates:
    notification_sent: date | None
    incident_date: date | None
    la_aware_date: date | None
    time_to_notify: str  # "7 working days after the local authority became aware: later ..."
    meeting_date: date | None
    due_date: date | None
    sent_to_panel: date | None
    working_days_used: int | None
    late: bool
    lateness_reason: str


@dataclass(frozen=True)
class SubmissionAction:
    action: str
    owner_agency: str
    due: date | None


@dataclass(frozen=True)
class SubmissionSignature:
    partner: str
    status: str
    signed_by: str
    role: str
    answered_on: date | None
    agreed: bool = False
    dissent: str = ""
    """A partner's recorded dissent, with its reason and what was decided on it."""


@dataclass(frozen=True)
class PanelSubmission:
    partnership: str
    case_reference: str
    national_panel_reference: str
    notifying_authority: str
    home_authority: str
    prepared_on: date
    dates: SubmissionDates
    children: tuple[SubmissionChild, ...]
    household: str
    what_happened: str
    agencies: tuple[AgencyContribution, ...]
    key_practice_episodes: str
    lived_experience: str
    equality_and_disability: str
    immediate_actions: tuple[SubmissionAction, ...]
    learning: tuple[tuple[str, tuple[str, ...]], ...]
    """(heading, points) for each heading with points; themes by label."""
    parallel_processes: tuple[str, ...]
    decision: str
    rationale: str
    local_review_recommended: bool
    proposed_scope: str
    proposed_method: str
    proposed_reviewer: str
    proposed_timetable: str
    learning_route: str
    learning_plan: str
    family_involvement: str
    sign_off: tuple[SubmissionSignature, ...]

    @property
    def pseudonyms(self) -> tuple[str, ...]:
        return tuple(child.pseudonym for child in self.children)


def _working_days_used(
    case: Case, meeting: Meeting | None, calendar: BankHolidayCalendar
) -> tuple[int | None, date | None]:
    """The working day the decision reached the Panel, or of the meeting until it is sent."""
    if case.notification_sent is None:
        return None, None
    due = calendar.add_working_days(case.notification_sent, CLOCK_WORKING_DAYS)
    if meeting is None:
        return None, due
    sign_off = meeting.sign_off
    if sign_off.national_panel_working_day is not None:
        return sign_off.national_panel_working_day, due
    if sign_off.national_panel_sent_on is not None:
        return calendar.working_days_between(
            case.notification_sent, sign_off.national_panel_sent_on
        ), due
    if meeting.held_on is not None:
        return calendar.working_days_between(case.notification_sent, meeting.held_on), due
    return None, due


def build_submission(
    case: Case,
    meeting: Meeting | None,
    details: SubmissionDetails,
    *,
    partnership: str,
    prepared_on: date,
    calendar: BankHolidayCalendar,
    theme_label: Callable[[str], str],
    meeting_date: date | None = None,
) -> PanelSubmission:
    """The submission; ``meeting_date`` is the case's meeting as booked (the one date every
    document gives), else the meeting record's."""

    def safe(text: str) -> str:
        return anonymise(text.strip(), case, use_pseudonym=True)

    used, due = _working_days_used(case, meeting, calendar)
    late = used is not None and used > CLOCK_WORKING_DAYS
    gap = notification_gap(case, calendar)
    dates = SubmissionDates(
        notification_sent=case.notification_sent,
        incident_date=case.incident_date,
        la_aware_date=case.la_aware_date,
        time_to_notify=gap.words if gap is not None else "",
        meeting_date=meeting_date or (meeting.held_on if meeting else None),
        due_date=due,
        sent_to_panel=meeting.sign_off.national_panel_sent_on if meeting else None,
        working_days_used=used,
        late=late,
        lateness_reason=safe(details.lateness_reason),
    )
    on = case.incident_date or case.notification_sent or prepared_on
    children = tuple(
        SubmissionChild(
            pseudonym=child.pseudonym,
            age=_age_words(child.age_in_words(on)),
            sex=child.sex.label,
            ethnicity=child.ethnicity.strip(),
            disability=child.disability.strip() or "None known",
            outcome=child.outcome.label,
            status=child.status.label,
        )
        for child in case.children
    )
    learning: list[tuple[str, tuple[str, ...]]] = []
    decision = rationale = route = ""
    recommended = False
    actions: tuple[SubmissionAction, ...] = ()
    signatures: tuple[SubmissionSignature, ...] = ()
    if meeting is not None:
        for key, heading in LEARNING_HEADINGS:
            points: tuple[str, ...] = getattr(meeting.learning, key)
            if key == "theme_keys":
                points = tuple(theme_label(k) for k in points)
            else:
                points = tuple(safe(p) for p in points)
            if points:
                learning.append((heading, points))
        if meeting.decision is not None:
            decision = meeting.decision.kind.label
            rationale = safe(meeting.decision.rationale)
            recommended = meeting.decision.kind is DecisionKind.RECOMMEND_LOCAL_REVIEW
            if meeting.decision.learning_route is not None:
                route = meeting.decision.learning_route.label
        actions = tuple(
            SubmissionAction(safe(a.action), a.owner_agency, a.due) for a in meeting.actions
        )
        dissents = {d.partner_name: d.words for d in meeting.sign_off.dissents}
        signatures = tuple(
            SubmissionSignature(
                partner=partner_name(p.partner, start=True),
                status=p.status.label,
                signed_by=p.signed_by,
                role=p.role,
                answered_on=p.answered_on,
                agreed=p.status is SignOffStatus.AGREED,
                dissent=safe(dissents.get(partner_name(p.partner, start=True), "")),
            )
            for p in meeting.sign_off.partners
        )
    return PanelSubmission(
        partnership=partnership,
        case_reference=case.reference,
        national_panel_reference=case.national_panel_reference.strip(),
        notifying_authority=case.notifying_authority.strip(),
        home_authority=case.home_authority.strip(),
        prepared_on=prepared_on,
        dates=dates,
        children=children,
        household=safe(details.household),
        what_happened=safe(case.summary),
        agencies=tuple(replace(a, key_episodes=safe(a.key_episodes)) for a in details.agencies),
        key_practice_episodes=safe(details.key_practice_episodes),
        lived_experience=safe(details.lived_experience),
        equality_and_disability=safe(details.equality_and_disability),
        immediate_actions=actions,
        learning=tuple(learning),
        parallel_processes=tuple(sorted(p.label for p in case.parallel_processes)),
        decision=decision,
        rationale=rationale,
        local_review_recommended=recommended,
        proposed_scope=safe(details.proposed_scope),
        proposed_method=safe(details.proposed_method),
        proposed_reviewer=safe(details.proposed_reviewer),
        proposed_timetable=safe(details.proposed_timetable),
        learning_route=route,
        learning_plan=safe(details.learning_plan),
        family_involvement=safe(details.family_involvement),
        sign_off=signatures,
    )


def _age_words(age: str | None) -> str:
    return "Not known" if age is None else age[:1].upper() + age[1:]


def missing_items(submission: PanelSubmission) -> tuple[str, ...]:
    """Everything the Panel asks for that is not recorded yet, each as a thing to do."""
    s = submission
    found: list[str] = []
    if not s.national_panel_reference:
        found.append("Enter the National Panel's reference for the notification")
    if s.dates.notification_sent is None:
        found.append("Enter the date the notification was sent")
    if s.dates.incident_date is None:
        found.append("Enter the date of the incident")
    if s.dates.meeting_date is None:
        found.append("Record the date of the Rapid Review meeting")
    if s.dates.late and not s.dates.lateness_reason:
        found.append("Say why the rapid review took more than 15 working days")
    for child in s.children:
        if child.age == "Not known":
            found.append(f"Enter the age of {child.pseudonym}")
        if not child.ethnicity:
            found.append(f"Enter the ethnicity of {child.pseudonym}")
    if not s.household:
        found.append("Describe the household")
    if not s.what_happened:
        found.append("Describe what happened (the case summary)")
    if not s.agencies:
        found.append("List the agencies contacted and whether each was involved")
    for agency in s.agencies:
        if agency.involvement is Involvement.CONTACTED:
            found.append(f"Record whether {agency.agency} was involved or made a nil return")
    if not s.key_practice_episodes:
        found.append("Describe the key practice episodes")
    if not s.lived_experience:
        found.append("Describe the child's lived experience")
    if not s.equality_and_disability:
        found.append("Say how inequality or disability affected the child's experience")
    if not s.learning:
        found.append("Record the emerging learning at the meeting")
    if not s.decision:
        found.append("Record the decision and its rationale")
    if s.local_review_recommended:
        for label, value in (
            ("scope", s.proposed_scope),
            ("method", s.proposed_method),
            ("reviewer", s.proposed_reviewer),
            ("timetable", s.proposed_timetable),
        ):
            if not value:
                found.append(f"Enter the proposed {label} of the local review")
    elif s.decision and not s.learning_plan:
        found.append("Say how the learning will be taken forward without a local review")
    if not s.family_involvement:
        found.append("Say how the family has been told and will be involved")
    if not s.sign_off:
        found.append("Record the three partners' sign-off")
    for signature in s.sign_off:
        if not signature.agreed and not signature.dissent:  # a recorded dissent is an answer
            found.append(f"{signature.partner} have not signed off the decision")
    return tuple(found)
