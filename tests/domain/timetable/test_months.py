"""Calendar months forward and back, with month ends clamped."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.timetable.months import add_months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(date(2026, 3, 15), 6, date(2026, 9, 15), id="middle of the month"),
        pytest.param(date(2026, 8, 31), 6, date(2027, 2, 28), id="31 August plus 6 months"),
        pytest.param(date(2027, 8, 31), 6, date(2028, 2, 29), id="into a leap February"),
        pytest.param(date(2026, 3, 31), 6, date(2026, 9, 30), id="31 March to 30 September"),
        pytest.param(date(2026, 12, 31), 6, date(2027, 6, 30), id="over the year end"),
        pytest.param(date(2028, 2, 29), 12, date(2029, 2, 28), id="29 February plus a year"),
        pytest.param(date(2026, 11, 22), -24, date(2024, 11, 22), id="24 months back"),
        pytest.param(date(2026, 2, 28), -24, date(2024, 2, 28), id="back to a leap year"),
        pytest.param(date(2026, 1, 31), -2, date(2025, 11, 30), id="back to a short month"),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)), st.integers(-60, 60))
def test_the_month_moves_by_exactly_that_many_and_the_day_never_grows(
    start: date, months: int
) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day <= start.day
