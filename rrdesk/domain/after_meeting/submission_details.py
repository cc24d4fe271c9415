"""What the National Panel asks for that is recorded nowhere else: the "submission details".

Kept as the case document ``submission_details`` (JSON-safe dictionaries, dates as ISO text).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

FORMAT = 1


class Involvement(Enum):
    CONTACTED = "contacted"
    INVOLVED = "involved"
    NIL_RETURN = "nil_return"

    @property
    def label(self) -> str:
        return {
            "contacted": "Contacted, return awaited",
            "involved": "Involved",
            "nil_return": "Nil return: no involvement",
        }[self.value]


@dataclass(frozen=True)
class AgencyContribution:
    agency: str
    involvement: Involvement = Involvement.CONTACTED
    key_episodes: str = ""
    """Key practice episodes in this agency's work with the child, in a few sentences."""


@dataclass(frozen=True)
class SubmissionDetails:
    household: str = ""
    agencies: tuple[AgencyContribution, ...] = ()
    key_practice_episodes: str = ""
    lived_experience: str = ""
    equality_and_disability: str = ""
    """How inequality, race, culture, poverty or disability shaped the child's experience."""
    family_involvement: str = ""
    lateness_reason: str = ""
    proposed_scope: str = ""
    proposed_method: str = ""
    proposed_reviewer: str = ""
    proposed_timetable: str = ""
    learning_plan: str = ""
    """Without a local review: how the learning will be taken forward."""


TEXT_FIELDS = (
    "household",
    "key_practice_episodes",
    "lived_experience",
    "equality_and_disability",
    "family_involvement",
    "lateness_reason",
    "proposed_scope",
    "proposed_method",
    "proposed_reviewer",
    "proposed_timetable",
    "learning_plan",
)


def details_to_dict(details: SubmissionDetails) -> dict[str, Any]:
    body: dict[str, Any] = {"format": FORMAT}
    body.update({name: getattr(details, name) for name in TEXT_FIELDS})
    body["agencies"] = [
        {"agency": a.agency, "involvement": a.involvement.value, "key_episodes": a.key_episodes}
        for a in details.agencies
    ]
    return body


def details_from_dict(body: dict[str, Any] | None) -> SubmissionDetails:
    if not body:
        return SubmissionDetails()
    agencies = tuple(
        AgencyContribution(
            str(item.get("agency", "")),
            Involvement(item.get("involvement", "contacted")),
            str(item.get("key_episodes", "")),
        )
        for item in body.get("agencies", [])
    )
    texts = {name: str(body.get(name, "")) for name in TEXT_FIELDS}
    return SubmissionDetails(agencies=agencies, **texts)
