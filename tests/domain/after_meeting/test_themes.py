"""The taxonomy of themes, the two logs, and which cases share a theme in the last 24 months."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.after_meeting.themes import (
    CaseThemes,
    Theme,
    ThemeError,
    ThemeLog,
    ThemeTaxonomy,
    cases_sharing_theme,
    log_for,
    merged_theme_keys,
    parse_taxonomy,
    recurrence_sentence,
    recurrence_window_start,
    taxonomy_to_toml,
    theme_frequencies,
)
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.timetable.months import add_months

TODAY = date(2026, 11, 22)


def _entry(case_id: int, on: date | None, *keys: str, stage: Stage = Stage.CLOSED) -> CaseThemes:
    return CaseThemes(case_id, f"RR-{case_id:03d}", f"Child {case_id}", stage, on, keys)


@pytest.mark.parametrize(
    ("on", "included"),
    [
        pytest.param(date(2024, 11, 22), True, id="exactly 24 months ago"),
        pytest.param(date(2024, 11, 21), False, id="a day more than 24 months ago"),
        pytest.param(date(2024, 11, 23), True, id="a day less than 24 months ago"),
        pytest.param(TODAY, True, id="today"),
        pytest.param(date(2026, 11, 23), False, id="tomorrow"),
        pytest.param(None, False, id="no date"),
    ],
)
def test_recurrence_window_is_24_months_up_to_today(on: date | None, included: bool) -> None:
    entries = [_entry(1, TODAY, "neglect"), _entry(2, on, "neglect")]
    found = cases_sharing_theme("neglect", entries, TODAY, excluding=1)
    assert [entry.case_id for entry in found] == ([2] if included else [])


def test_window_start_on_29_february() -> None:
    assert recurrence_window_start(date(2028, 2, 29)) == date(2026, 2, 28)
    entries = [_entry(2, date(2026, 2, 28), "neglect"), _entry(3, date(2026, 2, 27), "neglect")]
    found = cases_sharing_theme("neglect", entries, date(2028, 2, 29))
    assert [entry.case_id for entry in found] == [2]


def test_only_cases_with_the_theme_newest_first() -> None:
    entries = [
        _entry(1, date(2026, 1, 5), "neglect", "safer_sleep"),
        _entry(2, date(2026, 6, 1), "safer_sleep"),
        _entry(3, date(2025, 6, 1), "neglect"),
        _entry(4, date(2026, 10, 1), "domestic_abuse"),
    ]
    found = cases_sharing_theme("neglect", entries, TODAY)
    assert [entry.case_id for entry in found] == [1, 3]


@pytest.mark.parametrize(
    ("stage", "log"),
    [
        pytest.param(Stage.THRESHOLD_NOT_MET, ThemeLog.NOTIFICATIONS, id="threshold not met"),
        pytest.param(Stage.SENT_TO_NATIONAL_PANEL, ThemeLog.REVIEWS, id="sent to the Panel"),
        pytest.param(Stage.LOCAL_REVIEW, ThemeLog.REVIEWS, id="local review"),
    ],
)
def test_threshold_not_met_cases_go_to_the_notification_log(stage: Stage, log: ThemeLog) -> None:
    assert log_for(stage) is log


def test_frequencies_count_cases_most_frequent_first() -> None:
    entries = [
        _entry(1, TODAY, "neglect", "safer_sleep"),
        _entry(2, TODAY, "safer_sleep", "safer_sleep"),
        _entry(3, TODAY, "domestic_abuse", stage=Stage.THRESHOLD_NOT_MET),
    ]
    assert theme_frequencies(entries) == (
        ("safer_sleep", 2),
        ("domestic_abuse", 1),
        ("neglect", 1),
    )
    assert theme_frequencies(entries, log=ThemeLog.NOTIFICATIONS) == (("domestic_abuse", 1),)


def test_merged_keys_keep_first_order() -> None:
    assert merged_theme_keys(("a", "b"), ("b", " c ", "")) == ("a", "b", "c")


def test_taxonomy_round_trip() -> None:
    taxonomy = ThemeTaxonomy(
        (Theme("neglect", "Neglect", 'Said "drift"'), Theme("safer_sleep", "Safer sleep", ""))
    )
    assert parse_taxonomy(taxonomy_to_toml(taxonomy)) == taxonomy
    assert taxonomy.label_of("neglect") == "Neglect"
    assert taxonomy.label_of("gone_theme") == "Gone theme"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("x = ", "not valid TOML", id="bad TOML"),
        pytest.param("title = 'x'", "no [[theme]] entries", id="no themes"),
        pytest.param("[[theme]]\nkey = 'Bad Key'\nlabel = 'x'", "lower-case", id="bad key"),
        pytest.param("[[theme]]\nkey = 'a'\nlabel = ''", "needs a label", id="no label"),
        pytest.param(
            "[[theme]]\nkey = 'a'\nlabel = 'A'\n[[theme]]\nkey = 'a'\nlabel = 'B'",
            "more than one",
            id="duplicate key",
        ),
    ],
)
def test_broken_taxonomies_are_refused(text: str, message: str) -> None:
    with pytest.raises(ThemeError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_taxonomy(text)


def test_recurrence_sentence() -> None:
    others = cases_sharing_theme(
        "neglect",
        [_entry(2, date(2026, 1, 5), "neglect"), _entry(3, date(2025, 6, 1), "neglect")],
        TODAY,
    )
    assert recurrence_sentence(others, "Neglect") == (
        "'Neglect' has come up in 2 other cases in the last 24 months: "
        "RR-002 (Child 2, 5 January 2026); RR-003 (Child 3, 1 June 2025)."
    )
    assert recurrence_sentence((), "Neglect") == (
        "No other case has had 'Neglect' in the last 24 months."
    )


@given(
    today=st.dates(min_value=date(2012, 1, 1), max_value=date(2090, 12, 31)),
    offset=st.integers(min_value=-1200, max_value=30),
)
def test_recurrence_keeps_exactly_the_24_months_up_to_today(today: date, offset: int) -> None:
    on = today + timedelta(days=offset)
    found = cases_sharing_theme("neglect", [_entry(2, on, "neglect")], today)
    assert bool(found) == (add_months(today, -24) <= on <= today)
