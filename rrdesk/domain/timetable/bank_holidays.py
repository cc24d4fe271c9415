"""England and Wales bank holidays: the one place that knows where they come from.

For the years it covers, the official GOV.UK list is used: the copy shipped inside the
``govuk-bank-holidays`` package (read from its bundled file; nothing is ever downloaded), or a newer
``bank-holidays.json`` the partnership imported. For other years the standard rules from the
workalendar library are used, corrected from ``resources/bank-holiday-corrections.toml``. Reading
and checking those files is in :mod:`rrdesk.domain.timetable.bank_holiday_files`.

A :class:`BankHolidayCalendar` is immutable and precomputes the working days from 2010 to 2100, so
counting working days is a look-up. The official years are ready at once; the rest are worked out
the first time they are asked about, since the rules library is slow to load.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache, cached_property, lru_cache, partial
from importlib import resources
from itertools import accumulate, compress
from types import MappingProxyType

from rrdesk.domain.errors import UserError
from rrdesk.domain.timetable.bank_holiday_files import (
    BankHolidayFileError,
    OfficialHolidays,
    RuleCorrections,
    parse_corrections,
    parse_govuk_bank_holidays_json,
)
from rrdesk.domain.timetable.dates import format_date
from rrdesk.resource_files import resource

CALENDAR_FIRST_YEAR = 2010
"""Working days are counted from here: Rapid Reviews began in 2018; a margin before it."""
CALENDAR_LAST_YEAR = 2100
_FIRST_DAY = date(CALENDAR_FIRST_YEAR, 1, 1)
_LAST_DAY = date(CALENDAR_LAST_YEAR, 12, 31)


class OutsideCalendarError(UserError):
    """A date outside the years working days are counted for (2010 to 2100)."""


def _rule_holidays(years: Iterable[int], corrections: RuleCorrections) -> dict[date, str]:
    """Weekday bank holidays from workalendar's ``UnitedKingdom`` rules, corrected."""
    from workalendar.europe import UnitedKingdom  # slow to import; imported when first needed

    rules = UnitedKingdom()
    holidays: dict[date, str] = {}
    wanted = set(years)
    for year in sorted(wanted):
        for day, name in rules.holidays(year):
            if day.weekday() < 5 and day not in holidays and day not in corrections.removed:
                holidays[day] = corrections.names.get(name, name)
        christmas = date(year, 12, 25)
        if christmas.weekday() == 6 and date(year, 12, 27) in holidays:
            # GOV.UK names the Tuesday after a Sunday Christmas as Christmas Day's substitute;
            # workalendar calls it Boxing Day's.
            holidays[date(year, 12, 27)] = corrections.names.get("Christmas Shift", "Christmas Day")
    for day, title in corrections.added.items():
        if day.year in wanted:
            holidays[day] = title
    return holidays


def _corrected_rule_holidays(
    years: Iterable[int], corrections: RuleCorrections | Callable[[], RuleCorrections]
) -> dict[date, str]:
    if not isinstance(corrections, RuleCorrections):
        corrections = corrections()
    return _rule_holidays(years, corrections)


class _WorkingDayTable:
    """Every working day from ``first`` to ``last``, so counting them is a look-up."""

    def __init__(self, first: date, last: date, holidays: Mapping[date, str]) -> None:
        self.first = first
        self.last = last
        self._first_ordinal = first_ordinal = first.toordinal()
        length = last.toordinal() - first_ordinal + 1
        # One flag a day, 1 for a working day, built a week at a time rather than a day at a
        # time: the official years are thousands of days, counted as rrdesk starts, and 2010 to
        # 2100 over thirty thousand.
        week = (1, 1, 1, 1, 1, 0, 0)
        start = first.weekday()
        flags = bytearray((week[start:] + week[:start]) * (length // 7 + 1))[:length]
        in_range = sorted(day for day in holidays if first <= day <= last)
        for day in in_range:
            flags[day.toordinal() - first_ordinal] = 0
        self.working = tuple(compress(range(first_ordinal, first_ordinal + length), flags))
        self.rank = tuple(accumulate(flags))
        self.holiday_days = tuple(in_range)

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    def up_to(self, day: date) -> int:
        """Working days from the table's first day up to and including ``day``."""
        index = day.toordinal() - self._first_ordinal
        if not 0 <= index < len(self.rank):
            raise OutsideCalendarError(f"{format_date(day)} is outside the years rrdesk handles")
        return self.rank[index]

    def nth_after(self, start: date, count: int) -> date | None:
        """The ``count``-th working day after ``start``, or ``None`` if past the table's end."""
        index = self.up_to(start) + count - 1
        if index >= len(self.working):
            return None
        return date.fromordinal(self.working[index])


class BankHolidayCalendar:
    """Working days in England and Wales: Monday to Friday, not bank holidays.

    The years the official list covers are ready at once. The standard rules for the years
    around them are worked out the first time a date outside the list is asked about, since
    that needs the workalendar library, which is slow to load and seldom needed.

    Compared and hashed by identity, so it can key a cache.
    """

    def __init__(
        self,
        *,
        official: Mapping[date, str],
        covered_from: date,
        covered_until: date,
        source_description: str,
        rules: Callable[[], Mapping[date, str]],
    ) -> None:
        self.covered_from = covered_from
        self.covered_until = covered_until
        self.source_description = source_description
        self._official = MappingProxyType(dict(sorted(official.items())))
        self._rules = rules
        self._covered = _WorkingDayTable(
            max(covered_from, _FIRST_DAY), min(covered_until, _LAST_DAY), self._official
        )
        self._sealed = True

    def __setattr__(self, name: str, value: object) -> None:
        if getattr(self, "_sealed", False):
            raise AttributeError(f"A bank holiday calendar cannot be changed (tried to set {name})")
        super().__setattr__(name, value)

    def __repr__(self) -> str:
        return f"BankHolidayCalendar({self.source_description!r})"

    @cached_property
    def holidays(self) -> Mapping[date, str]:
        """Every weekday bank holiday from 2010 to 2100, official or from the rules."""
        rules = {
            day: name
            for day, name in self._rules().items()
            if not self.covered_from <= day <= self.covered_until
        }
        return MappingProxyType(dict(sorted({**rules, **self._official}.items())))

    @cached_property
    def _everything(self) -> _WorkingDayTable:
        return _WorkingDayTable(_FIRST_DAY, _LAST_DAY, self.holidays)

    def _table(self, *days: date) -> _WorkingDayTable:
        if all(self._covered.holds(day) for day in days):
            return self._covered
        return self._everything

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def holiday_name(self, day: date) -> str | None:
        """The bank holiday's name, or ``None`` if the day is not a bank holiday."""
        if self.is_covered(day):
            return self._official.get(day)
        return self.holidays.get(day)

    def is_covered(self, day: date) -> bool:
        """True if the official list decides this day (not the standard rules)."""
        return self.covered_from <= day <= self.covered_until

    def working_days_up_to(self, day: date) -> int:
        """Working days from the calendar's first day up to and including ``day``."""
        return self._everything.up_to(day)

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself is day 0)."""
        if count < 0:
            raise ValueError("The number of working days cannot be negative")
        if count == 0:
            return start
        found = self._table(start).nth_after(start, count)
        if found is None:
            found = self._everything.nth_after(start, count)
        if found is None:
            raise OutsideCalendarError("That date is beyond the years rrdesk handles")
        return found

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if earlier)."""
        table = self._table(start, end)
        return table.up_to(end) - table.up_to(start)

    def bank_holidays_between(self, start: date, end: date) -> tuple[tuple[date, str], ...]:
        """The bank holidays from ``start`` to ``end`` inclusive, in date order."""
        table = self._table(start, end)
        days = table.holiday_days
        chosen = days[bisect_left(days, start) : bisect_right(days, end)]
        return tuple((day, self.holiday_name(day) or "") for day in chosen)


def build_calendar(
    official: Iterable[OfficialHolidays],
    corrections: RuleCorrections | Callable[[], RuleCorrections],
    *,
    imported: bool = False,
) -> BankHolidayCalendar:
    """Join official lists and the corrected rules into one calendar (pure).

    The corrections may be given as a function, called only when the rules are first needed.

    For each year the list that reaches furthest wins, so an imported newer file replaces the
    shipped one for the years it covers; on a tie the later list given wins.
    """
    lists = sorted(official, key=lambda item: item.last_year)
    if not lists:
        raise ValueError("At least one official list of bank holidays is needed")
    by_year: dict[int, OfficialHolidays] = {}
    for item in lists:
        for year in range(item.first_year, item.last_year + 1):
            by_year[year] = item
    first_year, last_year = min(by_year), max(by_year)
    gap = [year for year in range(first_year, last_year + 1) if year not in by_year]
    if gap:
        raise BankHolidayFileError(
            f"This bank holidays file cannot be used: with it, the calendar would have no "
            f"official list for {gap[0]}. Use a newer file from www.gov.uk/bank-holidays.json."
        )
    holidays: dict[date, str] = {}
    for year, item in by_year.items():
        holidays.update((day, name) for day, name in item.holidays.items() if day.year == year)
    rule_years = tuple(
        year for year in range(CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR + 1) if year not in by_year
    )
    covered_until = date(last_year, 12, 31)
    which = "the official GOV.UK list" + (", including a list you imported," if imported else "")
    description = (
        f"England and Wales bank holidays from {which} for {first_year} to {last_year} "
        f"(up to {format_date(covered_until)}). Later dates use the standard rules and would "
        "miss any one-off bank holiday announced since."
    )
    return BankHolidayCalendar(
        official=holidays,
        covered_from=date(first_year, 1, 1),
        covered_until=covered_until,
        source_description=description,
        rules=partial(_corrected_rule_holidays, rule_years, corrections),
    )


@cache
def packaged_holidays() -> OfficialHolidays:
    """The GOV.UK list bundled with the ``govuk-bank-holidays`` package (read, never fetched)."""
    bundled = resources.files("govuk_bank_holidays") / "bank-holidays.json"
    return parse_govuk_bank_holidays_json(bundled.read_text(encoding="utf-8"))


@cache
def shipped_corrections() -> RuleCorrections:
    return parse_corrections(resource("bank-holiday-corrections.toml").read_text(encoding="utf-8"))


@cache
def packaged_calendar() -> BankHolidayCalendar:
    """The calendar from the shipped list and the corrected rules."""
    return build_calendar([packaged_holidays()], shipped_corrections)


@lru_cache(maxsize=4)
def calendar_with_import(imported_text: str | None) -> BankHolidayCalendar:
    """The shipped calendar, plus a GOV.UK file the partnership imported (kept as text).

    Raises :class:`BankHolidayFileError` if the imported text is not a usable file.
    """
    if imported_text is None:
        return packaged_calendar()
    imported = parse_govuk_bank_holidays_json(imported_text)
    return build_calendar([packaged_holidays(), imported], shipped_corrections, imported=True)
