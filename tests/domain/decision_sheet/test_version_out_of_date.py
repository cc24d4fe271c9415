"""Whether a signed version is the one to send for sign-off, and why not, in plain English."""

from __future__ import annotations

import pytest

from rrdesk.domain.decision_sheet.sheet_facts import changed_executives
from rrdesk.domain.decision_sheet.version_out_of_date import version_out_of_date

POLICE_CHANGED = "Police executive changed from Bryn Rees to Cara Lewis"


def test_the_newest_version_of_an_unchanged_record_is_up_to_date() -> None:
    assert version_out_of_date(2, 2) is None


def test_the_newest_version_of_a_changed_record_asks_for_the_next_to_be_signed() -> None:
    found = version_out_of_date(2, 2, 3, (POLICE_CHANGED,), executives_changed=True)
    assert found is not None
    assert found.question == (
        "Version 2 is out of date. The record has changed since it was signed: Police executive "
        "changed from Bryn Rees to Cara Lewis. Sign and save version 3 first, so that the sheet "
        "names the people it goes to."
    )
    assert found.note == "Version 2, chosen, is out of date: sign version 3 first."
    assert found.send_anyway == "Email version 2 anyway"


def test_a_change_that_names_nobody_new_says_the_sheet_should_match_the_record() -> None:
    found = version_out_of_date(1, 1, 2, ("Venue changed",))
    assert found is not None
    assert found.question.endswith(
        "Venue changed. Sign and save version 2 first, so that the sheet says what the record "
        "says now."
    )


@pytest.mark.parametrize(
    ("chosen", "newest", "newer"),
    [
        (2, 3, "version 3 is newer"),
        (1, 3, "versions 2 and 3 are newer"),
        (1, 5, "versions 2 to 5 are newer"),
    ],
)
def test_an_older_version_names_the_newer_ones(chosen: int, newest: int, newer: str) -> None:
    found = version_out_of_date(chosen, newest)
    assert found is not None
    assert found.question == (
        f"Version {chosen} is out of date: {newer}. Choose version {newest} in the list and "
        "email that instead."
    )
    assert found.note == f"Version {chosen}, chosen, is out of date: {newer}."


def test_an_older_version_of_a_changed_record_says_both() -> None:
    found = version_out_of_date(1, 2, 3, (POLICE_CHANGED,), executives_changed=True)
    assert found is not None
    assert found.question.startswith(
        "Version 1 is out of date: version 2 is newer. The record has changed since version 2 "
        "was signed: Police executive changed"
    )
    assert found.note == "Version 1, chosen, is out of date: sign version 3 first."


def test_a_long_list_of_changes_is_cut_short() -> None:
    found = version_out_of_date(1, 1, 2, tuple(f"Change {n}" for n in range(1, 9)))
    assert found is not None
    assert "Change 5; and 3 more. Sign and save version 2 first" in found.question
    assert "Change 6" not in found.question


def test_changed_executives_are_those_both_versions_name_differently() -> None:
    before = {"executive: Police": "Bryn Rees", "executive: Health": "Ayşe İnce"}
    after = {
        "executive: Police": "Cara Lewis",
        "executive: Health": "Ayşe İnce",
        "executive: Local authority": "Morwenna Tregear",  # not named before: not compared
    }
    assert changed_executives(before, after) == ("Police",)
