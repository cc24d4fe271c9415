"""Whole calendar months forward and back: 31 August plus 6 months is 28 (or 29) February."""

from __future__ import annotations

from datetime import date, timedelta


def days_in_month(year: int, month: int) -> int:
    """28 to 31: the day before the first of the next month."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (negative goes back).

    When the target month is shorter, the date is its last day: 31 August + 6 months is
    28 February, or 29 February in a leap year.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = days_in_month(year, month + 1)
    return date(year, month + 1, min(day.day, last))
