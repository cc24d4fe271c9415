from datetime import date

import pytest

from rrdesk.domain.cases.cases import Case, Child, Stage, next_reference, validate_case


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        ([], "RR-2026-001"),
        (["RR-2026-003", "RR-2026-001"], "RR-2026-004"),
        (["RR-2025-009"], "RR-2026-001"),
        (["not-a-ref"], "RR-2026-001"),
    ],
    ids=["first of the year", "after the highest", "new year restarts", "ignores others"],
)
def test_next_reference(existing: list[str], expected: str) -> None:
    assert next_reference(2026, existing) == expected


def test_pseudonyms_read_naturally() -> None:
    case = Case("RR-2026-001", (Child("Child A"), Child("Child B"), Child("Child C")))
    assert case.pseudonyms == "Child A, Child B and Child C"
    assert Case("RR-2026-001", ()).pseudonyms == "Not yet named"


def test_private_values_include_names_and_birth_dates() -> None:
    child = Child("Child T", real_name="Tilly Marchbank", date_of_birth=date(2024, 9, 1))
    values = Case("RR-2026-001", (child,)).private_values()
    assert {"Tilly Marchbank", "Tilly", "Marchbank", "Child T", "2024-09-01"} <= set(values)


def test_age_from_date_of_birth() -> None:
    child = Child("Child T", date_of_birth=date(2020, 11, 23))
    assert child.age_on(date(2026, 11, 22)) == 5
    assert child.age_on(date(2026, 11, 23)) == 6


@pytest.mark.parametrize(
    ("born", "on", "words"),
    [
        pytest.param(date(2026, 11, 10), date(2026, 11, 22), "under 1 month", id="newborn"),
        pytest.param(date(2026, 10, 22), date(2026, 11, 22), "1 month", id="one month"),
        pytest.param(date(2026, 7, 23), date(2026, 11, 22), "3 months", id="a day short of 4"),
        pytest.param(date(2026, 1, 31), date(2026, 2, 28), "under 1 month", id="short month"),
        pytest.param(date(2024, 11, 23), date(2026, 11, 22), "23 months", id="a day short of 2"),
        pytest.param(date(2024, 11, 22), date(2026, 11, 22), "2 years", id="second birthday"),
        pytest.param(date(2025, 11, 22), date(2026, 11, 22), "12 months", id="first birthday"),
        pytest.param(date(2024, 2, 29), date(2026, 2, 28), "23 months", id="leap day birthday"),
        pytest.param(date(2010, 5, 1), date(2026, 11, 22), "16 years", id="teenager"),
        pytest.param(date(2026, 12, 1), date(2026, 11, 22), "under 1 month", id="born after"),
    ],
)
def test_age_in_words_gives_months_under_two(born: date, on: date, words: str) -> None:
    assert Child("Child T", date_of_birth=born).age_in_words(on) == words


def test_age_in_words_without_a_date_of_birth() -> None:
    assert Child("Child T", age_years=0).age_in_words(date(2026, 11, 22)) == "under 1 year"
    assert Child("Child T", age_years=1).age_in_words(None) == "1 year"
    assert Child("Child T", age_years=7).age_in_words(date(2026, 11, 22)) == "7 years"
    assert Child("Child T").age_in_words(date(2026, 11, 22)) is None
    # With no day to count to, the recorded age is all there is.
    assert Child("Child T", date_of_birth=date(2020, 1, 1)).age_in_words(None) is None


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (Case("RR-1", ()), "Add at least one child"),
        (Case("RR-1", tuple(Child(f"Child {n}") for n in "ABCDE")), "up to 4 children"),
        (Case("RR-1", (Child(" "),)), "Enter a pseudonym"),
        (
            Case(
                "RR-1",
                (Child("Child A"),),
                notification_sent=date(2026, 1, 1),
                incident_date=date(2026, 1, 2),
            ),
            "incident must be on or before",
        ),
        (
            Case("RR-1", (Child("Child A"),), stage=Stage.NOTIFIED),
            "Enter the date the notification",
        ),
    ],
    ids=[
        "no child",
        "five children",
        "blank pseudonym",
        "incident after notification",
        "open case without notification",
    ],
)
def test_validation(case: Case, message: str) -> None:
    assert any(message in text for _field, text in validate_case(case))
