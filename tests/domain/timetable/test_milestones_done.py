"""Milestones the case's record shows done: the requests sent and forms back, from the agency
forms; the meeting held and the decision sent, from the case's stage."""

from __future__ import annotations

import pytest

from rrdesk.domain.agency_forms.agency_counts import AgencyCounts
from rrdesk.domain.cases.cases import Stage
from rrdesk.domain.timetable.milestones_done import done_by_the_record

HELD_AND_SENT = {
    "rapid_review_meeting",
    "decision_to_national_panel",
    "national_panel_told_after_meeting",
}


def test_nothing_is_done_while_the_forms_are_out() -> None:
    shown = done_by_the_record(Stage.COLLECTING_RETURNS, AgencyCounts(4, 3, 2, 1))
    assert shown.keys == frozenset()
    assert shown.why("agency_checks_returned") == ""


def test_no_agency_chosen_shows_nothing_done() -> None:
    assert done_by_the_record(Stage.NOTIFIED, AgencyCounts(0, 0, 0, 0)).keys == frozenset()
    assert done_by_the_record(Stage.NOTIFIED, None).keys == frozenset()


def test_every_request_sent_and_every_form_back() -> None:
    sent = done_by_the_record(Stage.COLLECTING_RETURNS, AgencyCounts(4, 4, 3, 0))
    assert sent.keys == {"scoping_requests_sent"}
    back = done_by_the_record(Stage.COLLECTING_RETURNS, AgencyCounts(4, 4, 4, 2))
    assert back.keys == {"scoping_requests_sent", "agency_checks_returned"}
    assert back.why("agency_checks_returned") == "Done: every chosen agency's form is back."


@pytest.mark.parametrize(
    ("stage", "done"),
    [
        pytest.param(Stage.MEETING_BOOKED, set(), id="booked, not held"),
        pytest.param(Stage.AWAITING_SIGN_OFF, {"rapid_review_meeting"}, id="decided"),
        pytest.param(
            Stage.SENT_TO_NATIONAL_PANEL,
            {
                "rapid_review_meeting",
                "decision_to_national_panel",
                "national_panel_told_after_meeting",
            },
            id="sent",
        ),
        pytest.param(
            Stage.LOCAL_REVIEW,
            {
                "rapid_review_meeting",
                "decision_to_national_panel",
                "national_panel_told_after_meeting",
            },
            id="local review",
        ),
        pytest.param(Stage.CLOSED, set(), id="closed: not known how"),
        pytest.param(Stage.THRESHOLD_NOT_MET, set(), id="not notified"),
    ],
)
def test_the_stage_shows_the_meeting_held_and_the_decision_sent(
    stage: Stage, done: set[str]
) -> None:
    assert done_by_the_record(stage, None).keys == done


def test_why_names_the_stage() -> None:
    shown = done_by_the_record(Stage.AWAITING_SIGN_OFF, None)
    assert shown.why("rapid_review_meeting") == (
        "Done: the case is at 'Decided, awaiting sign-off', so the panel has met."
    )
