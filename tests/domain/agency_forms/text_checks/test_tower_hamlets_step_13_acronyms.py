"""Tower Hamlets step 13: the agency check form "is read by all agencies and should therefore not
be copied from case notes and should not contain acronyms" (tower-hamlets-rapid-review-process.txt,
line 102). An acronym with two meanings in this field is offered with both, never one wrong one;
a dated term is flagged with the one used now.
"""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.text_checks import (
    AcronymDictionary,
    AreaNames,
    FindingKind,
    TextChecker,
    apply_suggestion,
)

TWO_MEANINGS = {
    "DCS": ("director of children's services", "detective chief superintendent"),
    "CP": ("child protection", "cerebral palsy"),
    "PICU": ("paediatric intensive care unit", "psychiatric intensive care unit"),
    "SMS": ("substance misuse service", "text message"),
    "PM": ("post-mortem examination", "private message"),
    "PO": ("probation officer", "police officer"),
    "CO": ("care order", "carbon monoxide"),
    "HMIP": ("His Majesty's Inspectorate of Probation", "His Majesty's Inspectorate of Prisons"),
    "PACE": ("Police and Criminal Evidence Act 1984", "Parents Against Child Exploitation"),
    "ICS": ("integrated care system", "integrated children's system"),
}


@pytest.mark.parametrize(("acronym", "meanings"), TWO_MEANINGS.items(), ids=TWO_MEANINGS)
def test_tower_hamlets_step_13_an_acronym_with_two_meanings_is_offered_both(
    checker: TextChecker, acronym: str, meanings: tuple[str, ...]
) -> None:
    (finding,) = checker.check(f"The {acronym} was mentioned in the strategy discussion.")
    assert finding.kind is FindingKind.ACRONYM
    assert finding.text == acronym
    assert "more than one meaning" in finding.message
    for meaning in meanings:
        assert meaning in finding.suggestions
        assert meaning in finding.message


def test_tower_hamlets_step_13_dash_is_the_checklist_with_honour_based_violence(
    checker: TextChecker,
) -> None:
    (finding,) = checker.check("A DASH was completed.")
    assert finding.suggestions == (
        "domestic abuse, stalking, harassment and honour-based violence risk identification "
        "checklist",
    )


def test_tower_hamlets_step_13_asd_is_only_autism(checker: TextChecker) -> None:
    (finding,) = checker.check("He has a diagnosis of ASD.")
    assert finding.suggestions == ("autism spectrum disorder",)
    assert "department" not in finding.message


@pytest.mark.parametrize(
    "text",
    ["The visit was at 3 PM.", "Seen at 3.30 PM that day.", "Seen at 4 P.M. that day.", "At 5PM."],
    ids=["3 PM", "3.30 PM", "4 P.M.", "5PM"],
)
def test_tower_hamlets_step_13_pm_after_a_time_is_the_time_of_day(
    checker: TextChecker, text: str
) -> None:
    assert [f for f in checker.check(text) if f.kind is FindingKind.ACRONYM] == []


def test_tower_hamlets_step_13_pm_on_its_own_is_flagged(dictionary: AcronymDictionary) -> None:
    assert "PM" not in dictionary.allowed
    checker = TextChecker(dictionary)
    (finding,) = checker.check("The PM found a head injury.")
    assert finding.text == "PM"


DATED = {
    "LAC": ("The LAC review was held.", "LAC", "child looked after"),
    "LACs": ("Two LACs lived there.", "LACs", "children looked after"),
    "LAC's": ("The LAC's plan changed.", "LAC", "child looked after"),
    "HMIC": (
        "HMIC inspected the force.",
        "HMIC",
        "His Majesty's Inspectorate of Constabulary and Fire and Rescue Services",
    ),
    "NOMS": ("NOMS held his record.", "NOMS", "His Majesty's Prison and Probation Service"),
    "PCT": ("The PCT paid for it.", "PCT", "integrated care board"),
    "primary care trust": (
        "The primary care trust paid for it.",
        "primary care trust",
        "integrated care board",
    ),
}


@pytest.mark.parametrize(("text", "term", "current"), DATED.values(), ids=DATED)
def test_tower_hamlets_step_13_a_dated_term_is_flagged_with_the_current_one(
    checker: TextChecker, text: str, term: str, current: str
) -> None:
    (finding,) = checker.check(text)
    assert finding.kind is FindingKind.OUT_OF_DATE_TERM
    assert finding.text == term
    assert "out-of-date term" in finding.message
    assert finding.suggestions[0] == current
    assert f"Write \u201c{current}\u201d instead." in finding.message


@pytest.mark.parametrize(
    ("text", "word", "fixed"),
    [
        ("Then mum rang the school.", "mum", "Then the mother rang the school."),
        ("Then dad's car was there.", "dad", "Then the father's car was there."),
        ("Mum rang the school.", "Mum", "The mother rang the school."),
        ("MUM RANG.", "MUM", "The mother RANG."),
    ],
    ids=["lower-case mum", "lower-case dad's", "capitalised Mum", "capitals"],
)
def test_tower_hamlets_step_13_mum_and_dad_in_any_case_look_like_case_notes(
    checker: TextChecker, text: str, word: str, fixed: str
) -> None:
    findings = [f for f in checker.check(text) if f.text == word]
    (finding,) = findings
    assert finding.kind is FindingKind.CASE_NOTE
    assert apply_suggestion(text, finding, finding.suggestions[0]) == fixed


def test_tower_hamlets_step_13_a_hyphenated_mum_is_an_ordinary_word(checker: TextChecker) -> None:
    assert checker.check("The mum-and-toddler group and the dad-and-baby group met.") == ()


def test_tower_hamlets_step_13_dv_suggests_domestic_abuse(checker: TextChecker) -> None:
    text = "There was DV in the home."
    (finding,) = checker.check(text)
    assert finding.suggestions == ("domestic abuse",)
    assert (
        apply_suggestion(text, finding, "domestic abuse") == "There was domestic abuse in the home."
    )


def test_tower_hamlets_step_13_northumberland_is_another_area(
    dictionary: AcronymDictionary, areas: AreaNames
) -> None:
    assert "Northumberland" in areas.names
    checker = TextChecker(dictionary, areas=areas, own_areas=["Leeds"])
    (finding,) = checker.check("The family moved from Northumberland in 2024.")
    assert finding.kind is FindingKind.FOREIGN_NAME
    assert finding.text == "Northumberland"
