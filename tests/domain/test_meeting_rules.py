from fractions import Fraction

import pytest

from rrdesk.domain import profiles
from rrdesk.domain.agenda import AgendaItemKind
from rrdesk.domain.directory import StatutoryPartner
from rrdesk.domain.meeting_error import MeetingError
from rrdesk.domain.meeting_rules import (
    agenda_from_profile,
    quorum_rule_from_profile,
    vote_rule_from_profile,
)
from rrdesk.domain.profiles import parse_profile
from rrdesk.domain.quorum import QuorumRule
from rrdesk.domain.vote import VoteRule
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
    assert quorum_rule_from_profile(profile.quorum) == QuorumRule(minimum_voting_members=3)
    assert vote_rule_from_profile(profile.vote) == VoteRule()
    agenda = agenda_from_profile(profile.agenda, ["Police", "Health"])
    kinds = [item.kind for item in agenda]
    assert kinds[0] is AgendaItemKind.OVERVIEW
    assert kinds.count(AgendaItemKind.AGENCY_ACCOUNT) == 2
    assert kinds.index(AgendaItemKind.CRITERIA) < kinds.index(AgendaItemKind.VOTE)
    assert kinds[-1] is AgendaItemKind.IMMEDIATE_ACTIONS


def test_tower_hamlets_agenda() -> None:
    agenda = agenda_from_profile(shipped("tower-hamlets").agenda, ["Children's Social Care"])
    assert [(item.title, item.minutes) for item in agenda] == [
        ("Chair's overview of the case", 10),
        ("Account from Children's Social Care", 5),
        ("Discussion of themes and learning", 20),
        ("The criteria", 0),
        ("Vote on the recommendation to the Executive", 10),
        ("Immediate actions", 0),
    ]


def test_profile_items_rrdesk_does_not_know_are_kept() -> None:
    items = (
        profiles.AgendaItem("overview", "Overview", 5),
        profiles.AgendaItem("criteria", "Criteria", 10),
        profiles.AgendaItem("family", "Family involvement", 5),
        profiles.AgendaItem("immediate_actions", "Actions", 5),
    )
    agenda = agenda_from_profile(items, [])
    assert [(item.kind, item.title) for item in agenda] == [
        (AgendaItemKind.OVERVIEW, "Overview"),
        (AgendaItemKind.CRITERIA, "Criteria"),
        (AgendaItemKind.OTHER, "Family involvement"),
        (AgendaItemKind.IMMEDIATE_ACTIONS, "Actions"),
    ]


def test_agency_named_twice() -> None:
    items = (profiles.AgendaItem("agency_account", "Agency's account", 5, each_agency=True),)
    with pytest.raises(MeetingError, match="Each agency can give its account once"):
        agenda_from_profile(items, ["Police", "POLICE"])


@pytest.mark.parametrize(
    ("sectors", "partners"),
    [
        (("police",), {StatutoryPartner.POLICE}),
        (
            ("Local Authority", "ICB"),
            {StatutoryPartner.LOCAL_AUTHORITY, StatutoryPartner.HEALTH},
        ),
        ((), set()),
    ],
    ids=["police only", "other words for the partners", "none required"],
)
def test_quorum_sectors(sectors: tuple[str, ...], partners: set[StatutoryPartner]) -> None:
    rule = quorum_rule_from_profile(profiles.QuorumRule(sectors, 4))
    assert rule == QuorumRule(frozenset(partners), 4)


def test_unknown_sector() -> None:
    with pytest.raises(MeetingError, match="names 'education': use local authority"):
        quorum_rule_from_profile(profiles.QuorumRule(("education",), 3))


@pytest.mark.parametrize(
    ("words", "rule"),
    [
        ("Simple majority of the votes cast", VoteRule()),
        ("Two thirds of the votes cast", VoteRule(Fraction(2, 3))),
        (
            "Simple majority of the votes cast, abstentions included",
            VoteRule(abstentions_count=True),
        ),
    ],
    ids=["simple majority", "two thirds", "abstentions count"],
)
def test_vote_rules(words: str, rule: VoteRule) -> None:
    assert vote_rule_from_profile(profiles.VoteRule(words, "Referred")) == rule


def test_unknown_vote_rule() -> None:
    with pytest.raises(MeetingError, match="The vote rule 'Unanimous' in the process profile"):
        vote_rule_from_profile(profiles.VoteRule("Unanimous", "Referred"))
