"""The agencies and people the partnership works with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rrdesk.domain.cases.email_address import EMAIL_FORMAT_MESSAGE, is_email_address


class StatutoryPartner(Enum):
    """The three statutory safeguarding partners."""

    LOCAL_AUTHORITY = "local_authority"
    POLICE = "police"
    HEALTH = "health"

    @property
    def label(self) -> str:
        return {
            "local_authority": "Local authority",
            "police": "Police",
            "health": "Health (integrated care board)",
        }[self.value]

    @property
    def short_label(self) -> str:
        """``Local authority``, ``Police`` or ``Health``."""
        return self.label.split(" (")[0]


def _role_key(role: str) -> str:
    """A role as compared: case, spacing and hyphens ignored (``THSCP Co-ordinator`` is
    ``thscp coordinator``)."""
    return re.sub(r"\s+", " ", role.replace("-", "").casefold()).strip()


def voting_for_role(role: str, non_voting_roles: Sequence[str]) -> bool:
    """Whether a person added to the panel in ``role`` votes: yes, unless the role is one the
    process profile names as non-voting. The whole role is compared, never words in it: an
    "Education Safeguarding Coordinator" keeps the vote where "THSCP Co-ordinator" does not."""
    key = _role_key(role)
    return not any(key == _role_key(listed) for listed in non_voting_roles if listed.strip())


@dataclass(frozen=True)
class Agency:
    name: str
    partner: StatutoryPartner | None = None
    email: str = ""
    agency_id: int | None = None


@dataclass(frozen=True)
class Member:
    """A person in the directory, possibly a member of the Rapid Review panel."""

    name: str
    agency: str
    role: str = ""
    email: str = ""
    phone: str = ""
    on_panel: bool = False
    voting: bool = False
    substitute_for: int | None = None
    member_id: int | None = None
    executive_for: StatutoryPartner | None = None
    """The statutory partner this person signs off decisions for, as its executive lead."""
    executive_deputy: bool = False
    """True when they are the partner's deputy executive rather than its lead."""

    @property
    def executive_words(self) -> str:
        """``Executive lead, police`` or ``Deputy executive, health``; empty for others."""
        if self.executive_for is None:
            return ""
        post = "Deputy executive" if self.executive_deputy else "Executive lead"
        return f"{post}, {self.executive_for.short_label.lower()}"

    def validation_problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if not self.name.strip():
            problems.append(("name", "Enter the person's name"))
        if not self.agency.strip():
            problems.append(("agency", "Enter the agency"))
        if self.email.strip() and not is_email_address(self.email):
            problems.append(("email", EMAIL_FORMAT_MESSAGE))
        elif self.executive_for is not None and not self.email.strip():
            problems.append(
                (
                    "email",
                    "Enter an email address: executives are sent the decision sheet by email",
                )
            )
        return problems


_PARTNER_PHRASES = {
    StatutoryPartner.LOCAL_AUTHORITY: "the local authority",
    StatutoryPartner.POLICE: "the police",
    StatutoryPartner.HEALTH: "health",
}


@dataclass(frozen=True)
class PartnerExecutive:
    """Who signs off a decision for one statutory partner."""

    partner: StatutoryPartner
    lead: Member | None = None
    deputy: Member | None = None

    @property
    def addressee(self) -> Member | None:
        """The lead, or the deputy when there is no lead."""
        return self.lead or self.deputy


def partner_executives(members: list[Member]) -> list[PartnerExecutive]:
    """Each statutory partner's executive lead and deputy, in the partners' order."""
    found: list[PartnerExecutive] = []
    for partner in StatutoryPartner:
        posts = [m for m in members if m.executive_for is partner]
        found.append(
            PartnerExecutive(
                partner,
                lead=next((m for m in posts if not m.executive_deputy), None),
                deputy=next((m for m in posts if m.executive_deputy), None),
            )
        )
    return found


def executive_post_taken(member: Member, members: list[Member]) -> str:
    """Why ``member`` cannot take the executive post they are given, or "" if they can.

    Each partner has one executive lead and one deputy, so the sign-off email goes to one each.
    """
    if member.executive_for is None:
        return ""
    for other in members:
        if (
            other.member_id != member.member_id
            and other.executive_for is member.executive_for
            and other.executive_deputy == member.executive_deputy
        ):
            post = "deputy executive" if member.executive_deputy else "executive lead"
            return (
                f"{other.name} is already the {post} for {_PARTNER_PHRASES[member.executive_for]}."
                f" Change {other.name} first."
            )
    return ""
