from datetime import date

import pytest

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import DissentRoute, DissentRule
from rrdesk.domain.decision_sheet.sign_off import SignOff, SignOffStatus
from rrdesk.domain.meeting.meeting_error import MeetingError

LA, POLICE, HEALTH = StatutoryPartner

SENT = date(2026, 12, 4)
ANSWERED = date(2026, 12, 7)
# Tower Hamlets steps 19 and 24: the Rapid Review chair, then the Executive chair.
CHAIR_FIRST = DissentRule(DissentRoute.CHAIR_THEN_EXECUTIVE, "THSCP Executive chair", False)


def working_day_of(day: date) -> int:
    """A stand-in for the calendar: notification on 1 December 2026 is day 0, weekdays only."""
    return {date(2026, 12, 8): 5, date(2026, 12, 22): 15, date(2026, 12, 23): 16}[day]


def sent_to_all() -> SignOff:
    sign_off = SignOff()
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, SENT)
    return sign_off


def agreed_by_all() -> SignOff:
    sign_off = sent_to_all()
    for partner in StatutoryPartner:
        sign_off = sign_off.agree(partner, ANSWERED, signed_by="Name", role="Role")
    return sign_off


def test_starts_with_nothing_sent() -> None:
    sign_off = SignOff()
    assert [p.status for p in sign_off.partners] == [SignOffStatus.NOT_SENT] * 3
    assert sign_off.next_steps() == (
        "Send the decision sheet to the local authority for sign-off",
        "Send the decision sheet to the police for sign-off",
        "Send the decision sheet to health for sign-off",
    )


def test_all_agree_then_sent_to_the_national_panel_within_the_clock() -> None:
    sign_off = agreed_by_all()
    assert sign_off.all_agreed
    assert sign_off.next_steps() == ("Send the decision to the National Panel",)
    done = sign_off.record_sent_to_national_panel(date(2026, 12, 8), working_day_of)
    assert done.national_panel_sent_on == date(2026, 12, 8)
    assert done.national_panel_working_day == 5
    assert done.within_clock is True
    assert done.next_steps() == ()


@pytest.mark.parametrize(
    ("day", "within"),
    [(date(2026, 12, 22), True), (date(2026, 12, 23), False)],
    ids=["day 15 is in time", "day 16 is late"],
)
def test_within_the_fifteen_day_clock(day: date, within: bool) -> None:
    done = agreed_by_all().record_sent_to_national_panel(day, working_day_of)
    assert done.within_clock is within


def test_not_yet_sent_has_no_clock_verdict() -> None:
    assert SignOff().within_clock is None


def test_cannot_send_to_the_national_panel_before_all_agree() -> None:
    sign_off = sent_to_all().agree(LA, ANSWERED).agree(HEALTH, ANSWERED)
    with pytest.raises(MeetingError, match="The police have not agreed yet"):
        sign_off.record_sent_to_national_panel(date(2026, 12, 8), working_day_of)


def test_national_panel_date_not_before_the_last_agreement() -> None:
    with pytest.raises(MeetingError, match="must be on or after 7 December 2026"):
        agreed_by_all().record_sent_to_national_panel(date(2026, 12, 6), working_day_of)


def test_nothing_changes_after_the_national_panel_is_told() -> None:
    done = agreed_by_all().record_sent_to_national_panel(date(2026, 12, 8), working_day_of)
    with pytest.raises(MeetingError, match="already been sent to the National Panel"):
        done.record_sent_to_national_panel(date(2026, 12, 8), working_day_of)
    with pytest.raises(MeetingError, match="already been sent to the National Panel"):
        done.send(POLICE, date(2026, 12, 9))


def test_answer_needs_the_sheet_sent_first() -> None:
    with pytest.raises(
        MeetingError, match="Send the decision sheet to health before recording their answer"
    ):
        SignOff().agree(HEALTH, ANSWERED)


def test_answer_not_before_the_sheet_was_sent() -> None:
    with pytest.raises(MeetingError, match="on or after 4 December 2026, when the sheet was sent"):
        sent_to_all().agree(POLICE, date(2026, 12, 3))


def test_agreement_keeps_name_role_and_comments() -> None:
    sign_off = sent_to_all().agree(
        POLICE, ANSWERED, signed_by=" Ben Cole ", role="Det Supt", comments="Agreed."
    )
    police = sign_off.of(POLICE)
    assert (police.status, police.answered_on) == (SignOffStatus.AGREED, ANSWERED)
    assert (police.signed_by, police.role, police.comments) == ("Ben Cole", "Det Supt", "Agreed.")


def test_cannot_send_again_after_agreeing() -> None:
    with pytest.raises(MeetingError, match="The police have already agreed"):
        agreed_by_all().send(POLICE, ANSWERED)


def test_partner_who_does_not_agree_opens_a_meeting_with_the_chair() -> None:
    sign_off = sent_to_all().agree(LA, ANSWERED).agree(POLICE, ANSWERED)
    sign_off = sign_off.disagree(
        HEALTH, ANSWERED, "The health learning is already in hand", rule=CHAIR_FIRST
    )
    assert sign_off.of(HEALTH).status is SignOffStatus.NOT_AGREED
    meeting = sign_off.open_chair_meeting(HEALTH)
    assert meeting is not None
    assert (meeting.opened_on, meeting.reason) == (
        ANSWERED,
        "The health learning is already in hand",
    )
    assert sign_off.next_steps(CHAIR_FIRST) == (
        "Hold a meeting with the Rapid Review chair, because health did not agree",
        "From working day 15 the decision can go to the National Panel with health's dissent"
        " recorded",
    )
    with pytest.raises(MeetingError, match="Hold the meeting with the chair before sending"):
        sign_off.send(HEALTH, date(2026, 12, 8))

    sign_off = sign_off.record_chair_meeting(
        HEALTH, date(2026, 12, 9), "Rationale expanded; sheet reissued as version 2"
    )
    assert sign_off.open_chair_meeting(HEALTH) is None
    assert sign_off.chair_meetings[0].held
    assert sign_off.next_steps(CHAIR_FIRST)[0] == (
        "Record what the THSCP Executive chair decided on health's dissent, or send the reviewed"
        " decision sheet to health again"
    )

    sign_off = sign_off.send(HEALTH, date(2026, 12, 9)).agree(HEALTH, date(2026, 12, 10))
    assert sign_off.all_agreed
    assert len(sign_off.chair_meetings) == 1


def test_not_agreeing_needs_a_reason() -> None:
    with pytest.raises(MeetingError, match="Enter why the police do not agree"):
        sent_to_all().disagree(POLICE, ANSWERED, "  ")


def test_second_answer_needs_the_sheet_sent_again() -> None:
    sign_off = sent_to_all().disagree(POLICE, ANSWERED, "Not agreed")
    with pytest.raises(MeetingError, match="The police have already answered"):
        sign_off.agree(POLICE, ANSWERED)


@pytest.mark.parametrize(
    ("held_on", "outcome", "message"),
    [
        (date(2026, 12, 6), "Agreed", "must be on or after 7 December 2026"),
        (date(2026, 12, 8), " ", "Enter what the meeting with the chair decided"),
    ],
    ids=["before it was opened", "no outcome"],
)
def test_chair_meeting_rules(held_on: date, outcome: str, message: str) -> None:
    sign_off = sent_to_all().disagree(POLICE, ANSWERED, "Not agreed", rule=CHAIR_FIRST)
    with pytest.raises(MeetingError, match=message):
        sign_off.record_chair_meeting(POLICE, held_on, outcome)


def test_no_chair_meeting_to_hold() -> None:
    with pytest.raises(MeetingError, match="no meeting with the chair to hold for the police"):
        SignOff().record_chair_meeting(POLICE, ANSWERED, "Agreed")


def test_awaiting_step() -> None:
    steps = SignOff().send(LA, SENT).next_steps()
    assert steps[0] == "Wait for the local authority to agree or not"
