from fractions import Fraction

import pytest

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.timetable.profiles import CountFrom, ProfileError, parse_profile
from rrdesk.resource_files import form

GOOD = form("profiles", "statutory.toml").read_text(encoding="utf-8")


def test_the_statutory_profile_parses() -> None:
    profile = parse_profile(GOOD, "statutory")
    assert profile.name == "statutory"
    rule = profile.milestone("decision_to_national_panel")
    assert (rule.counts_from, rule.working_days) == (CountFrom.NOTIFICATION, 15)
    assert profile.agenda_minutes == {
        "overview": 10,
        "agency_account": 5,
        "themes_and_learning": 20,
        "criteria": 15,
        "vote": 5,
        "immediate_actions": 10,
    }
    assert profile.quorum.required_partners == frozenset(StatutoryPartner)
    assert profile.quorum.minimum_voting_members == 3
    assert profile.vote.share_needed == Fraction(1, 2)
    assert not profile.vote.abstentions_count
    assert profile.vote.tie_outcome == "No recommendation — referred to the safeguarding partners"
    with pytest.raises(KeyError):
        profile.milestone("nothing")


def _without_decision(text: str) -> str:
    start = text.index('[[milestones]]\nkey = "decision_to_national_panel"')
    end = text.index("[[agenda]]")
    return text[:start] + text[end:]


BAD = [
    ("TOML syntax", GOOD + "\nthis is = = wrong\n", "line"),
    ("no title", GOOD.replace('title = "Statutory Rapid Review"', ""), "no 'title'"),
    (
        "days not a number",
        GOOD.replace("working_days = 15", 'working_days = "fifteen"'),
        "'working_days' in \\[\\[milestones\\]\\] number 2 must be a whole number",
    ),
    (
        "unknown count-from",
        GOOD.replace(
            'counts_from = "notification"\nworking_days = 15',
            'counts_from = "x"\nworking_days = 15',
        ),
        "must be one of notification, referral, meeting",
    ),
    ("no decision milestone", _without_decision(GOOD), "every profile must show the decision"),
    (
        "decision not 15",
        GOOD.replace("working_days = 15", "working_days = 14"),
        "must count 15 working days",
    ),
    (
        "duplicate milestone",
        GOOD.replace('key = "rapid_review_meeting"', 'key = "decision_to_national_panel"'),
        "more than once",
    ),
    (
        "returns the wrong way round",
        GOOD.replace("min_working_days = 5", "min_working_days = 9"),
        "more than 'max_working_days'",
    ),
    (
        "flag not true or false",
        GOOD.replace("refuse_same_day = true", 'refuse_same_day = "yes"'),
        "true or false",
    ),
    (
        "partners not a list",
        GOOD.replace("required_partners = [", 'required_partners = "x"\nold = ['),
        "must be a list from: local_authority, police, health",
    ),
    (
        "unknown partner",
        GOOD.replace('required_partners = ["local_authority"', 'required_partners = ["council"'),
        "must be chosen from",
    ),
    (
        "share not a fraction",
        GOOD.replace('share_needed = "1/2"', 'share_needed = "half"'),
        "must be a fraction",
    ),
    (
        "share too small",
        GOOD.replace('share_needed = "1/2"', 'share_needed = "1/3"'),
        "must be a fraction",
    ),
    ("unknown agenda item", GOOD.replace('key = "criteria"', 'key = "lunch"'), "not 'lunch'"),
    ("agenda item twice", GOOD.replace('key = "criteria"', 'key = "vote"'), "more than once"),
    (
        "agenda item missing",
        GOOD[: GOOD.index('[[agenda]]\nkey = "immediate_actions"')],
        "no minutes for immediate_actions",
    ),
    ("no agenda", GOOD[: GOOD.index("[[agenda]]")], "has no 'agenda'"),
    (
        "table not a table",
        "vote = 3\n" + GOOD.replace("[vote]\n", "[old_vote]\n"),
        "must be a table",
    ),
]


@pytest.mark.parametrize(
    ("text", "reason"), [(t, r) for _, t, r in BAD], ids=[i for i, _, _ in BAD]
)
def test_a_bad_profile_says_why(text: str, reason: str) -> None:
    with pytest.raises(ProfileError, match=reason) as caught:
        parse_profile(text, "broken")
    assert "'broken'" in str(caught.value)
