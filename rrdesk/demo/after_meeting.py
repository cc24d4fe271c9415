"""Demo records for after the meeting: a full National Panel submission, a local review with its
milestones, a threshold letter, notification themes and an action plan across agencies.

Every person and case is fictional. A meeting already recorded for a demo case is kept as it is.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from rrdesk.demo.decision_sheets import signed_off_and_sent
from rrdesk.demo.meetings import LOCAL_REVIEW_MEETING_DAY, SENT_CASE_MEETING_DAY, with_demo_criteria
from rrdesk.domain.after_meeting.action_plan import ActionStatus, ActionTracking, SourceReview
from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.after_meeting.local_review import LocalReview
from rrdesk.domain.after_meeting.submission_details import (
    AgencyContribution,
    Involvement,
    SubmissionDetails,
)
from rrdesk.domain.after_meeting.threshold_letter import LetterDetails
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.cases.document_kinds import DocumentKind
from rrdesk.domain.meeting.attendance import Attendee
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_document import meeting_to_dict
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.after_meeting.submission_service import SubmissionService
from rrdesk.services.after_meeting.theme_service import ThemeService
from rrdesk.services.after_meeting.threshold_letter_service import ThresholdLetterService
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session

_LA = "Northmoor Council Children's Social Care"
_POLICE = "Northmoor Police Public Protection Unit"
_ICB = "Northmoor Integrated Care Board"
_EDU = "Northmoor Education Safeguarding Service"
_HOSP = "Northmoor General Hospital"
_MH = "Northmoor Community Mental Health Trust"
_HOUSING = "Northmoor Housing"
_SIGNERS = {
    StatutoryPartner.LOCAL_AUTHORITY: ("Marisol Treharne", "Director of Children's Services"),
    StatutoryPartner.POLICE: ("Det Supt Morwenna Treloar", "Deputy Head of Public Protection"),
    StatutoryPartner.HEALTH: ("Dr Ingrid Halvorsen-Kaur", "Chief Nursing Officer"),
}


def _by_pseudonym(cases: list[Case], pseudonym: str) -> Case | None:
    return next((c for c in cases if c.children and c.children[0].pseudonym == pseudonym), None)


def _meeting(
    session: Session,
    case: Case,
    held_on: date,
    learning: Learning,
    actions: tuple[ImmediateAction, ...],
    decision_kind: DecisionKind,
    rationale: str,
    route: LearningRoute | None,
) -> Meeting:
    members = [m for m in session.directory.members() if m.on_panel]
    meeting = Meeting(case.reference).scheduled(
        held_on, time(10, 0), "Northmoor Civic Centre, Room 4", online=True
    )
    for member in members:
        meeting = meeting.with_attendee(Attendee.from_member(member))
    meeting = meeting.with_everyone_present()  # the whole panel came
    chair = next((m for m in members if "chair" in m.role.lower()), members[0])
    meeting = meeting.with_chair(chair.member_id).with_learning(learning)
    meeting = with_demo_criteria(meeting, decision_kind)
    for action in actions:
        meeting = meeting.with_action(action)
    meeting = meeting.open_vote()
    assert meeting.vote is not None
    vote = meeting.vote
    choice = (
        VoteChoice.YES if decision_kind is DecisionKind.RECOMMEND_LOCAL_REVIEW else VoteChoice.NO
    )
    for voter in vote.voters:
        vote = vote.cast(voter.member_id, choice)
    meeting = meeting.with_vote(vote.close())
    return meeting.with_decision(make_decision(decision_kind, rationale, route))


def _signed_off(
    meeting: Meeting, sent: date, agreed: date, calendar: BankHolidayCalendar, notified: date
) -> Meeting:
    sign_off = meeting.sign_off
    for partner, (name, role) in _SIGNERS.items():
        sign_off = sign_off.send(partner, sent).agree(partner, agreed, signed_by=name, role=role)
    sign_off = sign_off.record_sent_to_national_panel(
        agreed, lambda day: calendar.working_days_between(notified, day)
    )
    return meeting.with_sign_off(sign_off)


def _put_meeting(session: Session, case: Case, meeting: Meeting) -> None:
    assert case.case_id is not None
    if session.documents.get(case.case_id, DocumentKind.MEETING) is None:
        session.documents.put(case.case_id, DocumentKind.MEETING, meeting_to_dict(meeting))


def _panel_case(session: Session, case: Case, calendar: BankHolidayCalendar, today: date) -> None:
    assert case.case_id is not None
    assert case.notification_sent is not None
    notified = case.notification_sent
    held = calendar.add_working_days(notified, SENT_CASE_MEETING_DAY)
    learning = Learning(
        good_practice=(
            "Residential staff recorded every incident of self-harm promptly and in detail.",
        ),
        could_have_been_better=(
            "The child's requests to move placement were recorded but not acted on.",
            "Referrals to the mental health service were declined twice without a joint review.",
        ),
        single_agency=(
            "The mental health trust to review how declined referrals are followed up.",
        ),
        multi_agency=("Escalation when a referral is declined for a looked-after child.",),
        theme_keys=("self_harm", "voice_of_the_child", "escalation"),
        already_acted_on=("The children's home now holds weekly reviews of self-harm incidents.",),
    )
    actions = (
        ImmediateAction(
            "Joint review of every declined mental health referral for looked-after children",
            _MH,
            today - timedelta(days=12),
        ),
        ImmediateAction(
            "Brief residential staff on the escalation policy", _LA, today + timedelta(days=20)
        ),
        ImmediateAction(
            "Add the child's wishes to every placement review record",
            _LA,
            today - timedelta(days=3),
        ),
    )
    meeting = _meeting(
        session,
        case,
        held,
        learning,
        actions,
        DecisionKind.DO_NOT_RECOMMEND,
        "The criteria for a local review are not met: the learning is clear, is mostly for two "
        "agencies, and is already being acted on. A single-agency review and a learning briefing "
        "will take it forward.",
        LearningRoute.SINGLE_AGENCY_REVIEW,
    )
    sent = calendar.add_working_days(notified, 11)
    agreed = calendar.add_working_days(notified, 13)
    _put_meeting(session, case, _signed_off(meeting, sent, agreed, calendar, notified))
    SubmissionService(session).save_details(
        case.case_id,
        SubmissionDetails(
            household="Child K lived in a children's home run by the council, placed 18 months "
            "before. Mother lives locally and has weekly contact; father's whereabouts are not "
            "known. Two younger siblings live with foster carers.",
            agencies=(
                AgencyContribution(
                    _LA,
                    Involvement.INVOLVED,
                    "Allocated social worker since placement; three placement reviews.",
                ),
                AgencyContribution(
                    _MH, Involvement.INVOLVED, "Two referrals declined; one assessment offered."
                ),
                AgencyContribution(_EDU, Involvement.INVOLVED, "Attendance fell to 60% in spring."),
                AgencyContribution(
                    _POLICE, Involvement.INVOLVED, "Four missing episodes reported by the home."
                ),
                AgencyContribution(_HOUSING, Involvement.NIL_RETURN, ""),
            ),
            key_practice_episodes="March: first referral to the mental health service declined "
            "as not meeting threshold. May: the child asked to move placement; recorded but not "
            "reviewed. July: second referral declined; no escalation by the social worker.",
            lived_experience="Child K told staff he felt 'stuck' and that nobody listened when he "
            "asked to move. He spent long periods alone in his room and stopped going to football.",
            equality_and_disability="As a Bangladeshi boy in a home with no staff who shared his "
            "language or culture, he had few people to talk to. No disability is known; his "
            "emotional needs were not assessed as a disability.",
            family_involvement="Child K's mother was told of the Rapid Review by his social "
            "worker and will be offered a meeting with the reviewer of the single-agency review.",
            learning_plan="A single-agency review by the mental health trust reporting in three "
            "months, and a 7-minute briefing for all residential and mental health staff.",
        ),
    )


def _local_review_case(
    session: Session, case: Case, calendar: BankHolidayCalendar, today: date
) -> None:
    assert case.case_id is not None
    assert case.notification_sent is not None
    notified = case.notification_sent
    learning = Learning(
        good_practice=("The health visitor shared concerns with the GP on the same day.",),
        could_have_been_better=(
            "Nobody asked who the mother's new partner was or checked his history.",
        ),
        multi_agency=("Agencies held pieces of the partner's history that were never joined up.",),
        theme_keys=("invisible_men", "information_sharing", "risk_assessment"),
    )
    actions = (
        ImmediateAction(
            "Police to share the partner's history with children's social care",
            _POLICE,
            notified + timedelta(days=7),
        ),
        ImmediateAction(
            "Health visitors to ask about new adults in the household at every visit",
            _ICB,
            notified + timedelta(days=60),
        ),
    )
    meeting = _meeting(
        session,
        case,
        calendar.add_working_days(notified, LOCAL_REVIEW_MEETING_DAY),
        learning,
        actions,
        DecisionKind.RECOMMEND_LOCAL_REVIEW,
        "The criteria are met: serious concerns about how agencies worked together, and learning "
        "about men in the household that may apply widely.",
        None,
    )
    if session.documents.get(case.case_id, DocumentKind.MEETING) is None:
        MeetingService(session).save(case.case_id, meeting, "Demo meeting record")
        add = calendar.add_working_days
        sent, agreed = add(notified, 10), add(notified, 12)
        signed_off_and_sent(session, case.case_id, sent, agreed, agreed, _SIGNERS)
    reviews = LocalReviewService(session)
    commissioned = notified + timedelta(days=30)
    reviews.save(
        case.case_id,
        LocalReview(
            commissioned_on=commissioned,
            reviewer="Dr Annest Carrow, independent reviewer",
            reviewer_independent=True,
            method="Systems approach with a practitioner learning event",
            panel="Harriet Vale (chair)\nTomasz Wąsik\nDr Siân Prydderch\nFern Ashdown",
            family_informed_on=commissioned + timedelta(days=6),
            family_involvement="Mother and maternal grandmother will meet the reviewer.",
            publication_planned=commissioned + timedelta(days=200),
        ),
    )
    SubmissionService(session).save_details(
        case.case_id,
        SubmissionDetails(
            proposed_scope="From the mother's pregnancy to the child's death, with a focus on "
            "how agencies knew about the partner.",
            proposed_method="Systems approach with a practitioner learning event",
            proposed_reviewer="Dr Annest Carrow, independent reviewer",
            proposed_timetable="Commissioned within a month; completed within 6 months.",
        ),
    )


def _threshold_case(session: Session, case: Case, today: date) -> None:
    assert case.case_id is not None
    letters = ThresholdLetterService(session)
    letters.save_details(
        case.case_id,
        LetterDetails(
            next_steps="Please share the learning about supervision at the trampoline park with "
            "the school's designated safeguarding lead, and let the Rapid Review Chair know you "
            "have done so within 20 working days.",
            signatory="Harriet Vale",
            signatory_role="Rapid Review Chair",
        ),
    )
    if not letters.versions(case.case_id) and not letters.problems(case.case_id):
        letters.export(case.case_id, today)
    themes = ThemeService(session)
    for key in ("multi_agency_working", "professional_curiosity"):
        themes.record_theme(case.case_id, key, today)


def _track(plan: ActionPlanService, case: Case, key: str, tracking: ActionTracking) -> None:
    """Record tracking for an action the case's meeting has; skipped when it has no such action."""
    if case.case_id is not None and any(
        a.case_id == case.case_id and a.key == key for a in plan.actions()
    ):
        plan.update_tracking(case.case_id, key, tracking)


def _action_plan(
    session: Session, panel: Case | None, review: Case | None, decided: Case | None, today: date
) -> None:
    plan = ActionPlanService(session)
    if panel is not None and panel.case_id is not None:
        _track(
            plan,
            panel,
            "meeting-1",
            ActionTracking(ActionStatus.IN_PROGRESS, "Briefing booked for two homes."),
        )
        plan.add_action(
            panel.case_id,
            "Audit of school attendance for looked-after children placed out of area",
            _EDU,
            today - timedelta(days=30),
        )
        added = plan.add_action(
            panel.case_id,
            "Add the child's wishes to every placement review record",
            _LA,
            today - timedelta(days=3),
        )
        plan.update_tracking(
            panel.case_id,
            added.key,
            ActionTracking(
                ActionStatus.COMPLETED,
                "Placement review template changed; audit of 10 records shows it is used.",
                today - timedelta(days=5),
            ),
        )
    if decided is not None:
        _track(
            plan,
            decided,
            "meeting-0",
            ActionTracking(ActionStatus.IN_PROGRESS, "Half of the open plans checked so far."),
        )
    if review is not None and review.case_id is not None:
        _track(
            plan,
            review,
            "meeting-0",
            ActionTracking(
                ActionStatus.COMPLETED,
                "History shared at the strategy discussion; recorded on both systems.",
                today - timedelta(days=110),
                "Rapid Review Working Group (Fern Ashdown)",
                today - timedelta(days=40),
            ),
        )
        _track(
            plan,
            review,
            "meeting-1",
            ActionTracking(
                ActionStatus.COMPLETED,
                "New-adult question added to the health visiting template.",
                today - timedelta(days=50),
            ),
        )
        plan.add_action(
            review.case_id,
            "Hospital safeguarding team to check partners' names against police records",
            _HOSP,
            today + timedelta(days=45),
            SourceReview.LOCAL_REVIEW,
        )
        plan.add_action(
            review.case_id,
            "Housing to tell children's social care when a new adult joins a tenancy",
            _HOUSING,
            today - timedelta(days=9),
            SourceReview.LOCAL_REVIEW,
        )


def add_learning_demo_data(session: Session, today: date) -> None:
    """Add the after-the-meeting demo records to a store that already has the demo cases."""
    calendar = session.calendar
    cases = session.cases.all_cases()
    panel = _by_pseudonym(cases, "Child K")
    review = _by_pseudonym(cases, "Child D")
    threshold = _by_pseudonym(cases, "Child J")
    with session.db.transaction():
        if panel is not None:
            _panel_case(session, panel, calendar, today)
        if review is not None:
            _local_review_case(session, review, calendar, today)
        if threshold is not None:
            _threshold_case(session, threshold, today)
        themes = ThemeService(session)
        for pseudonym, keys in (
            ("Child R", ("safer_sleep", "substance_misuse")),
            ("Child A", ("neglect", "domestic_abuse", "information_sharing")),
            ("Child M", ("exploitation", "transitions")),
        ):
            found = _by_pseudonym(cases, pseudonym)
            if found is not None and found.case_id is not None:
                for key in keys:
                    themes.record_theme(found.case_id, key, today)
        _action_plan(session, panel, review, _by_pseudonym(cases, "Child A"), today)
