from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

import pytest
from hypothesis import given

from rrdesk.domain.after_meeting.learning import Learning
from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.sheet_version import SheetHistory
from rrdesk.domain.meeting.agenda import build_agenda
from rrdesk.domain.meeting.attendance import AttendanceStatus
from rrdesk.domain.meeting.criteria import CriterionAnswer
from rrdesk.domain.meeting.decision import DecisionKind, LearningRoute, make_decision
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_changes import describe_changes
from rrdesk.domain.meeting.vote import VoteChoice
from tests.domain.meeting.meeting_strategies import meetings
from tests.domain.meeting.panel_people import (
    CHAIR,
    DOCTOR,
    NURSE,
    POLICE,
    POLICE_SUBSTITUTE,
    SCHOOL,
    complete_meeting,
    person,
)

EXPORTED = date(2026, 12, 3)


def reopened_with(change: Callable[[Meeting], Meeting]) -> Callable[[Meeting], Meeting]:
    """Reopen the vote with a reason, apply ``change`` to the vote, and close it again."""

    def apply(meeting: Meeting) -> Meeting:
        assert meeting.vote is not None
        reopened = meeting.with_vote(meeting.vote.reopen("Dan Okafor's conflict withdrawn"))
        return close_vote(change(reopened))

    return apply


def close_vote(meeting: Meeting) -> Meeting:
    assert meeting.vote is not None
    return meeting.with_vote(meeting.vote.close())


def cast(member_id: int, choice: VoteChoice) -> Callable[[Meeting], Meeting]:
    def apply(meeting: Meeting) -> Meeting:
        assert meeting.vote is not None
        return meeting.with_vote(meeting.vote.cast(member_id, choice))

    return apply


def dissent(meeting: Meeting) -> Meeting:
    assert meeting.vote is not None
    return meeting.with_vote(meeting.vote.record_dissent(SCHOOL, "The learning is in hand."))


CASES: list[tuple[str, Callable[[Meeting], Meeting], tuple[str, ...]]] = [
    ("nothing changed", lambda m: m, ()),
    (
        "meeting date",
        lambda m: m.scheduled(date(2026, 12, 4), time(14, 0), "Town Hall", False),
        ("Meeting date changed from 3 December 2026 to 4 December 2026",),
    ),
    (
        "start time and venue",
        lambda m: m.scheduled(date(2026, 12, 3), time(9, 30), "", True),
        ("Start time changed from 2pm to 9:30am", "Venue changed from Town Hall to Online"),
    ),
    (
        "chair",
        lambda m: m.with_chair(DOCTOR),
        ("Chair changed from Asha Patel to Chloe Reid",),
    ),
    (
        "attendance",
        lambda m: m.with_attendance(SCHOOL, AttendanceStatus.APOLOGIES),
        ("Eve Shah's attendance changed from present to sent apologies",),
    ),
    (
        "attendee added as a substitute",
        lambda m: m.with_substitute(person(POLICE_SUBSTITUTE), POLICE),
        ("Hana Kim added to the attendance (present)",),
    ),
    (
        "voting",
        lambda m: m.with_voting(SCHOOL, False),
        ("Eve Shah is now a non-voting member",),
    ),
    (
        "conflict declared",
        lambda m: m.with_conflict(SCHOOL, "Child's school"),
        ("Conflict of interest declared by Eve Shah: Child's school",),
    ),
    (
        "conflict withdrawn",
        lambda m: m.without_conflict(NURSE),
        ("Conflict of interest of Dan Okafor withdrawn",),
    ),
    (
        "conflict note",
        lambda m: m.with_conflict(NURSE, "Knows the family through church"),
        ("Note of Dan Okafor's conflict of interest changed to: Knows the family through church",),
    ),
    (
        "learning",
        lambda m: m.with_learning(Learning(good_practice=("Prompt referral",))),
        ("Good practice: added 'Prompt referral'",),
    ),
    (
        "criterion answer",
        lambda m: m.with_criterion("more_than_one_area", CriterionAnswer.NOT_CLEAR),
        (
            "Answer changed from no to not clear: More than one local authority, police force"
            " area or health area is involved, including where the family have moved around",
        ),
    ),
    (
        "criterion note",
        lambda m: m.with_criterion("recurrent_themes", CriterionAnswer.YES, "Safer sleep, again"),
        (
            "Note changed: There are recurrent themes in the safeguarding and promotion of the"
            " welfare of children",
        ),
    ),
    (
        "immediate action",
        lambda m: m.with_action(ImmediateAction("Safer sleep briefing", "ICB", date(2027, 1, 8))),
        ("Immediate action added: 'Safer sleep briefing' (ICB, due 8 January 2027)",),
    ),
    (
        "vote reopened and recast",
        reopened_with(cast(SCHOOL, VoteChoice.YES)),
        (
            "Vote reopened: Dan Okafor's conflict withdrawn",
            "Tally changed from 3 yes, 1 no, 0 abstentions to 4 yes, 0 no, 0 abstentions",
        ),
    ),
    (
        "vote reopened and outcome changed",
        reopened_with(lambda m: cast(CHAIR, VoteChoice.NO)(cast(POLICE, VoteChoice.NO)(m))),
        (
            "Vote reopened: Dan Okafor's conflict withdrawn",
            "Tally changed from 3 yes, 1 no, 0 abstentions to 1 yes, 3 no, 0 abstentions",
            "Vote outcome changed from Recommend a local review to Do not recommend a local review",
        ),
    ),
    ("dissent", dissent, ("Dissent recorded by Eve Shah",)),
    (
        "decision",
        lambda m: m.with_decision(
            make_decision(DecisionKind.DO_NOT_RECOMMEND, "In hand", LearningRoute.AUDIT)
        ),
        (
            "Decision changed from 'Recommend a local Child Safeguarding Practice Review' to"
            " 'Do not recommend a local Child Safeguarding Practice Review; learning through:"
            " audit'",
            "Rationale changed",
        ),
    ),
    (
        "sign-off is not a change to the sheet",
        lambda m: m.with_sign_off(m.sign_off.send(StatutoryPartner.POLICE, EXPORTED)),
        (),
    ),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_describe_changes(change: Callable[[Meeting], Meeting], expected: tuple[str, ...]) -> None:
    before = complete_meeting()
    assert describe_changes(before, change(before)) == expected


def test_attendee_removed_and_decision_removed() -> None:
    before = complete_meeting()
    after = replace(before.without_attendee(SCHOOL), decision=None)
    assert describe_changes(before, after) == (
        "Eve Shah removed from the attendance",
        "The decision was removed",
    )


def test_first_vote_and_decision_recorded() -> None:
    after = complete_meeting()
    before = replace(after, vote=None, decision=None)
    assert describe_changes(before, after) == (
        "Vote recorded: 3 yes, 1 no, 0 abstentions; Recommend a local review",
        "Decision recorded: Recommend a local Child Safeguarding Practice Review",
    )


# --- versions of the sheet ------------------------------------------------------------------


def test_first_export_is_version_one() -> None:
    history, version = SheetHistory().export(complete_meeting(), EXPORTED)
    assert (version.number, version.exported_on, version.changes) == (1, EXPORTED, ())
    assert version.note == "First version"
    assert history.current == version


def test_exporting_an_unchanged_record_gives_the_same_version() -> None:
    meeting = complete_meeting()
    history, first = SheetHistory().export(meeting, EXPORTED)
    signed = meeting.with_sign_off(meeting.sign_off.send(StatutoryPartner.HEALTH, EXPORTED))
    again, version = history.export(signed, date(2026, 12, 5))
    assert version is first
    assert again is history
    assert history.pending_changes(signed) == ()


def test_changing_the_record_after_export_creates_version_two() -> None:
    meeting = complete_meeting()
    history, first = SheetHistory().export(meeting, EXPORTED)
    changed = meeting.with_conflict(SCHOOL, "Child's school")
    assert history.pending_changes(changed) == (
        "Conflict of interest declared by Eve Shah: Child's school",
    )
    history, second = history.export(changed, date(2026, 12, 5))
    assert second.number == 2
    assert second.note == (
        "Version 2. Changes since version 1: Conflict of interest declared by Eve Shah:"
        " Child's school"
    )
    assert [v.number for v in history.versions] == [1, 2]
    assert history.versions[0] == first
    assert first.meeting == meeting


def test_no_pending_changes_before_any_export() -> None:
    assert SheetHistory().pending_changes(complete_meeting()) == ()
    assert SheetHistory().current is None


def test_correcting_a_name_is_a_change() -> None:
    before = complete_meeting()
    after = before.with_attendee(replace(before.attendee(SCHOOL), name="Eve Shaw"))
    assert describe_changes(before, after) == (
        "Eve Shah, Head of Inclusion, Education corrected to Eve Shaw, Head of Inclusion,"
        " Education",
    )


def test_agenda_and_projector_setting_are_not_on_the_sheet() -> None:
    before = complete_meeting()
    assert before.vote is not None
    after = before.with_agenda(build_agenda(["Police"])).with_vote(
        before.vote.with_names_on_projector(True)
    )
    assert describe_changes(before, after) == ()


@given(meetings())
def test_a_record_has_no_changes_from_itself(meeting: Meeting) -> None:
    assert describe_changes(meeting, meeting) == ()


@given(meetings(), meetings())
def test_a_change_is_described_whenever_the_sheet_would_differ(a: Meeting, b: Meeting) -> None:
    """If nothing is described, what the sheet shows is the same (sign-off and agenda aside)."""
    if describe_changes(a, b):
        return
    assert (a.case_reference, a.held_on, a.starts_at, a.venue, a.chair_id) == (
        b.case_reference,
        b.held_on,
        b.starts_at,
        b.venue,
        b.chair_id,
    )
    assert a.attendees == b.attendees
    assert a.conflicts == b.conflicts
    assert a.learning == b.learning
    assert a.criteria.responses == b.criteria.responses
    assert a.actions == b.actions
    assert a.decision == b.decision
