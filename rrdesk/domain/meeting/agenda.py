"""The running order of the panel meeting, with minutes per item from the process profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from rrdesk.domain.meeting.meeting_error import MeetingError


class AgendaItemKind(Enum):
    OVERVIEW = "overview"
    AGENCY_ACCOUNT = "agency_account"
    THEMES_AND_LEARNING = "themes_and_learning"
    CRITERIA = "criteria"
    VOTE = "vote"
    IMMEDIATE_ACTIONS = "immediate_actions"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "overview": "Chair's overview",
            "agency_account": "Agency account",
            "themes_and_learning": "Themes and learning",
            "criteria": "The criteria",
            "vote": "The vote",
            "immediate_actions": "Immediate actions",
            "other": "Other business",
        }[self.value]


DEFAULT_MINUTES: Mapping[AgendaItemKind, int] = {
    AgendaItemKind.OVERVIEW: 10,
    AgendaItemKind.AGENCY_ACCOUNT: 5,
    AgendaItemKind.THEMES_AND_LEARNING: 20,
    AgendaItemKind.CRITERIA: 15,
    AgendaItemKind.VOTE: 5,
    AgendaItemKind.IMMEDIATE_ACTIONS: 10,
    AgendaItemKind.OTHER: 0,
}


@dataclass(frozen=True)
class AgendaItem:
    """One item; ``label`` is the profile's wording when it has its own."""

    kind: AgendaItemKind
    minutes: int
    agency: str = ""
    label: str = ""

    @property
    def title(self) -> str:
        if self.kind is AgendaItemKind.AGENCY_ACCOUNT and self.agency:
            return f"{self.label or 'Account'} from {self.agency}"
        return self.label or self.kind.label


def build_agenda(
    agencies: Sequence[str], minutes: Mapping[AgendaItemKind, int] = DEFAULT_MINUTES
) -> tuple[AgendaItem, ...]:
    """Overview, each agency's account in the order given, then the rest of the meeting.

    ``minutes`` gives the minutes for each kind of item (for an agency account, each account).
    """
    for kind in AgendaItemKind:
        if kind is AgendaItemKind.OTHER:
            continue
        if kind not in minutes:
            raise MeetingError(f"The process profile gives no minutes for '{kind.label}'")
        if minutes[kind] < 0:
            raise MeetingError(f"Minutes for '{kind.label}' cannot be negative")
    names = [a.strip() for a in agencies if a.strip()]
    if len({n.casefold() for n in names}) != len(names):
        raise MeetingError("Each agency can give its account once")
    items = [AgendaItem(AgendaItemKind.OVERVIEW, minutes[AgendaItemKind.OVERVIEW])]
    items.extend(
        AgendaItem(AgendaItemKind.AGENCY_ACCOUNT, minutes[AgendaItemKind.AGENCY_ACCOUNT], name)
        for name in names
    )
    items.extend(
        AgendaItem(kind, minutes[kind])
        for kind in (
            AgendaItemKind.THEMES_AND_LEARNING,
            AgendaItemKind.CRITERIA,
            AgendaItemKind.VOTE,
            AgendaItemKind.IMMEDIATE_ACTIONS,
        )
    )
    return tuple(items)


def total_minutes(agenda: Sequence[AgendaItem]) -> int:
    return sum(item.minutes for item in agenda)


def schedule(agenda: Sequence[AgendaItem], start: time) -> tuple[tuple[AgendaItem, time], ...]:
    """Each item with the time it is due to start, for the agenda timer."""
    moment = datetime.combine(date(2000, 1, 1), start)
    result = []
    for item in agenda:
        result.append((item, moment.time()))
        moment += timedelta(minutes=item.minutes)
    return tuple(result)
