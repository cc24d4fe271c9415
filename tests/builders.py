"""Small builders for tests: each saves what a test needs through the services, nothing more.

A test says what it relies on: the builders' defaults are plain and named below, and anything a
test asserts on it passes in itself. Nothing here reads the demo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from rrdesk.domain.after_meeting.action_plan import PlanAction
from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.after_meeting.local_review import LocalReview
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    Involvement,
    SubmissionDetails,
)
from rrdesk.domain.agency_forms.agency_form_record import FormRecord
from rrdesk.domain.cases.cases import Case, Child, Stage
from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.criteria import CriterionAnswer
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.agency_forms.agency_forms_service import AgencyFormsService
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.partnership.contact_details import ContactDetails
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService

# The partnership every builder uses unless a test passes its own names.
LA = "Westbury Children's Social Care"
POLICE = "Westbury Police"
HEALTH = "Westbury Integrated Care Board"
SCHOOLS = "Westbury Schools"
HOUSING = "Westbury Housing"


@dataclass(frozen=True)
class Person:
    name: str
    agency: str
    role: str = ""
    on_panel: bool = True
    voting: bool = True


# A voting member from each statutory partner and from schools, a coordinator who does not vote,
# and someone in the directory who is not on the panel.
PANEL = (
    Person("Alex Chair", LA, "Head of Quality Assurance (chair)"),
    Person("Pat Officer", POLICE, "Detective Inspector"),
    Person("Dr Hana Nurse", HEALTH, "Designated Nurse"),
    Person("Sam Teacher", SCHOOLS, "Education Safeguarding Lead"),
    Person("Robin Coordinator", LA, "Rapid Review Coordinator", voting=False),
    Person("Jo Housing", HOUSING, "Housing Officer", on_panel=False, voting=False),
)
PARTNERS = {LA: StatutoryPartner.LOCAL_AUTHORITY, POLICE: StatutoryPartner.POLICE}
PARTNERS[HEALTH] = StatutoryPartner.HEALTH


def email_of(agency: str) -> str:
    """The address the builders give an agency: ``westbury.police@example.org``."""
    return agency.lower().replace("'", "").replace(" ", ".") + "@example.org"


@dataclass(frozen=True)
class Directory:
    """Member ids by name, as saved."""

    ids: Mapping[str, int]

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


def add_directory(session: Session, people: Iterable[Person] = PANEL) -> Directory:
    """The agencies of ``people`` (the three statutory partners marked as such) and the people."""
    directory = DirectoryService(session)
    people = tuple(people)
    ids: dict[str, int] = {}
    with session.db.transaction():
        for agency in dict.fromkeys(p.agency for p in people):
            directory.save_agency(Agency(agency, PARTNERS.get(agency), email_of(agency)))
        for person in people:
            saved = directory.save_member(
                Member(
                    person.name,
                    person.agency,
                    person.role,
                    on_panel=person.on_panel,
                    voting=person.voting,
                )
            )
            assert saved.member_id is not None
            ids[person.name] = saved.member_id
    return Directory(ids)


CONTACT_ADDRESS = "Westbury Civic Centre\nHigh Street\nWestbury WB1 2CD"
CONTACT_TELEPHONE = "01632 960123"
CONTACT_EMAIL = "partnership@westbury.example"


def add_contact_details(session: Session) -> None:
    """The partnership's address, telephone and email (Partnership settings): every letter
    carries them."""
    ContactDetails(session).save(CONTACT_ADDRESS, CONTACT_TELEPHONE, CONTACT_EMAIL)


def add_substitute(session: Session, name: str, agency: str, stands_in_for: int) -> int:
    saved = DirectoryService(session).save_member(
        Member(name, agency, voting=True, substitute_for=stands_in_for)
    )
    assert saved.member_id is not None
    return saved.member_id


def add_case(
    session: Session,
    *,
    today: date,
    notified: date | None,
    stage: Stage = Stage.NOTIFIED,
    children: tuple[Child, ...] = (Child("Child P", "Poppy Example-Fictional"),),
    **fields: Any,
) -> Case:
    """A case at ``stage``, notified on ``notified``; other case fields by keyword."""
    case = Case(
        reference=fields.pop("reference", ""),
        children=children,
        notification_sent=notified,
        stage=stage,
        profile=session.profile_name,
        **fields,
    )
    saved = CaseService(session).add_case(case, today=today)
    assert saved.case_id is not None
    return saved


def book_meeting(session: Session, case: Case, day: date) -> date:
    """Book the meeting on ``day``; the test chooses a day the scheduling rules allow."""
    assert case.case_id is not None
    check = TimetableService(session).book_meeting(case.case_id, day)
    assert check.allowed, check
    return day


def meeting_held(
    session: Session,
    case: Case,
    *,
    held_on: date,
    chair: int,
    place: str = "Town Hall, Room 1",
    apologies: Iterable[int] = (),
    conflicts: Mapping[int, str] | None = None,
    criteria: CriterionAnswer = CriterionAnswer.YES,
    learning: Learning | None = None,
    actions: Iterable[ImmediateAction] = (),
) -> Meeting:
    """A meeting taken up to the vote: attendance (everyone present but ``apologies``), the
    chair, conflicts, every criterion answered ``criteria``; not saved."""
    service = MeetingService(session)
    meeting = service.with_panel_attendance(Meeting(case_reference=case.reference))
    for member_id in apologies:
        meeting = meeting.with_attendance(member_id, AttendanceStatus.APOLOGIES)
    meeting = meeting.with_everyone_present()
    meeting = meeting.scheduled(held_on, time(10, 0), place, False).with_chair(chair)
    for member_id, note in (conflicts or {}).items():
        meeting = meeting.with_conflict(member_id, note)
    for criterion in meeting.criteria.unanswered():
        meeting = meeting.with_criterion(criterion.key, criteria)
    if learning is not None:
        meeting = meeting.with_learning(learning)
    for action in actions:
        meeting = meeting.with_action(action)
    return meeting.with_agenda(service.agenda_for(case, meeting))


def voted(
    session: Session,
    case: Case,
    meeting: Meeting,
    choices: Mapping[int, VoteChoice] | None = None,
    *,
    dissent: Mapping[int, str] | None = None,
) -> Meeting:
    """The vote held and closed: every voter ``YES`` unless ``choices`` says otherwise."""
    meeting = meeting.open_vote(MeetingService(session).vote_rule(case))
    assert meeting.vote is not None
    vote = meeting.vote
    for voter in vote.voters:
        vote = vote.cast(voter.member_id, (choices or {}).get(voter.member_id, VoteChoice.YES))
    for member_id, words in (dissent or {}).items():
        vote = vote.record_dissent(member_id, words)
    return meeting.with_vote(vote.close())


def decided(
    session: Session,
    case: Case,
    meeting: Meeting,
    kind: DecisionKind = DecisionKind.RECOMMEND_LOCAL_REVIEW,
    rationale: str = "The criteria for a local review are met.",
    route: LearningRoute | None = None,
) -> Meeting:
    """The decision recorded and the meeting saved: the case moves to awaiting sign-off."""
    assert case.case_id is not None
    meeting = meeting.with_decision(make_decision(kind, rationale, route))
    return MeetingService(session).save(case.case_id, meeting, "Meeting record")


def signed_off(
    session: Session, case: Case, meeting: Meeting, *, sent: date, agreed: date
) -> Meeting:
    """Each statutory partner sent the sheet on ``sent`` and agreeing on ``agreed``; saved."""
    assert case.case_id is not None
    sign_off = meeting.sign_off
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, sent).agree(partner, agreed)
    return MeetingService(session).save(case.case_id, meeting.with_sign_off(sign_off), "Signed")


def requests_sent(session: Session, case: Case, agencies: Iterable[str], *, sent_on: date) -> None:
    """Agency check forms asked of ``agencies`` and sent on ``sent_on``."""
    assert case.case_id is not None
    service = AgencyFormsService(session)
    agencies = tuple(agencies)
    service.choose_agencies(case.case_id, agencies)
    for agency in agencies:
        service.record_sent(case.case_id, agency, sent_on)


def form_returned(
    session: Session,
    case: Case,
    agency: str,
    answers: Mapping[str, Any],
    *,
    on: date,
    quality_assured: bool = False,
) -> FormRecord:
    """The agency's form entered with ``answers`` and marked ready (so received ``on``), and
    quality assured when asked."""
    assert case.case_id is not None
    service = AgencyFormsService(session)
    record = replace(service.load_form(case.case_id, agency), answers=dict(answers))
    record = service.mark_ready(case.case_id, record, on)
    if quality_assured:
        service.record_quality_assured(case.case_id, agency, on)
    return record


def action_added(
    session: Session, case: Case, what: str, owner: str, *, due: date | None = None
) -> PlanAction:
    """An action on the statutory review action plan, added by hand."""
    assert case.case_id is not None
    return ActionPlanService(session).add_action(case.case_id, what, owner, due)


def local_review(session: Session, case: Case, *, commissioned_on: date) -> LocalReview:
    """The local review endorsed and commissioned on ``commissioned_on``."""
    assert case.case_id is not None
    return LocalReviewService(session).endorse(case.case_id, commissioned_on)


def sent_to_national_panel(session: Session, case: Case, meeting: Meeting, *, on: date) -> Meeting:
    """The signed-off decision sent to the National Panel on ``on``; saved."""
    assert case.case_id is not None
    return MeetingService(session).record_sent_to_national_panel(case.case_id, meeting, on)


# Every part of the National Panel submission's details form, in plain words.
SUBMISSION = SubmissionDetails(
    household="The child lived with their mother and a younger brother.",
    agencies=(AgencyContribution(POLICE, Involvement.INVOLVED, "Two call-outs to the home."),),
    key_practice_episodes="A referral in March was closed without a visit.",
    lived_experience="The child told a teacher they were often hungry.",
    equality_and_disability="No disability is known.",
    family_involvement="The mother was told of the review by the social worker.",
    learning_plan="A 7-minute briefing for every practitioner.",
    proposed_scope="The year before the incident.",
    proposed_method="A systems approach.",
    proposed_reviewer="An independent reviewer.",
    proposed_timetable="Completed within 6 months.",
)


def submission_recorded(session: Session, case: Case, **details: Any) -> SubmissionDetails:
    """The submission's details form saved: ``SUBMISSION``, any part replaced by keyword."""
    assert case.case_id is not None
    saved = replace(SUBMISSION, **details)
    SubmissionService(session).save_details(case.case_id, saved)
    return saved


def ready_to_submit(
    session: Session,
    people: Directory,
    *,
    today: date,
    notified: date,
    pseudonym: str = "Child K",
    learning: Learning | None = None,
    actions: Iterable[ImmediateAction] = (),
) -> Case:
    """Everything the National Panel asks for: the child's age and ethnicity, the Panel's
    reference, the incident (3 days before ``notified``) and a summary; a meeting on working day
    8 chaired by Alex Chair that recommended a local review, every voter ``YES``; signed off on
    day 10, sent to the Panel on day 12; and the details form (``SUBMISSION``)."""
    day = session.calendar.add_working_days
    case = add_case(
        session,
        today=today,
        notified=notified,
        children=(
            Child(pseudonym, "Kit Example-Fictional", age_years=15, ethnicity="Bangladeshi"),
        ),
        national_panel_reference="NP-2026-0042",
        incident_date=date.fromordinal(notified.toordinal() - 3),
        summary=f"{pseudonym} was found hurt at home.",
    )
    meeting = meeting_held(
        session,
        case,
        held_on=day(notified, 8),
        chair=people["Alex Chair"],
        learning=learning or Learning(good_practice=("Staff recorded every incident promptly.",)),
        actions=actions,
    )
    meeting = decided(session, case, voted(session, case, meeting))
    meeting = signed_off(session, case, meeting, sent=day(notified, 10), agreed=day(notified, 10))
    sent_to_national_panel(session, case, meeting, on=day(notified, 12))
    submission_recorded(session, case)
    assert case.case_id is not None
    return session.cases.get(case.case_id) or case
