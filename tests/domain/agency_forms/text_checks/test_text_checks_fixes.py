"""Applying a fix, ignoring a finding here, counting findings, and tracking pasted text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.agency_forms.text_checks import (
    Finding,
    FindingKind,
    StaleFindingError,
    TextChecker,
    TextSpan,
    add_pasted_span,
    apply_suggestion,
    count_findings,
    describe_findings,
    describe_pasted,
    ignore_here,
    spans_after_edit,
    visible_findings,
)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "The CAMHS worker called.",
            "The child and adolescent mental health services worker called.",
        ),
        (
            "CAMHS called. Then T slept.",
            "Child and adolescent mental health services called. Then T slept.",
        ),
        (
            "T slept. CAMHS called.",
            "T slept. Child and adolescent mental health services called.",
        ),
        ("The mother was a victim of DV.", "The mother was a victim of domestic abuse."),
    ],
    ids=[
        "mid-sentence",
        "start of the answer",
        "start of a sentence",
        "DV as the statutory term, domestic abuse",
    ],
)
def test_one_click_fix(checker: TextChecker, text: str, fixed: str) -> None:
    (finding,) = checker.check(text)
    assert apply_suggestion(text, finding, finding.suggestions[0]) == fixed


def test_fix_after_the_text_changed_is_refused(checker: TextChecker) -> None:
    (finding,) = checker.check("The CAMHS worker.")
    with pytest.raises(StaleFindingError):
        apply_suggestion("The worker.", finding, "x")


def test_ignore_here_survives_edits_elsewhere(checker: TextChecker) -> None:
    text = "CAMHS saw T. Later CAMHS saw him again."
    findings = checker.check(text)
    ignored = {ignore_here(findings, findings[1])}
    assert visible_findings(findings, ignored) == (findings[0],)
    edited = "On Monday " + text
    assert [f.start for f in visible_findings(checker.check(edited), ignored)] == [10]


def test_ignore_here_needs_one_of_the_findings() -> None:
    stray = Finding(FindingKind.ACRONYM, "X", 0, 1, "m")
    with pytest.raises(ValueError, match="not one of the findings"):
        ignore_here((), stray)


def test_counts_for_quality_assurance(checker: TextChecker) -> None:
    findings = checker.check("CAMHS and the CCG. Mum seen. SW visited. LADO told.")
    assert count_findings(findings) == {
        FindingKind.ACRONYM: 2,
        FindingKind.CASE_NOTE: 2,
        FindingKind.OUT_OF_DATE_TERM: 1,
    }
    assert describe_findings(findings) == (
        "2 acronyms, 2 places that look copied from case notes and 1 out-of-date term"
    )
    assert describe_findings(()) == "No findings"


def test_pasted_spans_follow_edits() -> None:
    spans = add_pasted_span((), 10, 5)  # characters 10 to 15 were pasted
    assert spans == (TextSpan(10, 15),)
    assert spans_after_edit(spans, 0, 0, 3) == (TextSpan(13, 18),)  # typed before
    assert spans_after_edit(spans, 15, 0, 3) == (TextSpan(10, 15),)  # typed just after
    assert spans_after_edit(spans, 12, 0, 1) == (TextSpan(10, 16),)  # typed inside
    assert spans_after_edit(spans, 8, 4, 0) == (TextSpan(8, 11),)  # part deleted
    assert spans_after_edit(spans, 5, 20, 0) == ()  # all deleted
    two = add_pasted_span(spans, 30, 4)
    assert describe_pasted(two) == "Contains pasted text in 2 places"
    assert describe_pasted(spans) == "Contains pasted text in 1 place"
    assert describe_pasted(()) == ""
    assert add_pasted_span(two, 14, 17) == (TextSpan(10, 34),)


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=5),
    st.integers(0, 60),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_pasted_spans_stay_ordered_and_apart(
    pastes: list[tuple[int, int]], start: int, removed: int, inserted: int
) -> None:
    spans: tuple[TextSpan, ...] = ()
    for at, length in pastes:
        spans = add_pasted_span(spans, at, length)
    moved = spans_after_edit(spans, start, removed, inserted)
    for span in moved:
        assert 0 <= span.start < span.end
    for first, second in itertools.pairwise(moved):
        assert first.end < second.start
