"""Rules rrdesk chose where the partnerships' documents and Working Together set none are
labelled as rrdesk's own wherever they are shown, and the documents' words are read as people
read them. Each test is named for the seed step it stands beside."""

from __future__ import annotations

from fractions import Fraction

import pytest

from rrdesk.domain.after_meeting.threshold_letter import (
    LetterDetails,
    letter_notes,
    parse_letter_template,
)
from rrdesk.domain.meeting.meeting_rules import quorum_rule_from_profile, vote_rule_from_profile
from rrdesk.domain.meeting.vote import Tally, VoteOutcome, VoteRule
from rrdesk.domain.timetable.profiles import parse_profile
from rrdesk.resource_files import form
from tests.domain.after_meeting.learning_samples import sample_case

PROFILES = ("statutory", "tower-hamlets", "leeds", "redbridge", "gloucestershire", "wolverhampton")
OWN = (
    "rrdesk's own rule, not set by the guidance: IT can change it in the partnership's process"
    " profile"
)


def _profile(name: str):  # type: ignore[no-untyped-def]
    return parse_profile(form("profiles", f"{name}.toml").read_text(encoding="utf-8"), name)


@pytest.mark.parametrize("name", PROFILES)
def test_tower_hamlets_step_17_a_vote_counted_by_rrdesks_rule_says_so(name: str) -> None:
    """Step 17: the panel "takes a vote"; no document says how it is counted, nor a quorum."""
    profile = _profile(name)
    assert f"({OWN})" in vote_rule_from_profile(profile.vote).describe()
    assert f"({OWN})" in quorum_rule_from_profile(profile.quorum).describe()


def test_a_partnerships_own_rule_is_not_labelled_as_rrdesks() -> None:
    assert "rrdesk" not in VoteRule().describe()


@pytest.mark.parametrize(
    ("name", "goes_to"),
    [
        ("statutory", "No recommendation — referred to the safeguarding partners"),
        ("gloucestershire", "No recommendation — referred to the safeguarding partners"),
        ("wolverhampton", "No recommendation — referred to the safeguarding partners"),
        ("tower-hamlets", "No recommendation — referred to the Executive"),
        ("leeds", "No recommendation — referred to the Executive"),
        ("redbridge", "No recommendation — referred to the Executive"),
    ],
)
def test_tower_hamlets_step_24_a_tie_goes_to_the_executive_only_where_one_is_named(
    name: str, goes_to: str
) -> None:
    """Step 24 (Tower Hamlets), the Leeds guide and the Redbridge briefing name an Executive;
    the statutory profile, Gloucestershire and Wolverhampton do not."""
    rule = vote_rule_from_profile(_profile(name).vote)
    assert Tally(yes=2, no=2).outcome(rule) is VoteOutcome.REFERRED_TO_EXECUTIVE
    assert rule.describe().split("; otherwise ")[1].startswith(goes_to[:1].lower() + goes_to[1:])


@pytest.mark.parametrize(
    ("yes", "no", "outcome"),
    [
        (4, 2, VoteOutcome.RECOMMEND),
        (2, 4, VoteOutcome.DO_NOT_RECOMMEND),
        (3, 2, VoteOutcome.REFERRED_TO_EXECUTIVE),
        (2, 1, VoteOutcome.RECOMMEND),
    ],
    ids=["4 of 6 carries", "4 of 6 against carries", "3 of 5 falls short", "2 of 3 carries"],
)
def test_share_needed_two_thirds_means_at_least_two_thirds(
    yes: int, no: int, outcome: VoteOutcome
) -> None:
    assert Tally(yes=yes, no=no).outcome(VoteRule(share_needed=Fraction(2, 3))) is outcome


def test_share_needed_one_half_is_a_simple_majority() -> None:
    assert Tally(yes=3, no=3).outcome(VoteRule()) is VoteOutcome.REFERRED_TO_EXECUTIVE
    assert Tally(yes=4, no=3).outcome(VoteRule()) is VoteOutcome.RECOMMEND


def test_tower_hamlets_step_8_ten_days_read_as_working_days_is_rrdesks_reading() -> None:
    """Step 8: "a Rapid Review will take place within 10 days"; the process does not say
    working days."""
    profile = _profile("tower-hamlets")
    meeting = profile.milestone("rapid_review_meeting")
    assert meeting.working_days == 10 == profile.latest_meeting_working_day
    assert "rrdesk reads it as 10 working days" in meeting.note


def test_gloucestershire_the_national_panel_cannot_direct_a_local_review() -> None:
    """The briefing says a local review is "endorsed by the National Panel"; the Leeds guide
    (line 53) and Working Together: the Panel advises but cannot direct the partnership."""
    detail = _profile("gloucestershire").decision.decided_by_detail
    assert "endorses" not in detail
    assert "the safeguarding partners decide on a local review" in detail
    assert "cannot direct" in detail


def test_tower_hamlets_step_7_the_letters_20_working_days_is_rrdesks_default() -> None:
    """Step 7: the referrer "will receive a letter advising on next steps", with no time set."""
    template = parse_letter_template(form("threshold-letter.toml").read_text(encoding="utf-8"))
    assert "within 20 working days" in template.default_next_steps
    assert "rrdesk's own default" not in template.default_next_steps
    (note,) = letter_notes(sample_case(), LetterDetails(), template)
    assert "within 20 working days" in note
    assert "rrdesk's own default" in note
    assert (
        letter_notes(sample_case(), LetterDetails(next_steps="Talk to the school."), template) == ()
    )
