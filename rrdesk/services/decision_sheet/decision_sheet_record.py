"""The decision sheet's content, taken from the case, its meeting record and the directory.

Only the case reference and the children's pseudonyms go on the sheet: never a real name or a
date of birth.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time

from rrdesk.domain.after_meeting.learning import LEARNING_HEADINGS
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.directory import PartnerExecutive, StatutoryPartner
from rrdesk.domain.cases.notification_duty import notification_gap
from rrdesk.domain.decision_sheet.decision_sheet_content import (
    AgencyInvolvement,
    ConflictDeclared,
    DecisionSheetContent,
    LearningPoint,
    SheetAction,
    SheetAttendance,
    SheetAttendee,
    SheetCriterion,
    SheetDissent,
    SheetTimetable,
    SignOffParty,
    VoteTally,
)
from rrdesk.domain.decision_sheet.sheet_version import SheetVersion
from rrdesk.domain.decision_sheet.sign_off import CLOCK_WORKING_DAYS
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee, holds_vote
from rrdesk.domain.meeting.criteria import CriterionGroup
from rrdesk.domain.meeting.decision import differs_from_vote
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_time

_PARTNER_HEADINGS = {
    StatutoryPartner.LOCAL_AUTHORITY: "Local authority",
    StatutoryPartner.POLICE: "Police",
    StatutoryPartner.HEALTH: "Health",
}


def format_clock(value: time | None) -> str:
    """``10am`` or ``2:30pm`` (GOV.UK style); empty when no time is recorded."""
    return "" if value is None else format_time(value)


def _attendee(meeting: Meeting, attendee: Attendee) -> SheetAttendee:
    return SheetAttendee(
        name=attendee.name,
        role=attendee.role,
        agency=attendee.agency,
        voting=holds_vote(attendee, meeting.attendees) if attendee.present else attendee.voting,
        substitute_for=(
            "" if attendee.substitute_for is None else meeting.name_of(attendee.substitute_for)
        ),
    )


def _attendance(meeting: Meeting) -> SheetAttendance:
    def of(status: AttendanceStatus) -> tuple[SheetAttendee, ...]:
        return tuple(_attendee(meeting, a) for a in meeting.attendees if a.status is status)

    return SheetAttendance(
        present=of(AttendanceStatus.PRESENT),
        apologies=of(AttendanceStatus.APOLOGIES),
        absent=of(AttendanceStatus.ABSENT),
    )


def _theme_words(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _learning(meeting: Meeting, theme_label: Callable[[str], str]) -> tuple[LearningPoint, ...]:
    points: list[LearningPoint] = []
    for key, heading in LEARNING_HEADINGS:
        values: tuple[str, ...] = getattr(meeting.learning, key)
        if key == "theme_keys":
            if values:
                points.append(LearningPoint(heading, "; ".join(theme_label(v) for v in values)))
            continue
        points.extend(LearningPoint(heading, text) for text in values)
    return tuple(points)


def _criteria(meeting: Meeting) -> tuple[SheetCriterion, ...]:
    rows: list[SheetCriterion] = []
    for criterion in meeting.criteria.definitions:
        response = meeting.criteria.response(criterion.key)
        question = criterion.question
        if criterion.group is CriterionGroup.HAVE_REGARD:
            question = f"Should also have regard to: {question[0].lower()}{question[1:]}"
        rows.append(
            SheetCriterion(
                question,
                "Not answered" if response is None else response.answer.label,
                "" if response is None else response.note,
            )
        )
    return tuple(rows)


def _timetable(case: Case, meeting: Meeting, calendar: BankHolidayCalendar) -> SheetTimetable:
    notified = case.notification_sent
    if notified is None:
        raise MeetingError("Enter the date the notification was sent before exporting the sheet")
    due = calendar.add_working_days(notified, CLOCK_WORKING_DAYS)
    used = (
        None
        if meeting.held_on is None
        else calendar.working_days_between(notified, meeting.held_on)
    )
    lateness = ""
    day = meeting.sign_off.national_panel_working_day
    if day is not None and day > CLOCK_WORKING_DAYS:
        late = day - CLOCK_WORKING_DAYS
        lateness = (
            f"The decision reached the National Panel on working day {day},"
            f" {late} working day{'' if late == 1 else 's'} after the 15-day clock."
        )
    gap = notification_gap(case, calendar)
    return SheetTimetable(
        notified, meeting.held_on, due, used, lateness, gap.words if gap is not None else ""
    )


def _sign_off(meeting: Meeting, executives: Sequence[PartnerExecutive]) -> tuple[SignOffParty, ...]:
    """Each partner's block, naming the person the sheet is addressed to for it (its executive
    lead, or its deputy when it has no lead, as the sign-off email is); once an answer is
    recorded, whoever it was recorded as signed by (someone deputising, say) instead."""
    addressed = {e.partner: e.addressee for e in executives}
    parties = []
    for p in meeting.sign_off.partners:
        person = addressed.get(p.partner)
        name, role = ("", "") if person is None else (person.name, person.role)
        answered = p.agreed is not None
        if answered:
            same = not p.signed_by or p.signed_by == name
            name, role = p.signed_by or name, p.role or (role if same else "")
        parties.append(
            SignOffParty(
                _PARTNER_HEADINGS[p.partner],
                name,
                role,
                answer=p.answer_words if answered else "",
                comments=p.comments if answered else "",
            )
        )
    return tuple(parties)


def build_decision_sheet_content(
    case: Case,
    meeting: Meeting,
    *,
    partnership: str,
    calendar: BankHolidayCalendar,
    prepared_on: date,
    version: SheetVersion | None = None,
    theme_label: Callable[[str], str] = _theme_words,
    agency_involvement: tuple[AgencyInvolvement, ...] = (),
    executives: Sequence[PartnerExecutive] = (),
) -> DecisionSheetContent:
    """Everything the sheet prints, from the record. ``version`` numbers it and notes changes;
    ``executives`` (from :func:`rrdesk.domain.cases.directory.partner_executives`, as the
    sign-off email's recipients are found) name whose each sign-off block is."""
    vote = meeting.vote
    tally = None
    dissent: tuple[SheetDissent, ...] = ()
    if vote is not None:
        counts = vote.tally
        tally = VoteTally(
            recommend=counts.yes,
            do_not_recommend=counts.no,
            abstain=counts.abstain,
            eligible=len(vote.voters),
            outcome=vote.outcome_label if vote.closed else "The vote has not been closed",
            decision_differs_because=meeting.decision.differs_reason
            if meeting.decision is not None
            and vote.closed
            and differs_from_vote(meeting.decision, vote.outcome)
            else "",
        )
        dissent = tuple(SheetDissent(meeting.name_of(d.member_id), d.words) for d in vote.dissents)
    # A statutory partner's dissent at sign-off travels on the sheet with the panel's.
    dissent += tuple(
        SheetDissent(f"{d.partner_name}, at sign-off", d.words) for d in meeting.sign_off.dissents
    )
    chair = meeting.chair
    decision = meeting.decision
    return DecisionSheetContent(
        partnership_name=partnership,
        case_reference=case.reference,
        pseudonyms=tuple(child.pseudonym for child in case.children if child.pseudonym),
        prepared_on=prepared_on,
        timetable=_timetable(case, meeting, calendar),
        meeting_time=format_clock(meeting.starts_at),
        meeting_place=meeting.venue,
        chair="" if chair is None else chair.name,
        attendance=_attendance(meeting),
        conflicts=tuple(
            ConflictDeclared(meeting.name_of(c.member_id), c.note) for c in meeting.conflicts
        ),
        incident_summary=case.summary,
        agency_involvement=agency_involvement,
        themes_and_learning=_learning(meeting, theme_label),
        criteria=_criteria(meeting),
        vote=tally,
        dissent=dissent,
        recommendation="" if decision is None else decision.summary,
        rationale="" if decision is None else decision.rationale,
        immediate_actions=tuple(
            SheetAction(a.action, a.owner_agency, a.due) for a in meeting.actions
        ),
        parallel_processes=tuple(sorted(p.label for p in case.parallel_processes)),
        version=1 if version is None else version.number,
        change_note="" if version is None or version.number == 1 else "; ".join(version.changes),
        sign_off=_sign_off(meeting, executives),
    )
