"""Dates as people type and read them: day, month and year in, ``22 November 2026`` out."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from rrdesk.domain.errors import UserError

# Always English, whatever language the computer is set to: the calendar module's month names
# follow the computer's locale.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_BY_WORD = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)} | {
    name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)
}
_MONTHS_BY_WORD["sept"] = 9

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


class DateError(UserError):
    """A date that cannot be understood, with a message fit to show the user."""


def format_date(value: date) -> str:
    """``22 November 2026``: no leading zero, no ordinal, no comma."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def format_date_with_weekday(value: date) -> str:
    """``Sunday 22 November 2026``."""
    return f"{WEEKDAY_NAMES[value.weekday()]} {format_date(value)}"


def format_short_date(value: date) -> str:
    """``Wed 25 Nov``: for where space is short."""
    return f"{WEEKDAY_NAMES[value.weekday()][:3]} {value.day} {MONTH_NAMES[value.month - 1][:3]}"


def format_time(value: datetime | time) -> str:
    """A time of day in the GOV.UK style: ``10am``, ``2:05pm``, and ``midday`` and ``midnight``
    in words."""
    if value.hour == 12 and value.minute == 0:
        return "midday"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


_CLOCK = re.compile(r"^\s*([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
_TIMES_IN_WORDS = {"midday": time(12, 0), "noon": time(12, 0), "midnight": time(0, 0)}


def parse_time(text: str) -> time | None:
    """A time of day as people type it: ``10am``, ``2:30pm``, ``14:30``, ``9.15`` or ``midday``
    (and whatever :func:`format_time` writes); ``None`` when blank. Raises :class:`DateError`."""
    if not text.strip():
        return None
    in_words = _TIMES_IN_WORDS.get(text.strip().lower())
    if in_words is not None:
        return in_words
    match = _CLOCK.match(text)
    if match is None:
        raise DateError(f"'{text.strip()[:20]}' is not a time of day")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            raise DateError(f"'{text.strip()[:20]}' is not a time of day")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateError(f"'{text.strip()[:20]}' is not a time of day")
    return time(hour, minute)


def _month_number(text: str) -> int:
    cleaned = text.strip().lower().rstrip(".")
    if cleaned.isdigit():
        return int(cleaned)
    if cleaned in _MONTHS_BY_WORD:
        return _MONTHS_BY_WORD[cleaned]
    raise DateError("Month must be a number from 1 to 12 or the name of a month")


def parse_date_parts(day: str, month: str, year: str, *, what: str = "The date") -> date:
    """Turn the three boxes of a GOV.UK date input into a date, or raise :class:`DateError`.

    Messages follow the GOV.UK date input pattern: they name what is missing or wrong.
    """
    parts = {"day": day.strip(), "month": month.strip(), "year": year.strip()}
    missing = [name for name, text in parts.items() if not text]
    if len(missing) == 3:
        raise DateError(f"Enter {what.lower()}")
    if missing:
        raise DateError(f"{what} must include a {' and '.join(missing)}")
    if not parts["day"].isdigit():
        raise DateError(f"{what} must be a real date")
    if not parts["year"].isdigit() or len(parts["year"]) != 4:
        raise DateError("Year must include 4 numbers")
    try:
        month_number = _month_number(parts["month"])
    except DateError:
        raise DateError(f"{what} must be a real date") from None
    year_number = int(parts["year"])
    if not EARLIEST_YEAR <= year_number <= LATEST_YEAR:
        raise DateError(f"{what} must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
    try:
        return date(year_number, month_number, int(parts["day"]))
    except ValueError:
        raise DateError(f"{what} must be a real date") from None


def parse_iso_date(text: str) -> date:
    """``2026-11-22`` (as used on the command line and in files), or raise :class:`DateError`."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"'{text.strip()[:40]}' is not a date in the form YYYY-MM-DD") from None
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise DateError(f"'{text.strip()}' is outside the years rrdesk handles")
    return value
