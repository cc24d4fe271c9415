"""Process profiles: how one partnership runs its Rapid Review, as data.

A profile is a TOML file in ``forms/profiles/``. :func:`parse_profile` turns its text into a
:class:`ProcessProfile` or raises :class:`ProfileError` saying what is wrong and where.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any

from rrdesk.domain.cases.directory import StatutoryPartner
from rrdesk.domain.decision_sheet.dissent import PARTNERS_DECIDE, DissentRoute, DissentRule
from rrdesk.domain.errors import UserError

STATUTORY_DEADLINE_KEY = "decision_to_national_panel"
STATUTORY_WORKING_DAYS = 15


class ProfileError(UserError):
    """A process profile that cannot be used, with the reason in plain English."""


class CountFrom(Enum):
    """The date a milestone is counted from."""

    NOTIFICATION = "notification"
    REFERRAL = "referral"
    MEETING = "meeting"
    FORMS_SENT = "forms_sent"
    CDOP_DISCUSSION = "cdop_discussion"

    @property
    def words(self) -> str:
        return {
            CountFrom.NOTIFICATION: "the notification",
            CountFrom.REFERRAL: "the referral",
            CountFrom.MEETING: "the Rapid Review meeting",
            CountFrom.FORMS_SENT: "the agency check forms were sent",
            CountFrom.CDOP_DISCUSSION: "the child death review or joint agency response discussion",
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
    name: str = ""
    """What the milestone is called where it is worded by its state rather than its ``label``
    (the meeting: "Review Advisory Group meeting (booked)"); empty for rrdesk's own name."""


@dataclass(frozen=True)
class DecisionMakers:
    recommended_by: str
    decided_by: str
    decided_by_detail: str = ""
    dissent: DissentRule = PARTNERS_DECIDE
    """What follows a partner not agreeing the decision sheet (``dissent_route``)."""
    local_review_below_threshold: bool = False
    """Cases that do not meet the definition may be reviewed locally (Redbridge, line 39)."""


AGENDA_KEYS = (
    "overview",
    "agency_account",
    "themes_and_learning",
    "criteria",
    "vote",
    "immediate_actions",
)
"""The meeting's items, in order; ``agency_account`` repeats once per agency."""


@dataclass(frozen=True)
class AgendaEntry:
    """Minutes for one agenda item (for ``agency_account``, minutes for each agency)."""

    key: str
    label: str
    minutes: int


@dataclass(frozen=True)
class QuorumSettings:
    """Each of ``required_partners`` represented by a present voting member, and at least
    ``minimum_voting_members`` voting members; recused members count only if ``count_recused``
    (false unless the profile says otherwise)."""

    required_partners: frozenset[StatutoryPartner]
    minimum_voting_members: int
    count_recused: bool
    rrdesk_rule: bool = False
    """Set by rrdesk, not by the partnership's documents or the guidance (``rrdesk_rule``)."""


@dataclass(frozen=True)
class VoteSettings:
    """A side wins with more than half of the votes cast when ``share_needed`` is "1/2", and with
    at least ``share_needed`` otherwise ("2/3": 4 of 6); abstentions counted if
    ``abstentions_count``; otherwise ``tie_outcome``."""

    share_needed: Fraction
    abstentions_count: bool
    tie_outcome: str
    rrdesk_rule: bool = False
    """Set by rrdesk, not by the partnership's documents or the guidance (``rrdesk_rule``)."""


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
    agenda: tuple[AgendaEntry, ...]
    quorum: QuorumSettings
    vote: VoteSettings
    non_voting_roles: tuple[str, ...] = ()
    """Panel roles that do not vote, as the profile names them: a person added to the directory
    in one of these roles is non-voting (the directory's flag, which can be changed)."""
    refuse_back_to_back_meetings: bool = False
    """Meetings for different cases on consecutive working days are refused, not only warned
    about (Tower Hamlets step 23: "under no circumstances")."""

    @property
    def agenda_minutes(self) -> dict[str, int]:
        """Minutes by agenda key, e.g. ``{"overview": 10, "agency_account": 5, ...}``."""
        return {entry.key: entry.minutes for entry in self.agenda}

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
        name=table.text("name", ""),
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


def _agenda(tables: list[_Table]) -> tuple[AgendaEntry, ...]:
    entries: dict[str, AgendaEntry] = {}
    for table in tables:
        key = table.text("key")
        if key not in AGENDA_KEYS:
            raise ProfileError(
                f"'key' in {table.where} must be one of {', '.join(AGENDA_KEYS)}, not '{key}'"
            )
        if key in entries:
            raise ProfileError(f"the agenda item '{key}' appears more than once")
        entries[key] = AgendaEntry(key, table.text("label"), table.number("minutes", high=240))
    missing = [key for key in AGENDA_KEYS if key not in entries]
    if missing:
        raise ProfileError(f"the agenda has no minutes for {', '.join(missing)}")
    return tuple(entries[key] for key in AGENDA_KEYS)


def _quorum(table: _Table) -> QuorumSettings:
    raw = table.data.get("required_partners")
    choices = ", ".join(partner.value for partner in StatutoryPartner)
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ProfileError(f"'required_partners' in [quorum] must be a list from: {choices}")
    try:
        partners = frozenset(StatutoryPartner(item) for item in raw)
    except ValueError:
        raise ProfileError(
            f"'required_partners' in [quorum] must be chosen from: {choices}"
        ) from None
    return QuorumSettings(
        required_partners=partners,
        minimum_voting_members=table.number("minimum_voting_members", low=1, high=50),
        count_recused=table.flag("count_recused", False),
        rrdesk_rule=table.flag("rrdesk_rule", False),
    )


def _vote(table: _Table) -> VoteSettings:
    text = table.text("share_needed")
    try:
        share = Fraction(text)
    except (ValueError, ZeroDivisionError):
        share = Fraction(-1)
    if not Fraction(1, 2) <= share < 1:
        raise ProfileError(
            f"'share_needed' in [vote] must be a fraction such as \"1/2\" or \"2/3\", not '{text}'"
        )
    return VoteSettings(
        share_needed=share,
        abstentions_count=table.flag("abstentions_count", False),
        tie_outcome=table.text("tie_outcome"),
        rrdesk_rule=table.flag("rrdesk_rule", False),
    )


def _non_voting_roles(top: _Table) -> tuple[str, ...]:
    if "panel" not in top.data:
        return ()
    panel = top.table("panel")
    raw = panel.data.get("non_voting_roles", [])
    if not isinstance(raw, list) or not all(isinstance(item, str) and item.strip() for item in raw):
        raise ProfileError("'non_voting_roles' in [panel] must be a list of roles")
    return tuple(item.strip() for item in raw)


def _dissent(decision: _Table) -> DissentRule:
    """``dissent_route``: "chair_then_executive" or "executive_decides" (the default, an rrdesk
    rule unless ``dissent_rrdesk_rule = false``); ``dissent_decided_by`` names who decides."""
    raw = decision.text("dissent_route", DissentRoute.EXECUTIVE_DECIDES.value)
    try:
        route = DissentRoute(raw)
    except ValueError:
        choices = " or ".join(f"'{r.value}'" for r in DissentRoute)
        raise ProfileError(f"'dissent_route' in [decision] must be {choices}") from None
    return DissentRule(
        route=route,
        decided_by=decision.text("dissent_decided_by", decision.text("decided_by")),
        rrdesk_rule=decision.flag("dissent_rrdesk_rule", True),
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
            dissent=_dissent(decision),
            local_review_below_threshold=decision.flag("local_review_below_threshold", False),
        ),
        due_soon_working_days=warnings.number("due_soon_working_days", low=0, high=15),
        overlap_advice_at=warnings.number("overlap_advice_at", low=2, high=20),
        agency_return_min_working_days=low,
        agency_return_max_working_days=high,
        latest_meeting_working_day=meetings.number("latest_working_day", low=1, high=15),
        refuse_same_day_meetings=meetings.flag("refuse_same_day", True),
        warn_back_to_back_meetings=meetings.flag("warn_back_to_back", True),
        refuse_back_to_back_meetings=meetings.flag("refuse_back_to_back", False),
        agenda=_agenda(top.tables("agenda")),
        quorum=_quorum(quorum),
        vote=_vote(vote),
        non_voting_roles=_non_voting_roles(top),
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
