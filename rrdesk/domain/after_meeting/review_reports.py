"""Figures for a chosen period: reviews by stage, timeliness, local reviews, themes, actions."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rrdesk.domain.after_meeting.action_plan import AgencyActionCount, PlanAction, counts_by_agency
from rrdesk.domain.after_meeting.themes import CaseThemes, theme_frequencies
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.decision_sheet.sign_off import CLOCK_WORKING_DAYS
from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import format_date


class ReportError(UserError):
    """A period that cannot be reported on."""


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError("The end of the period must be on or after its start")

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def words(self) -> str:
        return f"{format_date(self.start)} to {format_date(self.end)}"


@dataclass(frozen=True)
class ReportCase:
    """One case as the reports see it. ``on`` places it in a period (notification, or referral
    for cases that were never notified). ``working_days_used`` is the working day the decision
    reached the National Panel; ``None`` until it has."""

    case_id: int
    reference: str
    stage: Stage
    on: date | None
    working_days_used: int | None = None
    local_review_commissioned_on: date | None = None


@dataclass(frozen=True)
class OnTimeShare:
    on_time: int
    decided: int

    @property
    def percent(self) -> int | None:
        """Rounded half up; ``None`` when nothing was decided."""
        if self.decided == 0:
            return None
        return (200 * self.on_time + self.decided) // (2 * self.decided)

    @property
    def words(self) -> str:
        if self.decided == 0:
            return "No decisions sent to the National Panel in this period"
        return f"{self.on_time} of {self.decided} ({self.percent}%)"


def on_time_share(working_days: Iterable[int | None]) -> OnTimeShare:
    """The share of decided reviews (a working day recorded) sent within 15 working days."""
    decided = [days for days in working_days if days is not None]
    return OnTimeShare(sum(1 for days in decided if days <= CLOCK_WORKING_DAYS), len(decided))


def median_working_days(working_days: Iterable[int | None]) -> float | None:
    """The median working days used by decided reviews; ``None`` when there are none."""
    decided = [days for days in working_days if days is not None]
    return float(statistics.median(decided)) if decided else None


def stage_counts(cases: Iterable[ReportCase]) -> tuple[tuple[Stage, int], ...]:
    """How many cases are at each stage, in the order of the process (stages with none left out)."""
    counts = dict.fromkeys(Stage, 0)
    for case in cases:
        counts[case.stage] += 1
    return tuple((stage, count) for stage, count in counts.items() if count)


@dataclass(frozen=True)
class PeriodReport:
    period: ReportPeriod
    case_count: int
    by_stage: tuple[tuple[Stage, int], ...]
    on_time: OnTimeShare
    median_days: float | None
    local_reviews_commissioned: int
    themes: tuple[tuple[str, int], ...]
    actions_by_agency: tuple[AgencyActionCount, ...]
    as_on: date


def build_report(
    period: ReportPeriod,
    cases: Sequence[ReportCase],
    themes: Sequence[CaseThemes],
    actions: Sequence[PlanAction],
    today: date,
) -> PeriodReport:
    """The period's figures. Cases count when dated in the period; local reviews when
    commissioned in it; actions open and overdue are as on ``today``, for actions of the
    period's cases."""
    in_period = [case for case in cases if period.contains(case.on)]
    ids = {case.case_id for case in in_period}
    days = [case.working_days_used for case in in_period]
    return PeriodReport(
        period=period,
        case_count=len(in_period),
        by_stage=stage_counts(in_period),
        on_time=on_time_share(days),
        median_days=median_working_days(days),
        local_reviews_commissioned=sum(
            1 for case in cases if period.contains(case.local_review_commissioned_on)
        ),
        themes=theme_frequencies(entry for entry in themes if entry.case_id in ids),
        actions_by_agency=counts_by_agency((a for a in actions if a.case_id in ids), today),
        as_on=today,
    )


def median_words(value: float | None) -> str:
    if value is None:
        return "No decisions yet"
    shown = f"{value:g}"
    return f"{shown} working day{'' if value == 1 else 's'}"
