"""Hypothesis strategies for meeting records that keep the domain's rules."""

from datetime import date, time
from fractions import Fraction

from hypothesis import strategies as st

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.meeting.agenda import build_agenda
from rrdesk.domain.meeting.attendance import AttendanceStatus, Attendee
from rrdesk.domain.meeting.criteria import CRITERIA, CriterionAnswer
from rrdesk.domain.meeting.decision import Decision, DecisionKind, LearningRoute
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.vote import VoteChoice, VoteRule

texts = st.text(max_size=30)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    count = draw(st.integers(min_value=1, max_value=6))
    meeting = Meeting(
        draw(texts),
        held_on=draw(st.none() | days),
        starts_at=draw(st.none() | st.times().map(lambda t: time(t.hour, t.minute))),
        place=draw(texts),
        online=draw(st.booleans()),
    )
    for member_id in range(1, count + 1):
        meeting = meeting.with_attendee(
            Attendee(
                member_id,
                draw(texts),
                draw(texts),
                draw(texts),
                draw(st.sampled_from(AttendanceStatus)),
                draw(st.booleans()),
            )
        )
    if draw(st.booleans()):
        meeting = meeting.with_substitute(Attendee(100, "Sub", "Police"), 1)
    for member_id in draw(st.sets(st.integers(min_value=1, max_value=count))):
        meeting = meeting.with_conflict(member_id, "x" + draw(texts))
    agencies = draw(st.lists(texts.filter(str.strip), max_size=3, unique_by=str.casefold))
    if len({a.strip().casefold() for a in agencies}) == len(agencies):
        meeting = meeting.with_agenda(build_agenda(agencies))
    meeting = meeting.with_learning(
        Learning(*(tuple(draw(st.lists(texts, max_size=3))) for _ in range(6)))
    )
    for criterion in draw(st.lists(st.sampled_from(CRITERIA), max_size=4)):
        meeting = meeting.with_criterion(
            criterion.key, draw(st.sampled_from(CriterionAnswer)), draw(texts)
        )
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        meeting = meeting.with_action(
            ImmediateAction("a" + draw(texts), "b", draw(st.none() | days))
        )
    rule = VoteRule(draw(st.fractions(min_value=Fraction(1, 2), max_value=1)), draw(st.booleans()))
    try:
        meeting = meeting.open_vote(rule)
    except MeetingError:
        return meeting
    assert meeting.vote is not None
    vote = meeting.vote
    for voter in vote.voters:
        vote = vote.cast(voter.member_id, draw(st.sampled_from(VoteChoice)))
    if draw(st.booleans()):
        vote = vote.close().record_dissent(vote.voters[0].member_id, "d" + draw(texts))
    kind = draw(st.sampled_from(DecisionKind))
    route = draw(st.sampled_from(LearningRoute)) if kind is DecisionKind.DO_NOT_RECOMMEND else None
    decision = Decision(kind, draw(texts), route, draw(texts))
    return meeting.with_vote(vote).with_decision(decision)
