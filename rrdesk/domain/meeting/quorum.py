"""Whether enough of the panel is in the room to decide, with the reason in plain words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rrdesk.domain.cases.directory import Agency, Member, StatutoryPartner
from rrdesk.domain.meeting.attendance import (
    Attendee,
    find_attendee,
    still_to_record,
    voting_members_present,
)

ALL_PARTNERS = frozenset(StatutoryPartner)

_PARTNER_SUBJECT = {
    StatutoryPartner.LOCAL_AUTHORITY: "The local authority is",
    StatutoryPartner.POLICE: "Police are",
    StatutoryPartner.HEALTH: "Health is",
}
_PARTNER_OBJECT = {
    StatutoryPartner.LOCAL_AUTHORITY: "the local authority",
    StatutoryPartner.POLICE: "the police",
    StatutoryPartner.HEALTH: "health",
}
_PARTNER_ORDER = tuple(StatutoryPartner)


@dataclass(frozen=True)
class QuorumRule:
    """The process profile's quorum.

    ``required_partners`` must each be represented by a present voting member, and at least
    ``minimum_voting_members`` voting members must be present. Members recused for a conflict
    of interest count towards neither unless ``count_recused`` (Tower Hamlets: a member with a
    conflict declares it and a substitute is agreed).
    """

    required_partners: frozenset[StatutoryPartner] = ALL_PARTNERS
    minimum_voting_members: int = 3
    count_recused: bool = False
    rrdesk_rule: bool = False
    """A rule the partnership's documents do not set (rrdesk's default)."""

    def describe(self) -> str:
        parts = [
            p.label.split(" (")[0].lower() for p in _PARTNER_ORDER if p in self.required_partners
        ]
        text = f"At least {self.minimum_voting_members} voting members present"
        if parts:
            joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
            text += f", with {joined} each represented by a voting member"
        if self.rrdesk_rule:
            text += (
                " (rrdesk's own rule, not set by the guidance: IT can change it in the"
                " partnership's process profile)"
            )
        return text


NOT_TAKEN = "Attendance not taken yet"


@dataclass(frozen=True)
class QuorumResult:
    """Met or not, once attendance is taken. Until everyone on the list is recorded present,
    sent apologies or absent, it is neither: ``attendance_taken`` is false and not ``met``."""

    met: bool
    voting_members: int
    reasons: tuple[str, ...] = ()
    attendance_taken: bool = True
    substitutes_needed: tuple[StatutoryPartner, ...] = ()
    """Partners whose only present voting members are recused: a substitute would represent
    them."""

    @property
    def summary(self) -> str:
        """``Quorum met``, ``Quorum not met: <reasons>`` or ``Attendance not taken yet: <how
        many are still to record>``."""
        if not self.attendance_taken:
            return f"{NOT_TAKEN}: " + "; ".join(self.reasons)
        if self.met:
            return "Quorum met"
        return "Quorum not met: " + "; ".join(self.reasons)


def partner_map(
    members: Iterable[Member], agencies: Iterable[Agency]
) -> dict[int, StatutoryPartner]:
    """Member id to the statutory partner their agency belongs to (members of others left out)."""
    by_name = {a.name.strip().casefold(): a.partner for a in agencies if a.partner is not None}
    result: dict[int, StatutoryPartner] = {}
    for member in members:
        partner = by_name.get(member.agency.strip().casefold())
        if member.member_id is not None and partner is not None:
            result[member.member_id] = partner
    return result


def _voters_plural(count: int) -> str:
    return f"{count} voting member{'' if count == 1 else 's'} present"


def evaluate_quorum(
    attendees: Sequence[Attendee],
    rule: QuorumRule,
    partners: Mapping[int, StatutoryPartner],
    recused: frozenset[int] = frozenset(),
) -> QuorumResult:
    """Met or not met, with a reason for each shortfall; not taken while anyone on the list is
    not recorded.

    A substitute represents the partner of their own agency, or failing that the partner of
    the member they replace; a present substitute for a recused member votes in their place.
    """
    counted_recused = frozenset() if rule.count_recused else recused
    present_voters = voting_members_present(attendees)
    voters = [a for a in present_voters if a.member_id not in counted_recused]
    voters.extend(
        a
        for a in attendees
        if a.present
        and a.substitute_for in counted_recused
        and a.member_id not in counted_recused
        and (replaced := find_attendee(attendees, a.substitute_for)) is not None
        and replaced.voting
        and not any(v.member_id == a.member_id for v in voters)
    )
    missing = still_to_record(attendees)
    if missing:
        return QuorumResult(False, len(voters), (missing,), attendance_taken=False)
    represented = {_partner_of(voter, partners) for voter in voters}
    reasons: list[str] = []
    substitutes: list[StatutoryPartner] = []
    for partner in _PARTNER_ORDER:
        if partner not in rule.required_partners or partner in represented:
            continue
        conflicted = [
            a.name
            for a in present_voters
            if a.member_id in counted_recused and _partner_of(a, partners) is partner
        ]
        if conflicted:
            substitutes.append(partner)
            reasons.append(
                f"{_PARTNER_SUBJECT[partner]} not represented: {_names(conflicted)} declared a"
                f" conflict of interest. Add a substitute for {_PARTNER_OBJECT[partner]}"
            )
        else:
            reasons.append(f"{_PARTNER_SUBJECT[partner]} not represented by a voting member")
    if len(voters) < rule.minimum_voting_members:
        reasons.append(
            f"{_voters_plural(len(voters))}; at least {rule.minimum_voting_members} are needed"
        )
    return QuorumResult(
        met=not reasons,
        voting_members=len(voters),
        reasons=tuple(reasons),
        substitutes_needed=tuple(substitutes),
    )


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def representatives(
    attendees: Sequence[Attendee],
    partners: Mapping[int, StatutoryPartner],
    partner: StatutoryPartner,
) -> tuple[Attendee, ...]:
    """The present voting members representing ``partner``."""
    return tuple(
        v for v in voting_members_present(attendees) if _partner_of(v, partners) is partner
    )


def _partner_of(
    voter: Attendee, partners: Mapping[int, StatutoryPartner]
) -> StatutoryPartner | None:
    partner = partners.get(voter.member_id)
    if partner is None and voter.substitute_for is not None:
        partner = partners.get(voter.substitute_for)
    return partner
