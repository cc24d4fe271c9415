"""Acronyms in the forms people write them, every meaning, and out-of-date terms."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.text_checks import (
    AcronymDictionary,
    FindingKind,
    TextCheckDataError,
    TextChecker,
    parse_acronym_dictionary,
)

ACRONYMS = {
    "capitals": (
        "The CAMHS worker called.",
        "CAMHS",
        "child and adolescent mental health services",
    ),
    "section number": ("An S47 enquiry began.", "S47", "section 47 of the Children Act 1989"),
    "lower-case section number": ("The s47 began.", "s47", "section 47 of the Children Act 1989"),
    "dotted section number": ("The s.47 began.", "s.47", "section 47 of the Children Act 1989"),
    "dotted capital section number": (
        "The S.47 began.",
        "S.47",
        "section 47 of the Children Act 1989",
    ),
    "possessive with a curly apostrophe": (
        "The CPP\u2019s review.",
        "CPP",
        "child protection plan",
    ),
    "possessive ampersand": ("The A&E's notes.", "A&E", "accident and emergency department"),
    "mixed case": ("T was a CiN.", "CiN", "child in need"),
    "possessive": ("The CPP's review was late.", "CPP", "child protection plan"),
    "plural": ("Two CPPs ended.", "CPPs", "child protection plan"),
    "ampersand": ("He went to A&E.", "A&E", "accident and emergency department"),
    "before a word": ("The CP plan ended.", "CP", "child protection"),
    "with full stops": (
        "The C.A.M.H.S. team.",
        "C.A.M.H.S.",
        "child and adolescent mental health services",
    ),
    "after a hyphen": ("At the pre-ICPC meeting.", "ICPC", "initial child protection conference"),
    "in brackets": ("The nurse (HV) visited.", "HV", "health visitor"),
    "mixed-case department": ("The DfE guidance.", "DfE", "Department for Education"),
    "at the end of a sentence": (
        "He was referred to MASH.",
        "MASH",
        "multi-agency safeguarding hub",
    ),
    "key stage": ("He was in KS2.", "KS2", "key stage 2"),
}


@pytest.mark.parametrize(("text", "acronym", "meaning"), ACRONYMS.values(), ids=ACRONYMS.keys())
def test_acronyms_are_flagged_with_their_meaning(
    checker: TextChecker, text: str, acronym: str, meaning: str
) -> None:
    (finding,) = checker.check(text)
    assert finding.kind is FindingKind.ACRONYM
    assert finding.text == acronym
    assert text[finding.start : finding.end] == acronym
    assert meaning in finding.suggestions
    assert meaning in finding.message


SEVERAL_MEANINGS = {
    "ASC": ("adult social care", "autism spectrum condition"),
    "DSP": (
        "designated safeguarding person",
        "designated senior person",
        "delegated safeguarding partner",
    ),
    "LADO": ("local authority designated officer", "local area designated officer"),
    "PND": ("postnatal depression", "Police National Database"),
    "TA": ("teaching assistant", "temporary accommodation"),
}


@pytest.mark.parametrize(("acronym", "meanings"), SEVERAL_MEANINGS.items(), ids=SEVERAL_MEANINGS)
def test_every_meaning_is_offered(
    checker: TextChecker, acronym: str, meanings: tuple[str, ...]
) -> None:
    (finding,) = checker.check(f"The {acronym} was told.")
    assert finding.suggestions == meanings
    assert "more than one meaning" in finding.message


OUT_OF_DATE = {
    "CCG": ("The CCG funded it.", "CCG", "integrated care board"),
    "LSCB": ("The LSCB met.", "LSCB", "safeguarding partnership"),
    "SCR": ("An SCR was held.", "SCR", "child safeguarding practice review"),
    "CRB check": ("A CRB check was done.", "CRB check", "Disclosure and Barring Service check"),
    "CRB alone": ("The CRB said no.", "CRB", "Disclosure and Barring Service check"),
    "in words": (
        "A serious case review was held.",
        "serious case review",
        "child safeguarding practice review",
    ),
    "in words, capitalised": (
        "The Local Safeguarding Children Board met.",
        "Local Safeguarding Children Board",
        "safeguarding partnership",
    ),
    "register": (
        "T was on the child protection register.",
        "child protection register",
        "child protection plan",
    ),
}


@pytest.mark.parametrize(("text", "term", "current"), OUT_OF_DATE.values(), ids=OUT_OF_DATE.keys())
def test_out_of_date_terms_name_the_current_one(
    checker: TextChecker, text: str, term: str, current: str
) -> None:
    (finding,) = checker.check(text)
    assert finding.kind is FindingKind.OUT_OF_DATE_TERM
    assert finding.text == term
    assert finding.suggestions[0] == current
    assert "out-of-date" in finding.message


def test_unknown_acronym_is_flagged_without_a_suggestion(checker: TextChecker) -> None:
    (finding,) = checker.check("The QZX panel met.")
    assert finding.kind is FindingKind.ACRONYM
    assert finding.text == "QZX"
    assert finding.suggestions == ()
    assert "write it out in full" in finding.message.lower()


def test_dictionary_acronym_in_a_capitals_heading_is_still_flagged(checker: TextChecker) -> None:
    findings = checker.check("WHAT THE CAMHS TEAM DID NEXT")
    assert [f.text for f in findings] == ["CAMHS"]


def test_extra_allowed_acronyms(dictionary: AcronymDictionary) -> None:
    checker = TextChecker(dictionary, allowed=["CAMHS"])
    assert checker.check("The CAMHS worker.") == ()


def test_case_initials_are_not_flagged(dictionary: AcronymDictionary) -> None:
    assert TextChecker(dictionary).check("AB said no.") != ()
    assert TextChecker(dictionary, case_names=["AB"]).check("AB said no.") == ()


def test_shipped_dictionary_is_large_enough(dictionary: AcronymDictionary) -> None:
    assert len(dictionary.meanings) + len(dictionary.out_of_date) >= 200
    assert {"UK", "NHS"} <= dictionary.allowed


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("acronyms = [", "not valid TOML"),
        ("[acronyms]\nABC = 3", "ABC must be a list"),
        ("[out_of_date.CCG]\nmeaning = 'x'", "needs current"),
        ("acronyms = 3", "must be a table"),
    ],
    ids=["broken TOML", "meaning not text", "no current term", "not a table"],
)
def test_broken_dictionary_is_refused(text: str, reason: str) -> None:
    with pytest.raises(TextCheckDataError, match=reason):
        parse_acronym_dictionary(text)


def test_out_of_date_acronym_with_a_current_meaning_too(checker: TextChecker) -> None:
    (finding,) = checker.check("The SCR was checked.")
    assert finding.suggestions == ("child safeguarding practice review", "summary care record")
    assert "If you mean \u201csummary care record\u201d" in finding.message
