"""The meeting's rules taken from the partnership's process profile (``forms/profiles/*.toml``)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from rrdesk.domain import profiles
from rrdesk.domain.agenda import AgendaItem, AgendaItemKind
from rrdesk.domain.directory import StatutoryPartner
from rrdesk.domain.meeting_error import MeetingError
from rrdesk.domain.quorum import QuorumRule
from rrdesk.domain.vote import VoteRule

_SECTORS = {
    "local authority": StatutoryPartner.LOCAL_AUTHORITY,
    "children's social care": StatutoryPartner.LOCAL_AUTHORITY,
    "police": StatutoryPartner.POLICE,
    "health": StatutoryPartner.HEALTH,
    "integrated care board": StatutoryPartner.HEALTH,
    "icb": StatutoryPartner.HEALTH,
}

_VOTE_RULES = {
    "simple majority": Fraction(1, 2),
    "two thirds": Fraction(2, 3),
    "two-thirds": Fraction(2, 3),
}

_AGENDA_KINDS = {
    "overview": AgendaItemKind.OVERVIEW,
    "agency_account": AgendaItemKind.AGENCY_ACCOUNT,
    "discussion": AgendaItemKind.THEMES_AND_LEARNING,
    "themes_and_learning": AgendaItemKind.THEMES_AND_LEARNING,
    "criteria": AgendaItemKind.CRITERIA,
    "decision": AgendaItemKind.VOTE,
    "vote": AgendaItemKind.VOTE,
    "immediate_actions": AgendaItemKind.IMMEDIATE_ACTIONS,
    "actions": AgendaItemKind.IMMEDIATE_ACTIONS,
}


def quorum_rule_from_profile(rule: profiles.QuorumRule) -> QuorumRule:
    """The profile's ``[quorum]``: sectors named in words become statutory partners."""
    partners: set[StatutoryPartner] = set()
    for sector in rule.sectors_represented:
        partner = _SECTORS.get(sector.strip().lower())
        if partner is None:
            raise MeetingError(
                f"The quorum in the process profile names '{sector}': use local authority,"
                " police or health"
            )
        partners.add(partner)
    return QuorumRule(frozenset(partners), rule.minimum_voting_members)


def vote_rule_from_profile(rule: profiles.VoteRule) -> VoteRule:
    """The profile's ``[vote]``: "Simple majority of the votes cast" (or "Two thirds of ...")."""
    words = rule.rule.strip().lower()
    for start, share in _VOTE_RULES.items():
        if words.startswith(start):
            return VoteRule(share_needed=share, abstentions_count="abstention" in words)
    raise MeetingError(
        f"The vote rule '{rule.rule}' in the process profile is not one rrdesk can count:"
        " use 'Simple majority of the votes cast' or 'Two thirds of the votes cast'"
    )


def agenda_from_profile(
    items: Sequence[profiles.AgendaItem], agencies: Sequence[str]
) -> tuple[AgendaItem, ...]:
    """The profile's agenda, with each ``each_agency`` item once per agency in the order given.

    The criteria (before the vote) and immediate actions (at the end) are always on the agenda;
    where the profile has no item for them they are added with 0 minutes, sharing the time of
    the item before.
    """
    names = [a.strip() for a in agencies if a.strip()]
    if len({n.casefold() for n in names}) != len(names):
        raise MeetingError("Each agency can give its account once")
    agenda: list[AgendaItem] = []
    for item in items:
        kind = _AGENDA_KINDS.get(item.key, AgendaItemKind.OTHER)
        if item.each_agency:
            agenda.extend(
                AgendaItem(AgendaItemKind.AGENCY_ACCOUNT, item.minutes, name, _short(item.label))
                for name in names
            )
        else:
            agenda.append(AgendaItem(kind, item.minutes, label=item.label))
    kinds = {item.kind for item in agenda}
    if AgendaItemKind.CRITERIA not in kinds:
        at = next((i for i, x in enumerate(agenda) if x.kind is AgendaItemKind.VOTE), len(agenda))
        agenda.insert(at, AgendaItem(AgendaItemKind.CRITERIA, 0))
    if AgendaItemKind.IMMEDIATE_ACTIONS not in kinds:
        agenda.append(AgendaItem(AgendaItemKind.IMMEDIATE_ACTIONS, 0))
    return tuple(agenda)


def _short(label: str) -> str:
    """``Agency's account`` reads ``Account from Police`` on the agenda."""
    return "Account" if label.strip().lower() in {"agency's account", "agency account"} else label
