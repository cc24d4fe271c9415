"""Ten years of an obviously fictional partnership, for trying rrdesk at the size it reaches.

Each year has its cases (30 by default), dated across the year with the England and Wales
calendar: the reviews of past years are closed, sent to the National Panel or under local
review, each with its agencies' check forms (text of a real form's size), its meeting, its
actions and its signed decision sheet, and the audit entries a year's work leaves. The current
year ends with the ordinary demo's cases, one at every open stage. Every year is written in one
transaction. Everything here is invented.
"""

from __future__ import annotations

import random
import time as clock
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from rrdesk.demo.audit_history import write_audit_history
from rrdesk.demo.cases import add_demo_data
from rrdesk.demo.meetings import _CRITERIA_HOME, _CRITERIA_NEGLECT, _meeting
from rrdesk.demo.partnership import add_demo_directory
from rrdesk.demo.year_forms import add_year_actions, add_year_forms, agencies_for
from rrdesk.demo.year_sizes import (
    ACTIONS_A_CASE,
    AUDIT_ENTRIES_A_YEAR,
    CASES_A_YEAR,
    DEMO_CASES,
)
from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.cases.cases import (
    Case,
    Child,
    ChildStatus,
    Outcome,
    ParallelProcess,
    Sex,
    Stage,
    ThresholdDiscussion,
)
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import meeting_to_dict
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.decision_sheet.decision_sheet_service import decision_sheet_service_for
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session

_SIGNERS = {
    StatutoryPartner.LOCAL_AUTHORITY: ("Marisol Treharne", "Director of Children's Services"),
    StatutoryPartner.POLICE: ("Ch Supt Oluwaseun Pryce", "Head of Public Protection"),
    StatutoryPartner.HEALTH: ("Dr Ingrid Halvorsen-Kaur", "Chief Nursing Officer"),
}
_LETTERS = "CEFGHLNPQSUVWXYZ"  # none of the ordinary demo's single letters


@dataclass(frozen=True)
class YearsBuilt:
    """What was put in the store, and how long it took."""

    cases: int
    agency_forms: int
    actions: int
    signed_sheets: int
    audit_entries: int
    seconds: float


@dataclass
class _Counts:
    cases: int = 0
    forms: int = 0
    actions: int = 0
    sheets: int = 0
    audit: int = 0


def _stage(index: int, count: int, year: int, today: date) -> Stage:
    if index == count - 1 and count > 1:
        return Stage.THRESHOLD_NOT_MET
    if index % 7 == 3:
        return Stage.LOCAL_REVIEW
    return Stage.SENT_TO_NATIONAL_PANEL if year == today.year else Stage.CLOSED


def _case(year: int, index: int, notified: date, stage: Stage, rng: random.Random) -> Case:
    pseudonym = f"Child {rng.choice(_LETTERS)}{rng.choice(_LETTERS)}"
    age = rng.randint(0, 17)
    met = stage is not Stage.THRESHOLD_NOT_MET
    return Case(
        reference=f"RR-{year}-{index + 1:03d}",
        children=(
            Child(
                pseudonym,
                f"{pseudonym.removeprefix('Child ')} Fictional-{year}-{index + 1}",
                None,
                age,
                rng.choice((Sex.FEMALE, Sex.MALE)),
                "Not recorded",
                "",
                rng.choice((Outcome.DIED, Outcome.SERIOUSLY_HARMED)),
                rng.choice((ChildStatus.NONE, ChildStatus.CHILD_IN_NEED)),
            ),
        ),
        notification_sent=notified if met else None,
        national_panel_reference=f"SIN-{year}-{index + 101:04d}" if met else "",
        incident_date=notified - timedelta(days=6),
        la_aware_date=notified - timedelta(days=4),
        notifying_authority="Northmoor Council",
        home_authority="Northmoor Council",
        summary=f"A fictional {age}-year-old, for trying rrdesk with ten years of records.",
        threshold=ThresholdDiscussion(
            notified - timedelta(days=3),
            "Local authority, police and health",
            met,
            "Serious harm with abuse suspected." if met else "No abuse or neglect suspected.",
        ),
        parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION}),
        stage=stage,
    )


def _decided_meeting(service: MeetingService, case: Case, held_on: date) -> Meeting:
    review = case.stage is Stage.LOCAL_REVIEW
    meeting = _meeting(
        service,
        case,
        held_on,
        apologies=("Tomasz Wąsik",),
        substitute=("Dafydd Morgan-Lewis", "Tomasz Wąsik"),
        conflict=("Gethin ap Rhys", "Line-manages a nurse who saw the child"),
    )
    for key, answer, note in _CRITERIA_NEGLECT if review else _CRITERIA_HOME:
        meeting = meeting.with_criterion(key, answer, note)
    meeting = meeting.with_learning(
        Learning(
            good_practice=("Concerns were shared on the day they were raised.",),
            could_have_been_better=("Records were held in separate systems.",),
            theme_keys=("neglect", "information_sharing"),
        )
    )
    for text, agency in (
        ("Brief every team on this review's learning", "Northmoor Council Children's Social Care"),
        ("Check open plans for the same pattern", "Northmoor Integrated Care Board"),
    ):
        meeting = meeting.with_action(
            ImmediateAction(text, agency, service.calendar.add_working_days(held_on, 10))
        )
    meeting = meeting.open_vote(service.vote_rule(case))
    assert meeting.vote is not None
    vote = meeting.vote
    for voter in vote.voters:
        vote = vote.cast(voter.member_id, VoteChoice.YES if review else VoteChoice.NO)
    meeting = meeting.with_vote(vote.close())
    if review:
        decision = make_decision(
            DecisionKind.RECOMMEND_LOCAL_REVIEW,
            "Improvements are needed and agencies did not work together.",
        )
    else:
        decision = make_decision(
            DecisionKind.DO_NOT_RECOMMEND,
            "The learning is best taken forward by the agencies themselves.",
            LearningRoute.SINGLE_AGENCY_REVIEW,
        )
    meeting = meeting.with_decision(decision)
    sent_on = service.calendar.add_working_days(held_on, 1)
    agreed_on = service.calendar.add_working_days(held_on, 3)
    sign_off = meeting.sign_off
    for partner, (signer, role) in _SIGNERS.items():
        sign_off = sign_off.send(partner, sent_on)
        sign_off = sign_off.agree(partner, agreed_on, signed_by=signer, role=role)
    if case.stage is not Stage.AWAITING_SIGN_OFF:
        # Sent on working day 13 to 16: now and then a day after the 15 days, as happens.
        assert case.case_id is not None
        to_panel = service.calendar.add_working_days(agreed_on, case.case_id % 4)
        sign_off = sign_off.record_sent_to_national_panel(to_panel, service.working_day_of(case))
    return meeting.with_sign_off(sign_off)


def _notification_days(session: Session, year: int, count: int, last: date) -> list[date]:
    """``count`` working days spread evenly over the year, none after ``last``."""
    calendar = session.calendar
    first = date(year, 1, 4)
    span = max(1, (min(date(year, 12, 18), last) - first).days)
    days = []
    for index in range(count):
        day = first + timedelta(days=span * index // max(1, count))
        days.append(calendar.add_working_days(day - timedelta(days=1), 1))
    return days


def _add_year(
    session: Session,
    year: int,
    count: int,
    today: date,
    audit_total: int,
    sign: bool,
    rng: random.Random,
    counts: _Counts,
) -> None:
    meetings = MeetingService(session)
    sheets = decision_sheet_service_for(session, meetings)
    add = session.calendar.add_working_days
    worked: list[tuple[Case, tuple[str, ...], date]] = []
    with session.db.transaction():
        notified_days = _notification_days(session, year, count, today - timedelta(days=60))
        for index, notified in enumerate(notified_days):
            stage = _stage(index, count, year, today)
            case = session.cases.add(
                replace(
                    _case(year, index, notified, stage, rng),
                    profile=session.profile_name,
                )
            )
            assert case.case_id is not None
            counts.cases += 1
            agencies = agencies_for(index)
            worked.append((case, agencies, notified - timedelta(days=3)))
            if stage is Stage.THRESHOLD_NOT_MET:
                continue
            add_year_forms(session, case, agencies, notified, add, rng)
            counts.forms += len(agencies)
            held_on = add(notified, 10)
            meeting = _decided_meeting(meetings, case, held_on)
            session.documents.put(case.case_id, DocumentKind.MEETING, meeting_to_dict(meeting))
            add_year_actions(
                session, case, agencies, held_on, today, ACTIONS_A_CASE, meeting.actions
            )
            counts.actions += ACTIONS_A_CASE + len(meeting.actions)
            if sign:
                signed_on = add(held_on, 1)
                now = datetime.combine(signed_on, time(11, 0), tzinfo=UTC)
                sheets.export_signed(case.case_id, signed_on, now)
                counts.sheets += 1
        counts.audit += write_audit_history(session, worked, audit_total, rng)


def add_years_of_data(
    session: Session,
    *,
    years: int,
    today: date,
    cases_a_year: int = CASES_A_YEAR,
    audit_entries_a_year: int = AUDIT_ENTRIES_A_YEAR,
    signed_years: int | None = None,
    progress: Callable[[int, float], None] | None = None,
) -> YearsBuilt:
    """Fill a new store with ``years`` years of the fictional partnership's work, ending
    ``today`` with the ordinary demo's open cases. Decision sheets are signed in the newest
    ``signed_years`` years (all of them when ``None``)."""
    started = clock.perf_counter()
    rng = random.Random(years * 1000 + today.toordinal())
    counts = _Counts()
    with session.db.transaction():
        add_demo_directory(session)
    first_year = today.year - years + 1
    for year in range(first_year, today.year + 1):
        count = cases_a_year - DEMO_CASES if year == today.year else cases_a_year
        sign = signed_years is None or year > today.year - signed_years
        _add_year(session, year, max(1, count), today, audit_entries_a_year, sign, rng, counts)
        if progress is not None:
            progress(year, clock.perf_counter() - started)
    before = session.cases.count()
    add_demo_data(session, today=today, with_directory=False)
    counts.cases += session.cases.count() - before
    return YearsBuilt(
        counts.cases,
        counts.forms,
        counts.actions,
        counts.sheets,
        session.audit.current_anchor().count,
        clock.perf_counter() - started,
    )
