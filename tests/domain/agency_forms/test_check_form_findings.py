"""Text checks over every narrative answer in a form, chronology boxes included."""

from __future__ import annotations

from rrdesk.domain.agency_forms.check_form import parse_form_definition
from rrdesk.domain.agency_forms.check_form_answers import ChronologyRow, DateAnswer
from rrdesk.domain.agency_forms.check_form_findings import (
    answer_findings,
    narrative_texts,
    sections_with_warnings,
)
from rrdesk.domain.agency_forms.text_checks import TextChecker, parse_acronym_dictionary
from rrdesk.resource_files import form, resource

DEFINITION = parse_form_definition(form("agency-check-form.toml").read_text(encoding="utf-8"))
ANSWERS = {
    "agency": "CAMHS",  # a name, not narrative: not checked
    "involved": "yes",
    "records_checked": "NFA",  # asked only for a nil return: not checked
    "went_well": "The nurse acted quickly.",
    "could_be_better": "The SW was not told.",
    "chronology": (
        ChronologyRow(DateAnswer("12", "3", "2026"), "HV and Mum", "Home visit", "NFA"),
        ChronologyRow(),
    ),
}


def test_narrative_texts() -> None:
    assert narrative_texts(DEFINITION, ANSWERS) == {
        "chronology.1.who": "HV and Mum",
        "chronology.1.what_happened": "Home visit",
        "chronology.1.what_decided": "NFA",
        "went_well": "The nurse acted quickly.",
        "could_be_better": "The SW was not told.",
    }


def test_answer_findings() -> None:
    dictionary = parse_acronym_dictionary(resource("acronyms.toml").read_text(encoding="utf-8"))
    found = answer_findings(TextChecker(dictionary), DEFINITION, ANSWERS)
    assert {field: [f.text for f in fs] for field, fs in found.items()} == {
        "chronology.1.who": ["HV", "Mum"],
        "chronology.1.what_decided": ["NFA"],
        "could_be_better": ["SW"],
    }


def test_sections_with_warnings_are_named_by_the_field_or_chronology_box() -> None:
    fields = ["chronology.1.who", "could_be_better", "no_such_question"]
    assert sections_with_warnings(DEFINITION, fields) == {"chronology", "could_be_better"}
    assert sections_with_warnings(DEFINITION, []) == frozenset()
