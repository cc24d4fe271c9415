from datetime import date, datetime, time

import pytest

from rrdesk.domain.timetable.dates import (
    DateError,
    format_date,
    format_date_with_weekday,
    format_short_date,
    format_time,
    parse_date_parts,
    parse_iso_date,
    parse_time,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2026, 11, 22), "22 November 2026"),
        (date(2027, 1, 4), "4 January 2027"),
    ],
    ids=["two-digit day", "no leading zero"],
)
def test_format_date(value: date, text: str) -> None:
    assert format_date(value) == text


def test_format_date_with_weekday() -> None:
    assert format_date_with_weekday(date(2027, 1, 14)) == "Thursday 14 January 2027"


@pytest.mark.parametrize(
    ("hour", "minute", "text"),
    [
        (12, 0, "midday"),
        (0, 0, "midnight"),
        (14, 5, "2:05pm"),
        (9, 30, "9:30am"),
        (10, 0, "10am"),
        (0, 15, "12:15am"),
        (12, 30, "12:30pm"),
    ],
)
def test_format_time(hour: int, minute: int, text: str) -> None:
    assert format_time(datetime(2026, 1, 1, hour, minute)) == text


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("22", "11", "2026"), date(2026, 11, 22)),
        (("4", "mar", "2026"), date(2026, 3, 4)),
        (("4", "March", "2026"), date(2026, 3, 4)),
        ((" 1 ", " 1 ", " 2027 "), date(2027, 1, 1)),
    ],
    ids=["numbers", "short month name", "month name", "spaces"],
)
def test_parse_date_parts(parts: tuple[str, str, str], expected: date) -> None:
    assert parse_date_parts(*parts) == expected


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date"),
        (("", "11", "2026"), "The date must include a day"),
        (("", "", "2026"), "The date must include a day and month"),
        (("31", "2", "2026"), "The date must be a real date"),
        (("1", "13", "2026"), "The date must be a real date"),
        (("1", "1", "26"), "Year must include 4 numbers"),
        (("x", "1", "2026"), "The date must be a real date"),
        (("1", "1", "1066"), "The date must be between 1900 and 2200"),
    ],
    ids=[
        "empty",
        "no day",
        "no day or month",
        "30 February",
        "month 13",
        "two-digit year",
        "letters",
        "too early",
    ],
)
def test_parse_date_parts_refusals(parts: tuple[str, str, str], message: str) -> None:
    with pytest.raises(DateError, match=f"^{message}$"):
        parse_date_parts(*parts)


def test_parse_iso_date() -> None:
    assert parse_iso_date("2026-12-21") == date(2026, 12, 21)
    with pytest.raises(DateError, match="not a date"):
        parse_iso_date("21/12/2026")


def test_dates_are_in_english_whatever_the_computers_language() -> None:
    import locale

    previous = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("fr_FR.UTF-8", "de_DE.UTF-8", "cy_GB.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
                break
            except locale.Error:
                continue
        assert format_date_with_weekday(date(2026, 11, 22)) == "Sunday 22 November 2026"
        assert format_short_date(date(2026, 11, 25)) == "Wed 25 Nov"
    finally:
        locale.setlocale(locale.LC_TIME, previous)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10am", time(10, 0)),
        ("2:30pm", time(14, 30)),
        ("2.30 PM", time(14, 30)),
        ("14:30", time(14, 30)),
        ("9", time(9, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        (" midday ", time(12, 0)),
        ("Noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("", None),
    ],
)
def test_parse_time(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "13pm", "0am", "10:60", "ten", "10:5", "1٠am"])
def test_parse_time_refuses_what_is_not_a_time(text: str) -> None:
    with pytest.raises(DateError, match="is not a time of day"):
        parse_time(text)


def test_every_time_written_reads_back() -> None:
    for minutes in range(24 * 60):
        moment = time(minutes // 60, minutes % 60)
        assert parse_time(format_time(moment)) == moment
