"""The decision sheet's words: decided once, for the preview and the PDF alike."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rrdesk.domain.decision_sheet.decision_sheet_content import ConflictDeclared
from rrdesk.domain.decision_sheet.decision_sheet_template import SheetWording
from rrdesk.domain.decision_sheet.sheet_text import sheet_text
from tests.exports.samples import decision_sheet_content

BASE = decision_sheet_content()
NOT_HELD = replace(
    BASE,
    timetable=replace(BASE.timetable, meeting_date=None, due_date=None, working_days_used=None),
)


@pytest.mark.parametrize(
    ("content", "label", "expected"),
    [
        pytest.param(BASE, "Meeting", "16 November 2026, 10:00am", id="meeting held"),
        pytest.param(NOT_HELD, "Meeting", "Not yet held", id="meeting not yet held"),
        pytest.param(
            BASE,
            "Working days used",
            "10 working days (the meeting was on day 10)",
            id="working days",
        ),
        pytest.param(
            replace(BASE, timetable=replace(BASE.timetable, working_days_used=1)),
            "Working days used",
            "1 working day (the meeting was on day 1)",
            id="one working day",
        ),
        pytest.param(NOT_HELD, "Working days used", "Not known", id="working days not known"),
        pytest.param(NOT_HELD, "Due to the National Panel (day 15)", "Not known", id="no due date"),
        pytest.param(
            replace(
                BASE,
                timetable=replace(
                    BASE.timetable,
                    time_to_notify="7 working days after the local authority became aware: later"
                    " than the 5 working days the local authority has to notify",
                ),
            ),
            "Time to notify",
            "7 working days after the local authority became aware: later than the 5 working"
            " days the local authority has to notify",
            id="wt2023 ch5: notified late",
        ),
        pytest.param(BASE, "Time to notify", "Not recorded", id="aware date not recorded"),
        pytest.param(replace(BASE, chair=""), "Chair", "Not recorded", id="no chair"),
        pytest.param(
            replace(BASE, timetable=replace(BASE.timetable, extension_or_lateness="")),
            "Extension or lateness",
            "None: on time",
            id="on time",
        ),
    ],
)
def test_timetable_words(content, label: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert dict(sheet_text(content).timetable)[label] == expected


def test_two_children_are_named_as_children() -> None:
    opening = dict(sheet_text(replace(BASE, pseudonyms=("Child A", "Child B"))).opening)
    assert opening["Children (pseudonyms)"] == "Child A, Child B"


def test_no_pseudonym_recorded() -> None:
    text = sheet_text(replace(BASE, pseudonyms=()))
    assert dict(text.opening)["Child (pseudonym)"] == "Not recorded"
    assert text.subtitle == f"Case RR-2026-014 · Not recorded · Version {BASE.version}"


def test_the_partnerships_wording_is_used() -> None:
    wording = SheetWording(none_recorded="Nothing to record.", recused="Took no part.")
    content = replace(
        BASE,
        conflicts=(ConflictDeclared("Ana Kovač", "Knows the family."),),
        incident_summary="",
        immediate_actions=(),
    )
    text = sheet_text(content, wording)
    assert text.conflicts.rows == (("Ana Kovač", "Knows the family.", "Took no part."),)
    assert text.incident == "Nothing to record."
    assert text.actions.rows == ()
    assert text.none_recorded == "Nothing to record."


def test_no_vote_is_said_in_words() -> None:
    text = sheet_text(replace(BASE, vote=None))
    assert text.vote == ()
    assert text.no_vote == "No vote was held."


@pytest.mark.parametrize(
    ("version", "note", "expected"),
    [
        pytest.param(1, "", "First version.", id="first version"),
        pytest.param(2, "Venue changed.", "Venue changed.", id="a later version"),
        pytest.param(2, "", "—", id="a later version without a note"),
    ],
)
def test_what_changed(version: int, note: str, expected: str) -> None:
    text = sheet_text(replace(BASE, version=version, change_note=note))
    assert dict(text.version)["What changed"] == expected


def test_an_action_without_a_due_date_leaves_the_date_blank() -> None:
    text = sheet_text(BASE)
    assert ("Brief school staff on escalation", "Education", "") in text.actions.rows
    assert (
        "Confirm telephone referrals in writing",
        "Integrated care board",
        "4 December 2026",
    ) in text.actions.rows
    assert text.timetable[0] == ("Notification sent (day 0)", "2 November 2026")


def test_a_decision_against_the_vote_has_its_reason_beside_the_vote() -> None:
    assert BASE.vote is not None
    reason = "The police shared new information after the vote."
    text = sheet_text(replace(BASE, vote=replace(BASE.vote, decision_differs_because=reason)))
    assert text.vote[-2:] == (
        ("Outcome", BASE.vote.outcome),
        ("Why the decision differs from the outcome", reason),
    )
    assert "Why the decision differs from the outcome" not in dict(sheet_text(BASE).vote)
