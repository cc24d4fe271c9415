"""The agencies and people the partnership works with."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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

    def validation_problems(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if not self.name.strip():
            problems.append(("name", "Enter the person's name"))
        if not self.agency.strip():
            problems.append(("agency", "Enter the agency"))
        if self.email and ("@" not in self.email or " " in self.email.strip()):
            problems.append(
                ("email", "Enter an email address in the correct format, like name@example.com")
            )
        return problems
