import json
import socket
from datetime import date, timedelta
from importlib import resources
from typing import Any

import pytest

from rrdesk.domain.timetable.bank_holiday_files import (
    BankHolidayFileError,
    RuleCorrections,
    parse_corrections,
    parse_govuk_bank_holidays_json,
)
from rrdesk.domain.timetable.bank_holidays import (
    build_calendar,
    calendar_with_import,
    packaged_calendar,
    packaged_holidays,
    shipped_corrections,
)


def _raw_official() -> dict[str, Any]:
    text = (resources.files("govuk_bank_holidays") / "bank-holidays.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _events(year: int, extra: tuple[tuple[str, str], ...] = ()) -> list[dict[str, object]]:
    """Eight weekday holidays in February of ``year``, for test files, plus any extra."""
    february = [date(year, 2, n) for n in range(1, 29)]
    chosen = [d.isoformat() for d in february if d.weekday() < 5][:8]
    events: list[dict[str, object]] = [
        {"title": f"Holiday {n}", "date": d, "notes": "", "bunting": True}
        for n, d in enumerate(chosen)
    ]
    events += [{"title": t, "date": d, "notes": "", "bunting": False} for d, t in extra]
    return events


def _file(events: list[dict[str, object]]) -> str:
    return json.dumps({"england-and-wales": {"division": "england-and-wales", "events": events}})


def test_the_packaged_list_is_the_official_one() -> None:
    official = packaged_holidays()
    raw = _raw_official()["england-and-wales"]["events"]
    assert len(official.holidays) == len(raw)
    assert official.first_year == 2012
    assert official.last_year >= 2028


def test_building_the_calendar_never_uses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the bank holiday calendar tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    calendar = build_calendar([packaged_holidays.__wrapped__()], shipped_corrections())
    assert calendar.covered_until == packaged_calendar().covered_until


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2020, 5, 8), "Early May bank holiday (VE day)"),
        (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        (date(2021, 12, 27), "Christmas Day (substitute day)"),
        (date(2022, 1, 3), "New Year’s Day (substitute day)"),
        (date(2029, 4, 2), "Easter Monday"),
        (date(2029, 8, 27), "Summer bank holiday"),
        (date(2033, 1, 3), "New Year’s Day (substitute day)"),
        (date(2033, 12, 26), "Boxing Day"),
        (date(2033, 12, 27), "Christmas Day (substitute day)"),
        (date(2032, 12, 27), "Christmas Day (substitute day)"),
        (date(2032, 12, 28), "Boxing Day (substitute day)"),
        (date(2026, 11, 23), None),
        (date(2026, 11, 22), None),
    ],
    ids=[
        "VE day moved to a Friday",
        "platinum jubilee",
        "state funeral",
        "coronation",
        "Christmas substitute day",
        "New Year substitute day",
        "Easter Monday from the rules",
        "summer bank holiday from the rules",
        "New Year substitute day from the rules",
        "Boxing Day after a Sunday Christmas, from the rules",
        "Christmas substitute after a Sunday Christmas, from the rules",
        "Christmas substitute after a Saturday Christmas, from the rules",
        "Boxing Day substitute after a Saturday Christmas, from the rules",
        "ordinary Monday",
        "Sunday is not a bank holiday",
    ],
)
def test_holiday_names(day: date, name: str | None) -> None:
    assert packaged_calendar().holiday_name(day) == name


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2020, 5, 4), True),
        (date(2020, 5, 8), False),
        (date(2022, 6, 2), False),
        (date(2022, 5, 30), True),
        (date(2026, 11, 21), False),
        (date(2026, 12, 28), False),
        (date(2033, 12, 27), False),
    ],
    ids=[
        "4 May 2020 worked: early May moved to VE day",
        "VE day",
        "spring bank holiday moved for the jubilee",
        "usual spring bank holiday worked in 2022",
        "Saturday",
        "Boxing Day substitute 2026",
        "Christmas substitute from the rules",
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert packaged_calendar().is_working_day(day) is working


def test_coverage_and_description() -> None:
    calendar = packaged_calendar()
    assert calendar.covered_until == date(packaged_holidays().last_year, 12, 31)
    assert calendar.is_covered(date(2026, 12, 21))
    assert not calendar.is_covered(calendar.covered_until + timedelta(days=1))
    assert "GOV.UK" in calendar.source_description
    assert "31 December 2028" in calendar.source_description
    assert "imported" not in calendar.source_description


def _rule_holidays_by_hand(year: int) -> set[date]:
    """England and Wales standard bank holidays, written out independently of workalendar."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    easter = date(year, month, day + 1)

    def first_monday(month: int) -> date:
        start = date(year, month, 1)
        return start + timedelta(days=(7 - start.weekday()) % 7)

    def last_monday(month: int) -> date:
        end = date(year, month + 1, 1) - timedelta(days=1)
        return end - timedelta(days=end.weekday())

    days = {
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        first_monday(5),
        last_monday(5),
        last_monday(8),
    }
    new_year = date(year, 1, 1)
    days.add(new_year + timedelta(days={5: 2, 6: 1}.get(new_year.weekday(), 0)))
    christmas, boxing = date(year, 12, 25), date(year, 12, 26)
    if christmas.weekday() == 5:
        days |= {date(year, 12, 27), date(year, 12, 28)}
    elif christmas.weekday() == 6:
        days |= {boxing, date(year, 12, 27)}
    elif christmas.weekday() == 4:
        days |= {christmas, date(year, 12, 28)}
    else:
        days |= {christmas, boxing}
    return days


def test_rules_beyond_the_official_list_match_the_standard_rules() -> None:
    calendar = packaged_calendar()
    for year in range(calendar.covered_until.year + 1, 2101):
        found = {day for day in calendar.holidays if day.year == year}
        assert found == _rule_holidays_by_hand(year), year


def test_rules_agree_with_the_official_list_apart_from_one_off_holidays() -> None:
    calendar = build_calendar([packaged_holidays()], shipped_corrections())
    one_offs = {date(2012, 6, 5), date(2020, 5, 8), date(2022, 6, 3), date(2022, 9, 19)}
    one_offs |= {date(2023, 5, 8)}
    moved = {date(2012, 5, 28), date(2012, 6, 4), date(2020, 5, 4), date(2020, 5, 8)}
    moved |= {date(2022, 5, 30), date(2022, 6, 2)}
    for year in range(2012, 2029):
        official = {day for day in calendar.holidays if day.year == year}
        by_hand = _rule_holidays_by_hand(year)
        assert (official ^ by_hand) <= one_offs | moved, year


def test_corrections_add_remove_and_rename() -> None:
    corrections = parse_corrections(
        """
[names]
"Good Friday" = "Good Friday (renamed)"
[[add]]
date = "2030-06-07"
title = "One-off bank holiday"
[[remove]]
date = "2030-08-26"
reason = "Test"
"""
    )
    calendar = build_calendar([packaged_holidays()], corrections)
    assert calendar.holiday_name(date(2030, 6, 7)) == "One-off bank holiday"
    assert calendar.is_working_day(date(2030, 8, 26))
    assert calendar.holiday_name(date(2030, 4, 19)) == "Good Friday (renamed)"
    # The official list is never corrected.
    assert calendar.holiday_name(date(2022, 9, 19)) is not None


def test_shipped_corrections_read() -> None:
    assert isinstance(shipped_corrections(), RuleCorrections)
    assert shipped_corrections().names["Late Summer Bank Holiday"] == "Summer bank holiday"


def test_an_imported_newer_list_extends_the_calendar() -> None:
    raw = _raw_official()
    extra_year = _events(2029, extra=(("2029-06-08", "Extra bank holiday"),))
    raw["england-and-wales"]["events"] += extra_year
    calendar = calendar_with_import(json.dumps(raw))
    assert calendar.covered_until == date(2029, 12, 31)
    assert calendar.holiday_name(date(2029, 6, 8)) == "Extra bank holiday"
    assert "imported" in calendar.source_description
    assert packaged_calendar().is_working_day(date(2029, 6, 8))


def test_an_imported_older_list_does_not_undo_later_one_off_holidays() -> None:
    raw = _raw_official()
    events = raw["england-and-wales"]["events"]
    older = [e for e in events if e["date"] < "2023-01-01" and e["date"] != "2022-09-19"]
    calendar = calendar_with_import(_file(older))
    assert calendar.holiday_name(date(2022, 9, 19)) is not None
    assert calendar.covered_until == packaged_calendar().covered_until


def test_no_import_gives_the_packaged_calendar() -> None:
    assert calendar_with_import(None) is packaged_calendar()


def test_the_same_import_is_built_once() -> None:
    text = _file(_events(2029))
    assert calendar_with_import(text) is calendar_with_import(text)


BAD_FILES = [
    ("not json", "{england", "not readable JSON"),
    ("a list", "[]", "no list for England and Wales"),
    ("Scotland only", json.dumps({"scotland": {"events": []}}), "no list for England and Wales"),
    ("no events", json.dumps({"england-and-wales": {}}), "no list of events"),
    ("empty", _file([]), "no bank holidays"),
    ("entry not an object", _file(["2029-01-01"]), "entry 1"),  # type: ignore[list-item]
    ("no title", _file([{"date": "2029-01-01"}]), "has no title"),
    ("no date", _file([{"title": "New Year"}]), "has no date"),
    ("bad date", _file([{"title": "New Year", "date": "2029-02-30"}]), "not a real date"),
    ("weekend", _file([{"title": "New Year", "date": "2028-01-01"}]), "a Saturday"),
    (
        "bunting not true or false",
        _file([{"title": "New Year", "date": "2029-01-01", "bunting": "yes"}]),
        "true or false",
    ),
    ("notes not text", _file([{"title": "X", "date": "2029-01-01", "notes": 3}]), "not text"),
    ("twice", _file([*_events(2029), _events(2029)[0]]), "twice"),
    ("cut short", _file(_events(2029)[:3]), "only 3 bank holidays for 2029"),
    ("missing year", _file(_events(2029) + _events(2031)), "only 0 bank holidays for 2030"),
    ("too large", " " * 2_000_001, "too large"),
]


@pytest.mark.parametrize(
    ("text", "reason"), [(t, r) for _, t, r in BAD_FILES], ids=[i for i, _, _ in BAD_FILES]
)
def test_a_bad_file_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(BankHolidayFileError, match=reason):
        parse_govuk_bank_holidays_json(text)
    with pytest.raises(BankHolidayFileError):
        calendar_with_import(text)


def test_a_good_file_parses() -> None:
    imported = parse_govuk_bank_holidays_json(_file(_events(2029)))
    assert (imported.first_year, imported.last_year) == (2029, 2029)
    assert len(imported.holidays) == 8


def test_the_calendar_is_immutable() -> None:
    calendar = packaged_calendar()
    with pytest.raises(AttributeError):
        calendar.covered_until = date(2040, 1, 1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        calendar.holidays[date(2030, 1, 2)] = "x"  # type: ignore[index]


def test_bank_holidays_between() -> None:
    found = packaged_calendar().bank_holidays_between(date(2026, 12, 21), date(2027, 1, 14))
    assert found == (
        (date(2026, 12, 25), "Christmas Day"),
        (date(2026, 12, 28), "Boxing Day (substitute day)"),
        (date(2027, 1, 1), "New Year’s Day"),
    )
    assert packaged_calendar().bank_holidays_between(date(2027, 1, 2), date(2027, 1, 14)) == ()


def test_an_import_that_would_leave_a_gap_is_refused() -> None:
    with pytest.raises(BankHolidayFileError, match="no official list for 2029"):
        calendar_with_import(_file(_events(2031)))


def test_bad_corrections_are_refused() -> None:
    with pytest.raises(ValueError, match="cannot be read"):
        parse_corrections('[[add]]\ntitle = "No date"\n')
    with pytest.raises(ValueError, match="Invalid isoformat"):
        parse_corrections('[[remove]]\ndate = "soon"\n')


def _counted_by_hand(holidays: set[date], start: date, count: int) -> date:
    day, found = start, 0
    while found < count:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            found += 1
    return day


def test_quick_answers_inside_the_list_match_the_whole_calendar() -> None:
    """Dates inside the official list are answered before the rules are worked out; the
    answers must be the same as counting through every holiday, across the list's end too."""
    calendar = build_calendar([packaged_holidays()], shipped_corrections())
    official = packaged_holidays()
    inside = set(official.holidays)
    last = date(official.last_year, 12, 31)
    starts = [date(2019, 12, 20), date(2020, 4, 9), date(2024, 12, 24), last - timedelta(days=20)]
    expected_inside = {s: _counted_by_hand(inside, s, 15) for s in starts[:3]}
    for start, expected in expected_inside.items():
        assert calendar.add_working_days(start, 15) == expected
        assert calendar.working_days_between(start, expected) == 15
    assert "_everything" not in vars(calendar), "the rules were not needed inside the list"
    every = set(calendar.holidays)
    for start in starts:
        assert calendar.add_working_days(start, 15) == _counted_by_hand(every, start, 15)
    crossing = calendar.add_working_days(last - timedelta(days=3), 15)
    assert crossing.year == official.last_year + 1
    assert calendar.working_days_between(last - timedelta(days=3), crossing) == 15
    assert calendar.bank_holidays_between(last - timedelta(days=10), crossing)[-1][0] == date(
        official.last_year + 1, 1, 1
    )
