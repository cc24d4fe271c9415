"""The demo store's cases: every stage of the process has one, with meetings booked.

Every child, place and case here is invented; the partnership and its directory are in
`rrdesk.demo.partnership`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

from rrdesk.demo.after_meeting import add_learning_demo_data
from rrdesk.demo.agency_forms import add_agency_forms_demo_data
from rrdesk.demo.decision_sheets import add_demo_sign_off
from rrdesk.demo.meetings import add_demo_meetings
from rrdesk.demo.partnership import (
    EDUCATION_AGENCY,
    HOSPITAL_AGENCY,
    ICB_AGENCY,
    POLICE_AGENCY,
    add_demo_directory,
)
from rrdesk.domain.cases.cases import (
    Case,
    Child,
    ChildStatus,
    Outcome,
    ParallelProcess,
    Referral,
    ReferralRoute,
    Sex,
    Stage,
    ThresholdDiscussion,
)
from rrdesk.services.cases.case_service import CaseService
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService


def _cases(today: date) -> list[Case]:
    def ago(days: int) -> date:
        return today - timedelta(days=days)

    return [
        Case(
            reference="",
            children=(
                Child(
                    "Child T",
                    "Tilly Marchbank-Fictional",
                    ago(365 * 2 + 40),
                    None,
                    Sex.FEMALE,
                    "White British",
                    "",
                    Outcome.SERIOUSLY_HARMED,
                    ChildStatus.CHILD_IN_NEED,
                ),
            ),
            notification_sent=ago(1),
            national_panel_reference="SIN-2026-0912",
            incident_date=ago(6),
            la_aware_date=ago(4),
            notifying_authority="Northmoor Council",
            home_authority="Northmoor Council",
            summary="A two-year-old was taken to hospital with a head injury that the adults "
            "caring for her could not explain. She is recovering.",
            referral=Referral(
                ReferralRoute.PROFESSIONAL,
                "Gethin ap Rhys",
                "Lead Named Nurse",
                HOSPITAL_AGENCY,
                "safeguarding@hospital.northmoor.example",
                ago(4),
            ),
            threshold=ThresholdDiscussion(
                ago(3),
                "Local authority, police and health",
                True,
                "Serious harm with abuse suspected.",
            ),
            parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION}),
            stage=Stage.NOTIFIED,
        ),
        Case(
            reference="",
            children=(
                Child(
                    "Child M",
                    "Milo Quarrendon-Fictional",
                    None,
                    14,
                    Sex.MALE,
                    "Black British Caribbean",
                    "Autism",
                    Outcome.SERIOUSLY_HARMED,
                    ChildStatus.EARLY_HELP,
                ),
            ),
            notification_sent=ago(7),
            national_panel_reference="SIN-2026-0877",
            incident_date=ago(12),
            la_aware_date=ago(10),
            notifying_authority="Northmoor Council",
            home_authority="Eastwold Council",
            summary="A 14-year-old was found with stab wounds after going missing from home "
            "three times in a month. Exploitation outside the home is suspected.",
            referral=Referral(
                ReferralRoute.PROFESSIONAL,
                "Tomasz Wąsik",
                "Detective Inspector",
                POLICE_AGENCY,
                "",
                ago(10),
            ),
            threshold=ThresholdDiscussion(
                ago(9),
                "Local authority, police and health",
                True,
                "Serious harm; exploitation suspected.",
            ),
            parallel_processes=frozenset(
                {ParallelProcess.POLICE_INVESTIGATION, ParallelProcess.MEDIA_INTEREST}
            ),
            stage=Stage.COLLECTING_RETURNS,
        ),
        Case(
            reference="",
            children=(
                Child(
                    "Child R",
                    "Rosie Fennimore-Fictional",
                    ago(17 + 130),  # four months old when she died
                    0,
                    Sex.FEMALE,
                    "Mixed White and Asian",
                    "",
                    Outcome.DIED,
                    ChildStatus.NONE,
                ),
            ),
            notification_sent=ago(12),
            national_panel_reference="SIN-2026-0850",
            incident_date=ago(17),
            la_aware_date=ago(15),
            notifying_authority="Northmoor Council",
            home_authority="Northmoor Council",
            summary="A four-month-old baby died while sharing a sofa with a parent who had been "
            "drinking. There had been no concerns known before.",
            referral=Referral(
                ReferralRoute.JOINT_AGENCY_RESPONSE,
                "Dr Siân Prydderch",
                "Designated Doctor",
                ICB_AGENCY,
                "",
                ago(15),
            ),
            threshold=ThresholdDiscussion(
                ago(14),
                "Local authority, police and health",
                True,
                "Child died; neglect suspected.",
            ),
            parallel_processes=frozenset(
                {ParallelProcess.CORONER, ParallelProcess.CHILD_DEATH_REVIEW}
            ),
            stage=Stage.MEETING_BOOKED,
        ),
        Case(
            reference="",
            children=(
                Child(
                    "Child A",
                    "Aria Penwithick-Fictional",
                    None,
                    6,
                    Sex.FEMALE,
                    "White Polish",
                    "",
                    Outcome.SERIOUSLY_HARMED,
                    ChildStatus.CHILD_PROTECTION_PLAN,
                ),
                Child(
                    "Child B",
                    "Bruno Penwithick-Fictional",
                    None,
                    4,
                    Sex.MALE,
                    "White Polish",
                    "",
                    Outcome.SERIOUSLY_HARMED,
                    ChildStatus.CHILD_PROTECTION_PLAN,
                ),
            ),
            notification_sent=ago(20),
            national_panel_reference="SIN-2026-0811",
            incident_date=ago(26),
            la_aware_date=ago(24),
            notifying_authority="Northmoor Council",
            home_authority="Northmoor Council",
            summary="A brother and sister were found living in a home without heating or "
            "food; both were malnourished. Domestic abuse had been reported twice.",
            referral=Referral(
                ReferralRoute.PROFESSIONAL,
                "Ioana Popescu-Ștefan",
                "Education Safeguarding Lead",
                EDUCATION_AGENCY,
                "",
                ago(24),
            ),
            threshold=ThresholdDiscussion(
                ago(23), "Local authority, police and health", True, "Serious harm from neglect."
            ),
            parallel_processes=frozenset({ParallelProcess.POLICE_INVESTIGATION}),
            stage=Stage.AWAITING_SIGN_OFF,
        ),
        Case(
            reference="",
            children=(
                Child(
                    "Child K",
                    "Kit Larkspur-Fictional",
                    None,
                    16,
                    Sex.MALE,
                    "Asian British Bangladeshi",
                    "",
                    Outcome.SERIOUSLY_HARMED,
                    ChildStatus.LOOKED_AFTER,
                ),
            ),
            notification_sent=ago(45),
            national_panel_reference="SIN-2026-0702",
            incident_date=ago(50),
            la_aware_date=ago(48),
            notifying_authority="Northmoor Council",
            home_authority="Northmoor Council",
            summary="A 16-year-old in a children's home took an overdose after months of "
            "self-harm that staff had recorded.",
            stage=Stage.SENT_TO_NATIONAL_PANEL,
        ),
        Case(
            reference="",
            children=(
                Child(
                    "Child J",
                    "Jade Wrenfield-Fictional",
                    None,
                    9,
                    Sex.FEMALE,
                    "White British",
                    "",
                    Outcome.SERIOUSLY_HARMED,
                    ChildStatus.NONE,
                ),
            ),
            notification_sent=None,
            incident_date=ago(35),
            notifying_authority="Northmoor Council",
            home_authority="Northmoor Council",
            summary="A nine-year-old broke her arm at a trampoline park. A parent asked whether "
            "services had worked together well.",
            referral=Referral(
                ReferralRoute.PARENT, "Ms Corinne Wrenfield-Fictional", "Mother", "", "", ago(33)
            ),
            threshold=ThresholdDiscussion(
                ago(30),
                "Local authority, police and health",
                False,
                "An accident; no abuse or neglect known or suspected.",
            ),
            stage=Stage.THRESHOLD_NOT_MET,
        ),
        Case(
            reference="",
            children=(
                Child(
                    "Child D",
                    "Dara Ollerenshaw-Fictional",
                    None,
                    1,
                    Sex.MALE,
                    "White Irish",
                    "",
                    Outcome.DIED,
                    ChildStatus.CHILD_IN_NEED,
                ),
            ),
            notification_sent=ago(120),
            national_panel_reference="SIN-2026-0431",
            incident_date=ago(126),
            la_aware_date=ago(124),
            notifying_authority="Northmoor Council",
            home_authority="Northmoor Council",
            summary="A one-year-old died from injuries after a parent's new partner moved in. "
            "Several agencies knew of the partner's history.",
            parallel_processes=frozenset(
                {
                    ParallelProcess.POLICE_INVESTIGATION,
                    ParallelProcess.CORONER,
                    ParallelProcess.DOMESTIC_HOMICIDE_REVIEW,
                }
            ),
            stage=Stage.LOCAL_REVIEW,
        ),
    ]


def add_demo_data(session: Session, *, today: date, with_directory: bool = True) -> None:
    """Fill a store with the fictional partnership's directory (unless it has it already) and
    cases. The partnership's signing key must be open in the session (its certificate created or
    unlocked with the passphrase): the decided cases' sheets are signed."""
    with session.db.transaction():
        if with_directory:
            add_demo_directory(session)
        cases = CaseService(session)
        # Recorded oldest first, as they came in: the newest case has the highest reference.
        added = [
            cases.add_case(replace(case, profile=session.profile_name), today=today)
            for case in reversed(_cases(today))
        ]
        decided = next(c for c in added if c.stage is Stage.AWAITING_SIGN_OFF)
        sent = next(c for c in added if c.stage is Stage.SENT_TO_NATIONAL_PANEL)
        review = next(c for c in added if c.stage is Stage.LOCAL_REVIEW)
        add_demo_meetings(session, decided, sent, today=today)
    _book_demo_meetings(session, today)
    # Before the decided cases' sheets are signed: each prints its agencies' forms.
    add_agency_forms_demo_data(session, today, sent=sent, review=review)
    add_learning_demo_data(session, today)
    # Signed once the record is complete: the sheet prints each agency's involvement, from the
    # agency forms and the National Panel submission.
    assert decided.case_id is not None
    assert sent.case_id is not None
    add_demo_sign_off(session, decided.case_id, sent.case_id, today=today)


DEMO_MEETING_PLACE = "Northmoor Civic Centre, Room 4"


def _book_demo_meetings(session: Session, today: date) -> None:
    """Meetings for the open cases that have reached that stage, on days the rules allow."""
    timetables = TimetableService(session)
    calendar = timetables.settings.calendar()
    wanted = {Stage.MEETING_BOOKED: 2, Stage.COLLECTING_RETURNS: 5}
    for case in CaseService(session).open_cases():
        if case.stage not in wanted or case.case_id is None:
            continue
        day = calendar.add_working_days(today, wanted[case.stage])
        while not timetables.check_meeting(case.case_id, day).allowed:
            day = calendar.add_working_days(day, 1)
        timetables.book_meeting(
            case.case_id, day, start=time(10, 0), end=time(12, 0), place=DEMO_MEETING_PLACE
        )
