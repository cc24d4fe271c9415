"""Period reports: on-time share, median working days, stages, local reviews, themes, actions."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.action_plan import AddedAction, plan_for_case
from rrdesk.domain.after_meeting.review_reports import (
    OnTimeShare,
    ReportCase,
    ReportError,
    ReportPeriod,
    build_report,
    median_words,
    median_working_days,
    on_time_share,
    stage_counts,
)
from rrdesk.domain.after_meeting.themes import CaseThemes
from rrdesk.domain.cases.cases import Stage

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("days", "on_time", "decided", "percent"),
    [
        pytest.param([15, 15, 16], 2, 3, 67, id="day 15 is on time, day 16 is late"),
        pytest.param([10, None, 12], 2, 2, 100, id="undecided cases are left out"),
        pytest.param([], 0, 0, None, id="nothing decided"),
        pytest.param([20, 18], 0, 2, 0, id="all late"),
        pytest.param([14, 16], 1, 2, 50, id="half"),
        pytest.param([1, 16, 16, 16, 16, 16, 16, 16], 1, 8, 13, id="12.5 rounds half up"),
    ],
)
def test_on_time_share(
    days: list[int | None], on_time: int, decided: int, percent: int | None
) -> None:
    share = on_time_share(days)
    assert share == OnTimeShare(on_time, decided)
    assert share.percent == percent


def test_on_time_words() -> None:
    assert on_time_share([10, 20]).words == "1 of 2 (50%)"
    assert on_time_share([]).words.startswith("No decisions")


@pytest.mark.parametrize(
    ("days", "median"),
    [
        pytest.param([12, 14, 13], 13.0, id="odd count"),
        pytest.param([10, 15], 12.5, id="even count"),
        pytest.param([None, 9], 9.0, id="undecided left out"),
        pytest.param([], None, id="none"),
    ],
)
def test_median(days: list[int | None], median: float | None) -> None:
    assert median_working_days(days) == median


def test_median_words() -> None:
    assert median_words(12.5) == "12.5 working days"
    assert median_words(1.0) == "1 working day"
    assert median_words(None) == "No decisions yet"


def test_stage_counts_in_process_order() -> None:
    cases = [
        ReportCase(1, "a", Stage.LOCAL_REVIEW, TODAY),
        ReportCase(2, "b", Stage.NOTIFIED, TODAY),
        ReportCase(3, "c", Stage.LOCAL_REVIEW, TODAY),
    ]
    assert stage_counts(cases) == ((Stage.NOTIFIED, 1), (Stage.LOCAL_REVIEW, 2))


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ReportError):
        ReportPeriod(date(2026, 2, 1), date(2026, 1, 1))


def test_build_report_counts_only_the_period() -> None:
    period = ReportPeriod(date(2026, 1, 1), date(2026, 6, 30))
    cases = [
        ReportCase(1, "RR-1", Stage.SENT_TO_NATIONAL_PANEL, date(2026, 1, 1), 14),
        ReportCase(2, "RR-2", Stage.LOCAL_REVIEW, date(2026, 6, 30), 17, date(2026, 7, 20)),
        ReportCase(3, "RR-3", Stage.CLOSED, date(2025, 12, 31), 10, date(2026, 2, 1)),
        ReportCase(4, "RR-4", Stage.THRESHOLD_NOT_MET, date(2026, 3, 1)),
    ]
    themes = [
        CaseThemes(1, "RR-1", "Child A", Stage.SENT_TO_NATIONAL_PANEL, None, ("neglect",)),
        CaseThemes(2, "RR-2", "Child B", Stage.LOCAL_REVIEW, None, ("neglect", "safer_sleep")),
        CaseThemes(3, "RR-3", "Child C", Stage.CLOSED, None, ("safer_sleep",)),
    ]
    actions = plan_for_case(
        case_id=2,
        case_reference="RR-2",
        meeting_actions=(),
        added=(
            AddedAction(1, "Late", "Police", date(2026, 10, 1)),
            AddedAction(2, "Later", "Police", date(2027, 10, 1)),
        ),
        tracking={},
    )
    report = build_report(period, cases, themes, actions, TODAY)
    assert report.case_count == 3
    assert report.on_time == OnTimeShare(1, 2)
    assert report.median_days == 15.5
    assert report.local_reviews_commissioned == 1
    assert report.themes == (("neglect", 2), ("safer_sleep", 1))
    assert [(c.agency, c.open, c.overdue) for c in report.actions_by_agency] == [("Police", 2, 1)]
