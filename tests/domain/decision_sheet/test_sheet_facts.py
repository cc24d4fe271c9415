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


def _executive(content: DecisionSheetContent, partner: str, **changes: str) -> DecisionSheetContent:
    return replace(
        content,
        sign_off=tuple(
            replace(p, **changes) if p.partner == partner else p for p in content.sign_off
        ),
    )


def test_a_changed_executive_is_named_from_and_to() -> None:
    changed = _executive(BASE, "Police", name="Bryn Rees", role="Chief superintendent")
    assert describe_fact_changes(sheet_facts(BASE), sheet_facts(changed)) == (
        "Police executive changed from Łucja Wąsik, Detective chief superintendent to "
        "Bryn Rees, Chief superintendent",
    )


def test_an_executive_removed_from_the_directory_is_a_change_to_none() -> None:
    changed = _executive(BASE, "Health", name="", role="")
    assert describe_fact_changes(sheet_facts(BASE), sheet_facts(changed)) == (
        "Health executive changed from Ayşe İnce, Chief nurse to none",
    )


def test_a_partner_answering_in_someone_elses_name_is_no_change() -> None:
    answered = _executive(
        BASE, "Police", name="Deputy Person", role="Deputy", answer="Agreed on 3 December 2026"
    )
    assert "executive: Police" not in sheet_facts(answered)
    assert describe_fact_changes(sheet_facts(BASE), sheet_facts(answered)) == ()
    assert describe_fact_changes(sheet_facts(answered), sheet_facts(BASE)) == ()


def test_facts_kept_before_sheets_named_executives_compare_as_unchanged() -> None:
    older = {k: v for k, v in sheet_facts(BASE).items() if not k.startswith("executive: ")}
    changed = _executive(BASE, "Police", name="Bryn Rees")
    assert describe_fact_changes(older, sheet_facts(changed)) == ()
