from datetime import date

import pytest

from rrdesk.domain.cases import Case, Child, Stage, next_reference, validate_case


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
