from datetime import date

import pytest

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import DissentRoute
from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.domain.timetable.meeting_milestone import MEETING_KEY, meeting_milestone
from rrdesk.domain.timetable.profiles import AGENDA_KEYS, CountFrom, ProfileError, parse_profile
from rrdesk.resource_files import form
from rrdesk.services.timetable.profile_catalogue import (
    UnknownProfileError,
    load_profile,
    load_profiles,
    profile_names,
)

PARTNERSHIPS = (
    "gloucestershire",
    "leeds",
    "redbridge",
    "statutory",
    "tower-hamlets",
    "wolverhampton",
)


def test_every_partnership_has_a_profile() -> None:
    assert profile_names() == PARTNERSHIPS
    profiles = load_profiles()
    assert set(profiles) == set(PARTNERSHIPS)


@pytest.mark.parametrize("name", PARTNERSHIPS)
def test_every_profile_has_the_decision_at_day_15(name: str) -> None:
    profile = load_profile(name)
    rule = profile.milestone("decision_to_national_panel")
    assert (rule.counts_from, rule.working_days) == (CountFrom.NOTIFICATION, 15)
    timetable = compute_timetable(profile, packaged_calendar(), date(2026, 12, 21))
    assert timetable.deadline == date(2027, 1, 14)
    assert profile.agenda
    assert profile.quorum.required_partners == frozenset(StatutoryPartner)
    assert set(profile.agenda_minutes) == set(AGENDA_KEYS)
    assert profile.latest_meeting_working_day <= 15


# (profile, milestone, counts from, working days, earliest) — the numbers in each document.
DOCUMENT_NUMBERS = [
    ("tower-hamlets", "rapid_review_meeting", CountFrom.NOTIFICATION, 10, None),
    ("tower-hamlets", "agency_checks_returned", CountFrom.FORMS_SENT, 8, 5),
    ("gloucestershire", "scoping_requests_sent", CountFrom.NOTIFICATION, 3, 2),
    ("wolverhampton", "scoping_requests_sent", CountFrom.REFERRAL, 2, None),
    ("wolverhampton", "national_panel_told_after_meeting", CountFrom.MEETING, 2, None),
]


@pytest.mark.parametrize(
    ("name", "key", "counts_from", "days", "earliest"),
    DOCUMENT_NUMBERS,
    ids=[
        "Tower Hamlets: panel within 10 working days",
        "Tower Hamlets: agency check forms in 5 to 8 working days",
        "Gloucestershire: scoping within 2 to 3 working days of the notification",
        "Wolverhampton: scoping within 2 working days of the referral",
        "Wolverhampton: National Panel told within 2 working days of the meeting",
    ],
)
def test_milestones_follow_the_documents(
    name: str, key: str, counts_from: CountFrom, days: int, earliest: int | None
) -> None:
    rule = load_profile(name).milestone(key)
    assert (rule.counts_from, rule.working_days, rule.earliest_working_days) == (
        counts_from,
        days,
        earliest,
    )


def test_tower_hamlets_rules() -> None:
    profile = load_profile("tower-hamlets")
    assert (profile.agency_return_min_working_days, profile.agency_return_max_working_days) == (
        5,
        8,
    )
    assert profile.latest_meeting_working_day == 10
    assert profile.refuse_same_day_meetings
    assert profile.warn_back_to_back_meetings
    assert profile.decision.recommended_by == "Rapid Review Panel"
    assert "Executive" in profile.decision.decided_by
    assert "three" in profile.decision.decided_by_detail


@pytest.mark.parametrize(
    ("name", "recommended_by", "decided_by"),
    [
        ("leeds", "Review Advisory Group", "LSCP Executive"),
        ("redbridge", "Rapid Review meeting", "Redbridge Executive"),
        ("tower-hamlets", "Rapid Review Panel", "Executive"),
    ],
    ids=["Leeds", "Redbridge", "Tower Hamlets"],
)
def test_who_decides(name: str, recommended_by: str, decided_by: str) -> None:
    decision = load_profile(name).decision
    assert (decision.recommended_by, decision.decided_by) == (recommended_by, decided_by)


def test_tower_hamlets_names_its_executive_as_step_24_does_without_the_acronym() -> None:
    """The words that go into emails, the decision sheet and the agenda: "the Executive" (step
    24), not "THSCP", which a reader outside the partnership may not know. The non-voting roles
    are job titles typed in the Directory, so they stay as the guidance names them."""
    profile = load_profile("tower-hamlets")
    shown = (
        profile.summary,
        profile.source,
        profile.decision.decided_by,
        profile.decision.dissent.who,
        *(item.label for item in profile.agenda),
    )
    assert not [words for words in shown if "THSCP" in words]
    assert profile.non_voting_roles == ("THSCP Manager", "THSCP Co-ordinator")


def test_wolverhampton_meeting_leaves_two_days_to_tell_the_panel() -> None:
    assert load_profile("wolverhampton").latest_meeting_working_day == 13


def test_an_unknown_profile_names_the_choices() -> None:
    with pytest.raises(UnknownProfileError, match="Choose from: gloucestershire, leeds"):
        load_profile("nowhere")


@pytest.mark.parametrize(
    ("name", "route", "who", "rrdesk_rule"),
    [
        ("tower-hamlets", DissentRoute.CHAIR_THEN_EXECUTIVE, "the Executive chair", False),
        ("leeds", DissentRoute.EXECUTIVE_DECIDES, "the LSCP Executive", False),
        ("redbridge", DissentRoute.EXECUTIVE_DECIDES, "the Redbridge Executive", False),
        ("statutory", DissentRoute.EXECUTIVE_DECIDES, "the safeguarding partners", True),
        ("gloucestershire", DissentRoute.EXECUTIVE_DECIDES, "the safeguarding partners", True),
        (
            "wolverhampton",
            DissentRoute.EXECUTIVE_DECIDES,
            "the Wolverhampton Safeguarding Together",
            True,
        ),
    ],
    ids=[
        "Tower Hamlets steps 19 and 24: the Rapid Review chair, then the Executive chair",
        "Leeds line 35: the Executive agrees or disagrees",
        "Redbridge line 15: the final decision lies with the Executive",
        "statutory: rrdesk default",
        "Gloucestershire: rrdesk default",
        "Wolverhampton: rrdesk default",
    ],
)
def test_each_profile_names_its_dissent_route(
    name: str, route: DissentRoute, who: str, rrdesk_rule: bool
) -> None:
    rule = load_profile(name).decision.dissent
    assert (rule.route, rule.who, rule.rrdesk_rule) == (route, who, rrdesk_rule)


def test_an_unknown_dissent_route_is_refused() -> None:
    text = form("profiles", "leeds.toml").read_text(encoding="utf-8")
    changed = text.replace('dissent_route = "executive_decides"', 'dissent_route = "vote"')
    with pytest.raises(ProfileError, match="'dissent_route' in \\[decision\\] must be"):
        parse_profile(changed, "leeds")


@pytest.mark.parametrize(
    ("name", "meeting"),
    [
        ("statutory", "Rapid Review meeting"),
        ("leeds", "Review Advisory Group meeting"),
        ("tower-hamlets", "Rapid Review Panel meeting"),
        ("redbridge", "Rapid Review meeting"),
    ],
)
def test_each_partnership_names_its_meeting_on_the_board_and_in_the_pack(
    name: str, meeting: str
) -> None:
    timetable = compute_timetable(load_profile(name), packaged_calendar(), date(2026, 11, 16))
    milestone = next(m for m in timetable.milestones if m.key == MEETING_KEY)
    worded = meeting_milestone(milestone, None)
    assert worded is not None
    assert worded.label == f"{meeting} (not booked yet)"
