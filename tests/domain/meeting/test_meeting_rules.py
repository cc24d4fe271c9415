from fractions import Fraction

import pytest

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.meeting.agenda import AgendaItemKind
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.meeting_rules import (
    agenda_from_profile,
    quorum_rule_from_profile,
    vote_rule_from_profile,
)
from rrdesk.domain.meeting.quorum import QuorumRule
from rrdesk.domain.meeting.vote import VoteRule
from rrdesk.domain.timetable import profiles
from rrdesk.domain.timetable.profiles import parse_profile
from rrdesk.resource_files import form

PROFILE_NAMES = [
    "gloucestershire",
    "leeds",
    "redbridge",
    "statutory",
    "tower-hamlets",
    "wolverhampton",
]


def shipped(name: str) -> profiles.ProcessProfile:
    return parse_profile(form("profiles", f"{name}.toml").read_text(encoding="utf-8"), name)


@pytest.mark.parametrize("name", PROFILE_NAMES)
def test_every_shipped_profile_gives_meeting_rules(name: str) -> None:
    profile = shipped(name)
    rule = quorum_rule_from_profile(profile.quorum)
    assert rule.required_partners == frozenset(StatutoryPartner)
    assert rule.minimum_voting_members >= 3
    vote = vote_rule_from_profile(profile.vote)
    assert (vote.share_needed, vote.abstentions_count) == (VoteRule().share_needed, False)
    assert vote.tie_outcome.startswith("No recommendation — referred to the ")
    agenda = agenda_from_profile(profile.agenda, ["Police", "Health"])
    kinds = [item.kind for item in agenda]
    assert kinds[0] is AgendaItemKind.OVERVIEW
    assert kinds.count(AgendaItemKind.AGENCY_ACCOUNT) == 2
    assert kinds.index(AgendaItemKind.CRITERIA) < kinds.index(AgendaItemKind.VOTE)
    assert kinds[-1] is AgendaItemKind.IMMEDIATE_ACTIONS


def test_tower_hamlets_agenda() -> None:
    agenda = agenda_from_profile(shipped("tower-hamlets").agenda, ["Children's Social Care"])
    assert [(item.kind, item.minutes) for item in agenda] == [
        (AgendaItemKind.OVERVIEW, 10),
        (AgendaItemKind.AGENCY_ACCOUNT, 5),
        (AgendaItemKind.THEMES_AND_LEARNING, 20),
        (AgendaItemKind.CRITERIA, 15),
        (AgendaItemKind.VOTE, 5),
        (AgendaItemKind.IMMEDIATE_ACTIONS, 10),
    ]
    assert agenda[1].title == "Account from Children's Social Care"


def test_profile_items_rrdesk_does_not_know_are_kept() -> None:
    entries = (
        profiles.AgendaEntry("overview", "Overview", 5),
        profiles.AgendaEntry("family", "Family involvement", 5),
        profiles.AgendaEntry("vote", "Vote", 5),
    )
    agenda = agenda_from_profile(entries, [])
    assert [(item.kind, item.minutes) for item in agenda] == [
        (AgendaItemKind.OVERVIEW, 5),
        (AgendaItemKind.OTHER, 5),
        (AgendaItemKind.CRITERIA, 0),
        (AgendaItemKind.VOTE, 5),
        (AgendaItemKind.IMMEDIATE_ACTIONS, 0),
    ]
    assert agenda[1].title == "Family involvement"


def test_agency_named_twice() -> None:
    entries = (profiles.AgendaEntry("agency_account", "Agency's account", 5),)
    with pytest.raises(MeetingError, match="Each agency can give its account once"):
        agenda_from_profile(entries, ["Police", "POLICE"])


def test_quorum_settings_carry_over() -> None:
    settings = profiles.QuorumSettings(frozenset({StatutoryPartner.POLICE}), 4, False)
    assert quorum_rule_from_profile(settings) == QuorumRule(
        frozenset({StatutoryPartner.POLICE}), 4, False
    )


def test_vote_settings_carry_over() -> None:
    settings = profiles.VoteSettings(Fraction(2, 3), True, "Referred to the Executive")
    assert vote_rule_from_profile(settings) == VoteRule(
        Fraction(2, 3), True, "Referred to the Executive"
    )
