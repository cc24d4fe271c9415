"""A partner not agreeing the decision sheet follows the partnership's route, and their dissent
travels with the decision: Tower Hamlets steps 19 and 24 (the Rapid Review chair, then the
Executive chair, who decides); Leeds line 35 and Redbridge line 15 (the Executive decides);
never holding the statutory submission past day 15."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import (
    PARTNERS_DECIDE,
    DissentRoute,
    DissentRule,
    ExecutiveDecision,
    email_words,
)
from rrdesk.domain.decision_sheet.sign_off import SignOff
from rrdesk.domain.meeting.meeting_error import MeetingError

LA, POLICE, HEALTH = StatutoryPartner
SENT = date(2026, 12, 4)
ANSWERED = date(2026, 12, 7)
TOWER_HAMLETS = DissentRule(DissentRoute.CHAIR_THEN_EXECUTIVE, "THSCP Executive chair", False)
LEEDS = DissentRule(DissentRoute.EXECUTIVE_DECIDES, "LSCP Executive", False)
REASON = "The police's involvement was limited to one call-out; no learning for the police"


def working_day_of(day: date) -> int:
    """Notification on 1 December 2026 is day 0 (weekdays only, for this test)."""
    return {
        date(2026, 12, 8): 5,
        date(2026, 12, 9): 6,
        date(2026, 12, 10): 7,
        date(2026, 12, 21): 14,
        date(2026, 12, 22): 15,
    }[day]


def police_disagree(rule: DissentRule) -> SignOff:
    sign_off = SignOff()
    for partner in StatutoryPartner:
        sign_off = sign_off.send(partner, SENT)
    sign_off = sign_off.agree(LA, ANSWERED).agree(HEALTH, ANSWERED)
    return sign_off.disagree(
        POLICE,
        ANSWERED,
        REASON,
        signed_by="Sam Example",
        role="Detective Superintendent",
        rule=rule,
    )


def test_tower_hamlets_step_19_a_meeting_with_the_rapid_review_chair_comes_first() -> None:
    sign_off = police_disagree(TOWER_HAMLETS)
    assert sign_off.open_chair_meeting(POLICE) is not None
    with pytest.raises(MeetingError, match="Hold the meeting with the Rapid Review chair first"):
        sign_off.record_executive_decision(POLICE, date(2026, 12, 8), "Go", rule=TOWER_HAMLETS)
    with pytest.raises(MeetingError, match="hold the meeting with the Rapid Review chair, then"):
        sign_off.record_sent_to_national_panel(
            date(2026, 12, 8), working_day_of, rule=TOWER_HAMLETS
        )


def test_tower_hamlets_step_24_escalates_to_the_executive_chair_who_decides() -> None:
    sign_off = police_disagree(TOWER_HAMLETS).record_chair_meeting(
        POLICE, date(2026, 12, 8), "The police still do not agree"
    )
    sign_off = sign_off.record_executive_decision(
        POLICE, date(2026, 12, 9), "The recommendation stands", rule=TOWER_HAMLETS
    )
    assert sign_off.decision_on_dissent(POLICE) == ExecutiveDecision(
        POLICE, date(2026, 12, 9), "the THSCP Executive chair", "The recommendation stands"
    )
    assert sign_off.next_steps(TOWER_HAMLETS) == (
        "Send the decision to the National Panel, with the police's dissent recorded",
    )
    sent = sign_off.record_sent_to_national_panel(
        date(2026, 12, 10), working_day_of, rule=TOWER_HAMLETS
    )
    assert sent.national_panel_working_day == 7
    (dissent,) = sent.dissents
    assert dissent.words == (
        "The police did not agree on 7 December 2026 (Sam Example, Detective Superintendent): "
        f"{REASON}. Meeting with the Rapid Review chair: held 8 December 2026: The police still"
        " do not agree. Decided by the THSCP Executive chair on 9 December 2026: The"
        " recommendation stands."
    )


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(LEEDS, id="Leeds line 35: the LSCP Executive agrees or disagrees"),
        pytest.param(
            DissentRule(DissentRoute.EXECUTIVE_DECIDES, "Redbridge Executive", False),
            id="Redbridge line 15: the final decision lies with the Executive",
        ),
        pytest.param(PARTNERS_DECIDE, id="statutory (rrdesk default): the partners decide"),
    ],
)
def test_leeds_line_35_redbridge_line_15_the_executive_decides_with_no_chair_meeting(
    rule: DissentRule,
) -> None:
    sign_off = police_disagree(rule)
    assert sign_off.chair_meetings == ()
    assert sign_off.next_steps(rule)[0] == (
        f"Record what {rule.who} decided on the police's dissent, or send it to the police again"
    )
    decided = sign_off.record_executive_decision(POLICE, date(2026, 12, 8), "Agreed", rule=rule)
    sent = decided.record_sent_to_national_panel(date(2026, 12, 9), working_day_of, rule=rule)
    assert sent.dissents[0].decision is not None
    assert sent.dissents[0].words.endswith(f"Decided by {rule.who} on 8 December 2026: Agreed.")


def test_working_together_a_dissent_never_blocks_the_submission_past_day_15() -> None:
    """The dissent is recorded; the route need not be finished once day 15 has come."""
    sign_off = police_disagree(TOWER_HAMLETS)  # the chair meeting not yet held
    with pytest.raises(MeetingError, match="From working day 15 you can send the decision"):
        sign_off.record_sent_to_national_panel(date(2026, 12, 21), working_day_of)
    sent = sign_off.record_sent_to_national_panel(date(2026, 12, 22), working_day_of)
    assert sent.within_clock is True
    assert [d.partner_name for d in sent.dissents] == ["The police"]
    assert sent.dissents[0].decision is None


def test_a_partner_who_has_not_answered_still_holds_it_back() -> None:
    sign_off = SignOff().send(LA, SENT)
    with pytest.raises(MeetingError, match="have not agreed yet"):
        sign_off.record_sent_to_national_panel(date(2026, 12, 22), working_day_of)


def test_a_decision_needs_a_dissent_and_an_outcome() -> None:
    with pytest.raises(MeetingError, match="The police have not disagreed"):
        SignOff().record_executive_decision(POLICE, ANSWERED, "Go", rule=LEEDS)
    with pytest.raises(MeetingError, match="Enter what the LSCP Executive decided"):
        police_disagree(LEEDS).record_executive_decision(POLICE, ANSWERED, " ", rule=LEEDS)
    with pytest.raises(MeetingError, match="on or after 7 December 2026"):
        police_disagree(LEEDS).record_executive_decision(POLICE, SENT, "Go", rule=LEEDS)


def test_agreeing_after_sending_again_clears_the_dissent() -> None:
    sign_off = police_disagree(LEEDS).send(POLICE, date(2026, 12, 8))
    sign_off = sign_off.agree(POLICE, date(2026, 12, 9))
    assert sign_off.dissents == ()
    assert sign_off.all_agreed


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (TOWER_HAMLETS, "meets the Rapid Review chair"),
        (LEEDS, "has their dissent recorded, and the LSCP Executive decide"),
        (PARTNERS_DECIDE, "(rrdesk's own rule: the process names no route.)"),
    ],
    ids=["Tower Hamlets", "Leeds", "statutory"],
)
def test_the_route_in_words(rule: DissentRule, words: str) -> None:
    assert words in rule.words
    assert "from working day 15 it can be sent to the National Panel" in rule.words


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (TOWER_HAMLETS, "we will arrange a meeting with the Rapid Review chair"),
        (LEEDS, "your dissent is recorded, goes with the decision, and the LSCP Executive decide"),
    ],
    ids=["Tower Hamlets step 19", "Leeds line 35"],
)
def test_the_sign_off_email_says_what_follows_not_agreeing(rule: DissentRule, words: str) -> None:
    assert words in email_words(rule)
