"""GOV.UK bank holiday files and the corrections to the rules: reading them, refusing bad ones."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.dates import EARLIEST_YEAR, LATEST_YEAR, WEEKDAY_NAMES, format_date

DIVISION = "england-and-wales"
_MAX_FILE_CHARACTERS = 2_000_000
_FEWEST_HOLIDAYS_IN_A_YEAR = 8


class BankHolidayFileError(UserError):
    """A bank holidays file that cannot be used, with the reason in plain English."""


@dataclass(frozen=True)
class OfficialHolidays:
    """One official GOV.UK list for England and Wales: whole years, with each holiday's name."""

    first_year: int
    last_year: int
    holidays: Mapping[date, str]

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


ImportedHolidays = OfficialHolidays
"""A GOV.UK list the partnership imported; the store keeps the file's text."""


def _holiday_title(event: Mapping[str, Any]) -> str:
    title = str(event["title"]).strip()
    notes = str(event.get("notes") or "").strip()
    if notes.lower() == "substitute day":
        return f"{title} (substitute day)"
    return title


def _event_problem(event: object, number: int) -> str | None:
    if not isinstance(event, dict):
        return f"entry {number} in the list is not a bank holiday"
    title = event.get("title")
    if not isinstance(title, str) or not title.strip():
        return f"entry {number} in the list has no title"
    if not isinstance(event.get("date"), str):
        return f"'{title}' (entry {number}) has no date"
    if not isinstance(event.get("notes", ""), str):
        return f"the notes for '{title}' (entry {number}) are not text"
    if not isinstance(event.get("bunting", False), bool):
        return f"'bunting' for '{title}' (entry {number}) is not true or false"
    return None


def _parse_events(events: list[object]) -> dict[date, str]:
    holidays: dict[date, str] = {}
    for number, event in enumerate(events, start=1):
        problem = _event_problem(event, number)
        if problem:
            raise BankHolidayFileError(f"This bank holidays file cannot be used: {problem}.")
        assert isinstance(event, dict)
        try:
            day = date.fromisoformat(event["date"])
        except ValueError:
            raise BankHolidayFileError(
                f"This bank holidays file cannot be used: '{event['title']}' has the date "
                f"'{str(event['date'])[:20]}', which is not a real date in the form YYYY-MM-DD."
            ) from None
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise BankHolidayFileError(
                f"This bank holidays file cannot be used: {event['date']} is outside the years "
                "rrdesk handles."
            )
        if day.weekday() >= 5:
            raise BankHolidayFileError(
                f"This bank holidays file cannot be used: it lists {format_date(day)}, a "
                f"{WEEKDAY_NAMES[day.weekday()]}, as '{event['title']}'. Bank holidays are always "
                "on a weekday."
            )
        if day in holidays:
            raise BankHolidayFileError(
                f"This bank holidays file cannot be used: it lists {format_date(day)} twice."
            )
        holidays[day] = _holiday_title(event)
    return holidays


def _check_whole_years(holidays: Mapping[date, str]) -> tuple[int, int]:
    if not holidays:
        raise BankHolidayFileError(
            "This bank holidays file cannot be used: it lists no bank holidays for England "
            "and Wales."
        )
    years = sorted({day.year for day in holidays})
    for year in range(years[0], years[-1] + 1):
        count = sum(1 for day in holidays if day.year == year)
        if count < _FEWEST_HOLIDAYS_IN_A_YEAR:
            raise BankHolidayFileError(
                f"This bank holidays file cannot be used: it lists only {count} bank holidays "
                f"for {year}, so it looks cut short. England and Wales always have at least "
                f"{_FEWEST_HOLIDAYS_IN_A_YEAR}."
            )
    return years[0], years[-1]


def parse_govuk_bank_holidays_json(text: str) -> ImportedHolidays:
    """Check a GOV.UK ``bank-holidays.json`` and return its England and Wales list.

    Raises :class:`BankHolidayFileError` saying why a file is refused. Nothing else changes.
    """
    if len(text) > _MAX_FILE_CHARACTERS:
        raise BankHolidayFileError(
            "This file is too large to be a GOV.UK bank holidays file. Nothing was changed."
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BankHolidayFileError(
            "This is not a GOV.UK bank holidays file: it is not readable JSON "
            f"(line {error.lineno}, column {error.colno}). Nothing was changed."
        ) from None
    if not isinstance(data, dict) or DIVISION not in data:
        raise BankHolidayFileError(
            "This is not a GOV.UK bank holidays file: it has no list for England and Wales "
            f"('{DIVISION}'). Download bank-holidays.json from www.gov.uk/bank-holidays.json."
        )
    division = data[DIVISION]
    events = division.get("events") if isinstance(division, dict) else None
    if not isinstance(events, list):
        raise BankHolidayFileError(
            "This bank holidays file cannot be used: the England and Wales part has no list "
            "of events."
        )
    holidays = _parse_events(events)
    first_year, last_year = _check_whole_years(holidays)
    return OfficialHolidays(first_year, last_year, MappingProxyType(dict(sorted(holidays.items()))))


@dataclass(frozen=True)
class RuleCorrections:
    """Corrections to the rules used beyond the official list."""

    names: Mapping[str, str] = field(default_factory=dict)
    added: Mapping[date, str] = field(default_factory=dict)
    removed: frozenset[date] = frozenset()


def parse_corrections(text: str) -> RuleCorrections:
    """Read ``bank-holiday-corrections.toml``; raises ``ValueError`` with the reason."""
    import tomllib  # needed only with the rules, which start-up does not need

    data = tomllib.loads(text)
    try:
        names = {str(key): str(value) for key, value in data.get("names", {}).items()}
        added: dict[date, str] = {}
        for entry in data.get("add", []):
            added[date.fromisoformat(str(entry["date"]))] = str(entry["title"])
        removed = frozenset(
            date.fromisoformat(str(entry["date"])) for entry in data.get("remove", [])
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"The bank holiday corrections cannot be read: {error!r}") from None
    return RuleCorrections(names, added, removed)
