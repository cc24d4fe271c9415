"""Names of other areas: a sign of text pasted from another partnership's document."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.text_checks import (
    AcronymDictionary,
    AreaNames,
    FindingKind,
    TextChecker,
)


def test_the_wolverhampton_slip_is_caught(checker: TextChecker) -> None:
    text = (
        "When a serious child safeguarding case is referred to Warwickshire Safeguarding, we "
        "have 15 working days to complete a Rapid Review."
    )
    (finding,) = checker.check(text)
    assert finding.kind is FindingKind.FOREIGN_NAME
    assert finding.text == "Warwickshire"
    assert finding.suggestions == ("Wolverhampton", "Wolverhampton Safeguarding Together")
    assert "another partnership" in finding.message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The referral went to Tower Hamlets.", "Tower Hamlets"),
        ("Kent Police attended.", "Kent"),
        ("Reading Borough Council wrote back.", "Reading"),
        ("The family moved from Stoke-on-Trent.", "Stoke-on-Trent"),
        ("Birmingham Children's Trust was told.", "Birmingham"),
    ],
    ids=["two words", "ambiguous with police", "ambiguous with council", "hyphens", "city"],
)
def test_other_areas_are_flagged(checker: TextChecker, text: str, flagged: str) -> None:
    assert [f.text for f in checker.check(text)] == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Kent Jones is T's uncle.",
        "Reading the file again, the nurse saw the gap.",
        "Mr Sutton, the head teacher, called.",
        "Wolverhampton Safeguarding Together met.",
        "The Wolverhampton team visited.",
    ],
    ids=["a first name", "a verb", "a surname", "own partnership", "own area"],
)
def test_ordinary_words_and_own_areas_are_not_flagged(checker: TextChecker, text: str) -> None:
    assert checker.check(text) == ()


def test_names_inside_the_own_area_are_own(dictionary: AcronymDictionary, areas: AreaNames) -> None:
    checker = TextChecker(
        dictionary, areas=areas, own_areas=["Bournemouth, Christchurch and Poole"]
    )
    assert checker.check("The Bournemouth team visited.") == ()
    assert [f.text for f in checker.check("The Dorset team visited.")] == ["Dorset"]


def test_no_own_areas_means_no_area_check(dictionary: AcronymDictionary, areas: AreaNames) -> None:
    assert TextChecker(dictionary, areas=areas).check("Warwickshire Safeguarding") == ()


def test_names_from_other_cases_are_flagged(dictionary: AcronymDictionary) -> None:
    checker = TextChecker(dictionary, case_names=["Child T"], other_names=["Child R", "Ruby"])
    findings = checker.check("Child T and Child R both attended. Ruby was not there.")
    assert [(f.kind, f.text) for f in findings] == [
        (FindingKind.FOREIGN_NAME, "Child R"),
        (FindingKind.FOREIGN_NAME, "Ruby"),
    ]
    assert "another case" in findings[0].message
