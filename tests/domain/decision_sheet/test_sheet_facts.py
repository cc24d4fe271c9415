"""Case facts on the decision sheet: what changed, in plain English."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.decision_sheet.decision_sheet_content import (
    AgencyInvolvement,
    DecisionSheetContent,
)
from rrdesk.domain.decision_sheet.sheet_facts import describe_fact_changes, sheet_facts
from tests.exports.samples import decision_sheet_content

BASE = decision_sheet_content()


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        pytest.param(BASE, (), id="nothing changed"),
        pytest.param(replace(BASE, version=2, change_note="x"), (), id="version is not a fact"),
        pytest.param(
            replace(BASE, prepared_on=date(2030, 1, 1)), (), id="prepared date is not a fact"
        ),
        pytest.param(
            replace(BASE, pseudonyms=("Child Z",)),
            (f"Pseudonyms changed from {', '.join(BASE.pseudonyms)} to Child Z",),
            id="pseudonym",
        ),
        pytest.param(
            replace(BASE, incident_summary="Different."),
            ("Summary of the incident changed",),
            id="summary named, not quoted",
        ),
        pytest.param(
            replace(BASE, agency_involvement=(AgencyInvolvement("Police", False),)),
            ("Agency involvement changed",),
            id="agencies",
        ),
        pytest.param(
            replace(BASE, parallel_processes=()),
            ("Parallel processes changed",),
            id="parallel processes",
        ),
    ],
)
def test_changes(changed: DecisionSheetContent, expected: tuple[str, ...]) -> None:
    assert describe_fact_changes(sheet_facts(BASE), sheet_facts(changed)) == expected


def test_facts_are_plain_strings() -> None:
    assert all(isinstance(value, str) for value in sheet_facts(BASE).values())
