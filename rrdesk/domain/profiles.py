"""Process profiles: how one partnership runs its Rapid Review, as data.

A profile is a TOML file in ``forms/profiles/``. :func:`parse_profile` turns its text into a
:class:`ProcessProfile` or raises :class:`ProfileError` saying what is wrong and where.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import Enum
from typing import Any

STATUTORY_DEADLINE_KEY = "decision_to_national_panel"
STATUTORY_WORKING_DAYS = 15


class ProfileError(ValueError):
    """A process profile that cannot be used, with the reason in plain English."""


class CountFrom(Enum):
    """The date a milestone is counted from."""

    NOTIFICATION = "notification"
    REFERRAL = "referral"
    MEETING = "meeting"

    @property
    def words(self) -> str:
        return {
            CountFrom.NOTIFICATION: "the notification",
            CountFrom.REFERRAL: "the referral",
            CountFrom.MEETING: "the Rapid Review meeting",
        }[self]


@dataclass(frozen=True)
class MilestoneRule:
    """A milestone due ``working_days`` after the date it counts from.

    ``earliest_working_days`` is set when the document gives a window ("within 2 to 3 working
    days"): the milestone is due by the later figure and may happen from the earlier one.
    """

    key: str
    label: str
    counts_from: CountFrom
    working_days: int
    earliest_working_days: int | None = None
    note: str = ""


@dataclass(frozen=True)
class DecisionMakers:
    recommended_by: str
    decided_by: str
    decided_by_detail: str = ""


@dataclass(frozen=True)
class AgendaItem:
    """An item of the meeting agenda; ``each_agency`` items repeat once per agency."""

    key: str
    label: str
    minutes: int
    each_agency: bool = False


@dataclass(frozen=True)
class QuorumRule:
    """Which sectors must each have a voting member present, and how many voting members."""

    sectors_represented: tuple[str, ...]
    minimum_voting_members: int


@dataclass(frozen=True)
class VoteRule:
    rule: str
    tie_outcome: str


@dataclass(frozen=True)
class ProcessProfile:
    name: str
    title: str
    summary: str
    source: str
    milestones: tuple[MilestoneRule, ...]
    decision: DecisionMakers
    due_soon_working_days: int
    overlap_advice_at: int
    agency_return_min_working_days: int
    agency_return_max_working_days: int
    latest_meeting_working_day: int
    refuse_same_day_meetings: bool
    warn_back_to_back_meetings: bool
    agenda: tuple[AgendaItem, ...]
    quorum: QuorumRule
    vote: VoteRule

    def milestone(self, key: str) -> MilestoneRule:
        for rule in self.milestones:
            if rule.key == key:
                return rule
        raise KeyError(key)


class _Table:
    """Reads one TOML table, naming the place of any problem."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ProfileError(f"{where} must be a table")
        self.data = data
        self.where = where

    def _get(self, key: str, default: Any) -> Any:
        if key not in self.data:
            if default is _REQUIRED:
                raise ProfileError(f"{self.where} has no '{key}'")
            return default
        return self.data[key]

    def text(self, key: str, default: Any = None) -> str:
        value = self._get(key, _REQUIRED if default is None else default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise ProfileError(f"'{key}' in {self.where} must be some text")
        return value.strip()

    def number(self, key: str, default: Any = None, *, low: int = 0, high: int = 200) -> int:
        value = self._get(key, _REQUIRED if default is None else default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ProfileError(
                f"'{key}' in {self.where} must be a whole number from {low} to {high}"
            )
        return value

    def optional_number(self, key: str) -> int | None:
        return self.number(key, low=0, high=200) if key in self.data else None

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise ProfileError(f"'{key}' in {self.where} must be true or false")
        return value

    def table(self, key: str) -> _Table:
        return _Table(self._get(key, _REQUIRED), f"[{key}]")

    def tables(self, key: str) -> list[_Table]:
        value = self._get(key, _REQUIRED)
        if not isinstance(value, list) or not value:
            raise ProfileError(f"the profile must have at least one [[{key}]]")
        return [_Table(item, f"[[{key}]] number {n}") for n, item in enumerate(value, start=1)]


_REQUIRED = object()


def _milestone(table: _Table) -> MilestoneRule:
    raw_from = table.text("counts_from")
    try:
        counts_from = CountFrom(raw_from)
    except ValueError:
        choices = ", ".join(item.value for item in CountFrom)
        raise ProfileError(
            f"'counts_from' in {table.where} must be one of {choices}, not '{raw_from}'"
        ) from None
    rule = MilestoneRule(
        key=table.text("key"),
        label=table.text("label"),
        counts_from=counts_from,
        working_days=table.number("working_days", low=0, high=100),
        earliest_working_days=table.optional_number("earliest_working_days"),
        note=table.text("note", ""),
    )
    if rule.earliest_working_days is not None and rule.earliest_working_days > rule.working_days:
        raise ProfileError(f"'earliest_working_days' in {table.where} is later than 'working_days'")
    return rule


def _check_milestones(milestones: tuple[MilestoneRule, ...]) -> None:
    keys = [rule.key for rule in milestones]
    for key in keys:
        if keys.count(key) > 1:
            raise ProfileError(f"the milestone '{key}' appears more than once")
    try:
        statutory = next(rule for rule in milestones if rule.key == STATUTORY_DEADLINE_KEY)
    except StopIteration:
        raise ProfileError(
            f"the profile has no '{STATUTORY_DEADLINE_KEY}' milestone: every profile must show "
            "the decision to the National Panel at 15 working days after the notification"
        ) from None
    if (
        statutory.counts_from is not CountFrom.NOTIFICATION
        or statutory.working_days != STATUTORY_WORKING_DAYS
    ):
        raise ProfileError(
            f"the '{STATUTORY_DEADLINE_KEY}' milestone must count 15 working days from the "
            "notification"
        )


def _agenda_item(table: _Table) -> AgendaItem:
    return AgendaItem(
        key=table.text("key"),
        label=table.text("label"),
        minutes=table.number("minutes", low=1, high=240),
        each_agency=table.flag("each_agency", False),
    )


def _build(data: dict[str, Any], name: str) -> ProcessProfile:
    top = _Table(data, "the profile")
    decision = top.table("decision")
    warnings = top.table("warnings")
    returns = top.table("agency_returns")
    meetings = top.table("meetings")
    quorum = top.table("quorum")
    vote = top.table("vote")
    milestones = tuple(_milestone(item) for item in top.tables("milestones"))
    _check_milestones(milestones)
    sectors = quorum.data.get("sectors_represented")
    if not isinstance(sectors, list) or not all(isinstance(s, str) and s for s in sectors):
        raise ProfileError("'sectors_represented' in [quorum] must be a list of text")
    low = returns.number("min_working_days", low=1, high=15)
    high = returns.number("max_working_days", low=1, high=15)
    if low > high:
        raise ProfileError("'min_working_days' in [agency_returns] is more than 'max_working_days'")
    return ProcessProfile(
        name=name,
        title=top.text("title"),
        summary=top.text("summary"),
        source=top.text("source"),
        milestones=milestones,
        decision=DecisionMakers(
            recommended_by=decision.text("recommended_by"),
            decided_by=decision.text("decided_by"),
            decided_by_detail=decision.text("decided_by_detail", ""),
        ),
        due_soon_working_days=warnings.number("due_soon_working_days", low=0, high=15),
        overlap_advice_at=warnings.number("overlap_advice_at", low=2, high=20),
        agency_return_min_working_days=low,
        agency_return_max_working_days=high,
        latest_meeting_working_day=meetings.number("latest_working_day", low=1, high=15),
        refuse_same_day_meetings=meetings.flag("refuse_same_day", True),
        warn_back_to_back_meetings=meetings.flag("warn_back_to_back", True),
        agenda=tuple(_agenda_item(item) for item in top.tables("agenda")),
        quorum=QuorumRule(
            sectors_represented=tuple(sectors),
            minimum_voting_members=quorum.number("minimum_voting_members", low=1, high=50),
        ),
        vote=VoteRule(rule=vote.text("rule"), tie_outcome=vote.text("tie_outcome")),
    )


def parse_profile(text: str, name: str) -> ProcessProfile:
    """Turn a profile file's text into a :class:`ProcessProfile`, or raise :class:`ProfileError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"The process profile '{name}' cannot be read: {error}") from None
    try:
        return _build(data, name)
    except ProfileError as error:
        raise ProfileError(f"The process profile '{name}' cannot be used: {error}.") from None
