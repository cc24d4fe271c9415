"""Meeting records for the demo cases that have been decided: every name here is fictional."""

from __future__ import annotations

from datetime import date, time

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.cases.cases import Case
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.criteria import CriterionAnswer
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.vote import VoteChoice
from rrdesk.services.meeting.meeting_service import MeetingService
from rrdesk.services.store.session import Session

SENT_CASE_MEETING_DAY = 9
"""The working day after its notification on which the case sent to the National Panel met."""
LOCAL_REVIEW_MEETING_DAY = 8
"""The working day after its notification on which the case with a local review met."""

_CRITERIA_NEGLECT = (
    ("improvements_needed", CriterionAnswer.YES, "Neglect was not recognised over two years."),
    (
        "recurrent_themes",
        CriterionAnswer.YES,
        "Neglect and domestic abuse, as in two recent reviews.",
    ),
    (
        "agencies_not_working_together",
        CriterionAnswer.YES,
        "School attendance concerns were not shared with children's social care.",
    ),
    ("national_panel_suggests_local_review", CriterionAnswer.NOT_CLEAR, "Not yet heard."),
    ("single_agency_concern", CriterionAnswer.NO, ""),
    ("no_agency_involvement", CriterionAnswer.NO, "Several agencies were involved."),
    ("more_than_one_area", CriterionAnswer.NO, ""),
    ("institutional_setting", CriterionAnswer.NO, ""),
    ("complex_or_national_importance", CriterionAnswer.NO, ""),
)
_CRITERIA_HOME = (
    ("improvements_needed", CriterionAnswer.YES, "Self-harm records were not escalated."),
    ("recurrent_themes", CriterionAnswer.NOT_CLEAR, ""),
    ("agencies_not_working_together", CriterionAnswer.NO, "Agencies shared information well."),
    ("national_panel_suggests_local_review", CriterionAnswer.NO, ""),
    ("single_agency_concern", CriterionAnswer.YES, "The children's home's own practice."),
    ("no_agency_involvement", CriterionAnswer.NO, ""),
    ("more_than_one_area", CriterionAnswer.NO, ""),
    ("institutional_setting", CriterionAnswer.YES, "A children's home."),
    ("complex_or_national_importance", CriterionAnswer.NO, ""),
)


def with_demo_criteria(meeting: Meeting, kind: DecisionKind) -> Meeting:
    """Every criterion answered, as a meeting that reached a decision has them."""
    recommend = kind is DecisionKind.RECOMMEND_LOCAL_REVIEW
    for key, answer, note in _CRITERIA_NEGLECT if recommend else _CRITERIA_HOME:
        meeting = meeting.with_criterion(key, answer, note)
    return meeting


def _member_ids(service: MeetingService) -> dict[str, int]:
    return {m.name: m.member_id for m in service.directory_members() if m.member_id is not None}


def _meeting(
    service: MeetingService,
    case: Case,
    held_on: date,
    *,
    apologies: tuple[str, ...],
    substitute: tuple[str, str] | None,
    conflict: tuple[str, str],
) -> Meeting:
    ids = _member_ids(service)
    meeting = service.with_panel_attendance(Meeting(case_reference=case.reference))
    for person in apologies:
        meeting = meeting.with_attendance(ids[person], AttendanceStatus.APOLOGIES)
    if substitute is not None:
        meeting = service.with_substitute(meeting, ids[substitute[0]], ids[substitute[1]])
    meeting = meeting.with_attendance(ids["Adaeze Okonkwo-Byrne"], AttendanceStatus.ABSENT)
    # Apologies and absences recorded, the chair marks everyone else present.
    meeting = meeting.with_everyone_present()
    meeting = meeting.scheduled(held_on, time(10, 0), "Northmoor Civic Centre, Room 4", True)
    meeting = meeting.with_chair(ids["Harriet Vale"])
    meeting = meeting.with_conflict(ids[conflict[0]], conflict[1])
    return meeting.with_agenda(service.agenda_for(case, meeting))


def _vote(
    meeting: Meeting, choices: dict[int, VoteChoice], rule_meeting: MeetingService, case: Case
) -> Meeting:
    meeting = meeting.open_vote(rule_meeting.vote_rule(case))
    assert meeting.vote is not None
    vote = meeting.vote
    for voter in vote.voters:
        vote = vote.cast(voter.member_id, choices.get(voter.member_id, VoteChoice.YES))
    return meeting.with_vote(vote)


def add_demo_meetings(session: Session, decided: Case, sent: Case, *, today: date) -> None:
    """A complete meeting for the case awaiting sign-off, and one for the case signed off and
    sent on (its sign-off is recorded by :func:`rrdesk.demo.decision_sheets.add_demo_sign_off`)."""
    service = MeetingService(session)
    calendar = service.calendar
    ids = _member_ids(service)
    # Child A and Child B: recommend a local review, one member dissenting.
    assert decided.case_id is not None
    assert decided.notification_sent is not None
    held_on = calendar.add_working_days(decided.notification_sent, 10)
    meeting = _meeting(
        service,
        decided,
        min(held_on, today),
        apologies=("Nguyễn Thị Hương",),
        substitute=None,
        conflict=(
            "Dr Emre Yıldız",
            "Partner at the GP practice where the family are registered",
        ),
    )
    for key, answer, note in _CRITERIA_NEGLECT:
        meeting = meeting.with_criterion(key, answer, note)
    meeting = meeting.with_learning(
        Learning(
            good_practice=("The school raised the alarm on the first day of absence.",),
            could_have_been_better=(
                "Two reports of domestic abuse were not linked to the children's plan.",
            ),
            single_agency=("Health visiting did not follow up two missed contacts.",),
            multi_agency=("Attendance and neglect concerns were held in separate systems.",),
            theme_keys=("neglect", "domestic_abuse"),
            already_acted_on=("The school now shares attendance concerns the same day.",),
        )
    )
    meeting = meeting.with_action(
        ImmediateAction(
            "Check every open child protection plan for unlinked domestic abuse reports",
            "Northmoor Council Children's Social Care",
            calendar.add_working_days(meeting.held_on or today, 10),
        )
    )
    meeting = meeting.with_action(
        ImmediateAction(
            "Brief health visitors on following up missed contacts",
            "Northmoor Integrated Care Board",
        )
    )
    dissenter = ids["Gethin ap Rhys"]
    meeting = _vote(meeting, {dissenter: VoteChoice.NO}, service, decided)
    assert meeting.vote is not None
    meeting = meeting.with_vote(
        meeting.vote.record_dissent(
            dissenter,
            "The learning is already being taken forward by the agencies; a review would delay it.",
        ).close()
    )
    meeting = meeting.with_decision(
        make_decision(
            DecisionKind.RECOMMEND_LOCAL_REVIEW,
            "Three of the criteria are met: improvements are needed, the themes recur, and"
            " agencies did not work together on attendance and neglect.",
        )
    )
    service.save(decided.case_id, meeting, "Demo meeting record")

    # Child K: do not recommend; the learning goes to a single-agency review (signed off and
    # sent to the National Panel once the agency forms are in: rrdesk.demo.decision_sheets).
    assert sent.case_id is not None
    assert sent.notification_sent is not None
    held_on = calendar.add_working_days(sent.notification_sent, SENT_CASE_MEETING_DAY)
    meeting = _meeting(
        service,
        sent,
        held_on,
        apologies=("Tomasz Wąsik",),
        substitute=("Dafydd Morgan-Lewis", "Tomasz Wąsik"),
        conflict=(
            "Gethin ap Rhys",
            "Line-manages the nurse who treated the young person",
        ),
    )
    for key, answer, note in _CRITERIA_HOME:
        meeting = meeting.with_criterion(key, answer, note)
    meeting = meeting.with_learning(
        Learning(
            good_practice=("Staff recorded every incident of self-harm.",),
            could_have_been_better=("The records were not escalated to the home's manager.",),
            single_agency=("The home's escalation policy needs review.",),
            theme_keys=("self_harm", "children_in_care"),
        )
    )
    meeting = meeting.with_action(
        ImmediateAction(
            "Review the children's home's escalation policy",
            "Northmoor Council Children's Social Care",
            calendar.add_working_days(held_on, 15),
        )
    )
    choices = {
        voter_id: VoteChoice.NO
        for voter_id in (ids["Harriet Vale"], ids["Dr Siân Prydderch"], ids["Dr Emre Yıldız"])
    }
    choices[ids["Ioana Popescu-Ștefan"]] = VoteChoice.ABSTAIN
    choices[ids["Nguyễn Thị Hương"]] = VoteChoice.NO
    meeting = _vote(meeting, choices, service, sent)
    assert meeting.vote is not None
    meeting = meeting.with_vote(meeting.vote.close())
    meeting = meeting.with_decision(
        make_decision(
            DecisionKind.DO_NOT_RECOMMEND,
            "The concern is about a single agency's practice; the learning is best taken"
            " forward through that agency's own review.",
            LearningRoute.SINGLE_AGENCY_REVIEW,
        )
    )
    service.save(sent.case_id, meeting, "Demo meeting record")
