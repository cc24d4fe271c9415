"""The checker never crashes, its offsets always point into the text, and the incremental check
after an edit gives the same findings as a full check."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rrdesk.domain.agency_forms.text_checks import TextChecker

# Text built from the pieces checks look for, mixed with anything at all.
PIECES = [
    "CAMHS",
    "S47",
    "s.47",
    "CiN",
    "LAC's",
    "LACs",
    "A&E",
    "CP plan",
    "C.A.M.H.S.",
    "CCG",
    "CRB check",
    "serious case review",
    "\u017ferious case review",
    "SERIOUS CASE REVIEWS",
    "\u212a",
    "\u0661\u0662/\u0660\u0663/\u0662\u0660\u0662\u0666",
    "12/03/2026 14:32",
    "24.11.25",
    "14:32",
    "9:05:33",
    "1430hrs",
    "Case Note",
    "Contact Type:",
    "Recorded by:",
    "From:",
    "Subject:",
    "[Auto-saved]",
    "Case ID: 123456",
    "*** Confidential ***",
    "Mum",
    "Mo",
    "NFA",
    "DNA",
    "w/c",
    "c/o",
    "SW",
    "Warwickshire",
    "Kent Police",
    "Wolverhampton",
    "Child T",
    "JT",
    "WHAT WENT WELL",
    " ",
    " ",
    "\n",
    ". ",
    ", ",
    "the ",
    "visit ",
    "\u0645\u0631\u062d\u0628\u0627",
    "\U0001f3e0",
    "e\u0301",
    "\u200f",
    "\r\n",
    "\t",
    "'",
    "\u2019",
    "-",
    "/",
    ":",
    "*",
    "[",
    "]",
    "&",
    ".",
]
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_offsets_point_into_the_text(checker: TextChecker, text: str) -> None:
    findings = checker.check(text)
    previous_end = 0
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.start >= previous_end, "findings do not overlap and are in order"
        assert "\n" not in finding.text
        assert finding.message
        previous_end = finding.end


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=texts,
    inserted=texts,
    data=st.data(),
)
def test_check_around_an_edit_equals_a_full_check(
    checker: TextChecker, before: str, inserted: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(before)), label="start")
    removed = data.draw(st.integers(0, len(before) - start), label="removed")
    after = before[:start] + inserted + before[start + removed :]
    previous = checker.check(before)
    checker.clear_cache()
    incremental = checker.check_around(after, previous, start, removed, len(inserted))
    checker.clear_cache()
    assert incremental == checker.check(after)


def test_check_around_with_impossible_edit_falls_back_to_a_full_check(checker: TextChecker) -> None:
    assert checker.check_around("The CAMHS team.", (), 99, 0, 5) == checker.check("The CAMHS team.")


def test_one_megabyte_paste(checker: TextChecker) -> None:
    line = "Mum seen 12/03/2026 14:32. The CAMHS worker visited the home and wrote a note. "
    text = line * (1_000_000 // len(line))
    findings = checker.check(text)
    assert len(findings) == 3 * (1_000_000 // len(line))
    assert all(text[f.start : f.end] == f.text for f in findings[-8:])


def test_one_megabyte_of_a_single_word(checker: TextChecker) -> None:
    assert checker.check("a" * 1_000_000) == ()
    assert len(checker.check("A" * 1_000_000)) == 1


def test_right_to_left_text_keeps_offsets(checker: TextChecker) -> None:
    text = "\u0627\u0644\u0623\u0645 CAMHS \u0645\u0631\u062d\u0628\u0627 \U0001f600 SW"
    assert [text[f.start : f.end] for f in checker.check(text)] == ["CAMHS", "SW"]


def test_combining_marks_and_emoji_before_a_finding(checker: TextChecker) -> None:
    text = "Zoe\u0308 \U0001f469\u200d\U0001f467 went to A&E."
    (finding,) = checker.check(text)
    assert finding.text == "A&E"
    assert finding.start == text.index("A&E")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=texts, inserted=texts, data=st.data())
def test_check_around_in_a_long_paragraph_equals_a_full_check(
    checker: TextChecker, sentence: str, inserted: str, data: st.DataObject
) -> None:
    before = " ".join(f"{sentence} number {n}." for n in range(2_500 // (len(sentence) + 12) + 1))
    start = data.draw(st.integers(0, len(before)), label="start")
    removed = data.draw(st.integers(0, min(40, len(before) - start)), label="removed")
    after = before[:start] + inserted + before[start + removed :]
    previous = checker.check(before)
    incremental = checker.check_around(after, previous, start, removed, len(inserted))
    checker.clear_cache()
    assert incremental == checker.check(after)
    assert all(after[f.start : f.end] == f.text for f in incremental)


def test_a_long_paragraph_is_checked_like_short_ones(checker: TextChecker) -> None:
    sentence = "Mum told the CAMHS worker on 12/03/2026 14:32 that T was fine."
    long_text = " ".join([sentence] * 100)
    assert len(long_text) > 2_000
    findings = checker.check(long_text)
    assert [f.text for f in findings[:3]] == ["Mum", "CAMHS", "12/03/2026 14:32"]
    assert len(findings) == 300
