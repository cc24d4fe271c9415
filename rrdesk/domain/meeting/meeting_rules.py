"""The meeting's rules taken from the partnership's process profile (``forms/profiles/*.toml``)."""

from __future__ import annotations

from collections.abc import Sequence

from rrdesk.domain.meeting.agenda import AgendaItem, AgendaItemKind
from rrdesk.domain.meeting.meeting_error import MeetingError
from rrdesk.domain.meeting.quorum import QuorumRule
from rrdesk.domain.meeting.vote import VoteRule
from rrdesk.domain.timetable.profiles import AgendaEntry, QuorumSettings, VoteSettings

_AGENDA_KINDS = {
    "overview": AgendaItemKind.OVERVIEW,
    "agency_account": AgendaItemKind.AGENCY_ACCOUNT,
    "themes_and_learning": AgendaItemKind.THEMES_AND_LEARNING,
    "criteria": AgendaItemKind.CRITERIA,
    "vote": AgendaItemKind.VOTE,
    "immediate_actions": AgendaItemKind.IMMEDIATE_ACTIONS,
}


def quorum_rule_from_profile(settings: QuorumSettings) -> QuorumRule:
    """The profile's ``[quorum]`` as the meeting's quorum rule."""
    return QuorumRule(
        settings.required_partners,
        settings.minimum_voting_members,
        settings.count_recused,
        rrdesk_rule=settings.rrdesk_rule,
    )


def vote_rule_from_profile(settings: VoteSettings) -> VoteRule:
    """The profile's ``[vote]`` as the rule that turns a tally into an outcome."""
    return VoteRule(
        share_needed=settings.share_needed,
        abstentions_count=settings.abstentions_count,
        tie_outcome=settings.tie_outcome,
        rrdesk_rule=settings.rrdesk_rule,
    )


def agenda_from_profile(
    entries: Sequence[AgendaEntry], agencies: Sequence[str]
) -> tuple[AgendaItem, ...]:
    """The profile's agenda, with the ``agency_account`` item once per agency in the order given.

    The criteria (before the vote) and immediate actions (at the end) are always on the agenda;
    where the profile has no item for them they are added with 0 minutes.
    """
    names = [a.strip() for a in agencies if a.strip()]
    if len({n.casefold() for n in names}) != len(names):
        raise MeetingError("Each agency can give its account once")
    agenda: list[AgendaItem] = []
    for entry in entries:
        kind = _AGENDA_KINDS.get(entry.key, AgendaItemKind.OTHER)
        if kind is AgendaItemKind.AGENCY_ACCOUNT:
            agenda.extend(
                AgendaItem(AgendaItemKind.AGENCY_ACCOUNT, entry.minutes, name, "Account")
                for name in names
            )
        else:
            agenda.append(AgendaItem(kind, entry.minutes, label=entry.label))
    kinds = {item.kind for item in agenda}
    if AgendaItemKind.CRITERIA not in kinds:
        at = next((i for i, x in enumerate(agenda) if x.kind is AgendaItemKind.VOTE), len(agenda))
        agenda.insert(at, AgendaItem(AgendaItemKind.CRITERIA, 0))
    if AgendaItemKind.IMMEDIATE_ACTIONS not in kinds:
        agenda.append(AgendaItem(AgendaItemKind.IMMEDIATE_ACTIONS, 0))
    return tuple(agenda)
