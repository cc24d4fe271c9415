"""The action plan: overdue worked out, filters, the working group's rules, counts by agency."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.action_plan import (
    ActionFilter,
    ActionPlanError,
    ActionStatus,
    ActionTracking,
    AddedAction,
    PlanAction,
    ShownStatus,
    SourceReview,
    agencies_in,
    checked_tracking,
    counts_by_agency,
    filter_actions,
    plan_for_case,
)
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.timetable.bank_holidays import packaged_calendar

TODAY = date(2026, 11, 22)


def _action(
    key: str,
    agency: str,
    due: date | None,
    status: ActionStatus = ActionStatus.OPEN,
    embedded_on: date | None = None,
) -> PlanAction:
    plan = plan_for_case(
        case_id=1,
        case_reference="RR-2026-001",
        meeting_actions=(),
        added=(AddedAction(1, f"Action {key}", agency, due),),
        tracking={
            "added-1": ActionTracking(
                status, "done" if status is ActionStatus.COMPLETED else "", None, "WG", embedded_on
            )
        },
    )
    return PlanAction(**{**plan[0].__dict__, "key": key})


@pytest.mark.parametrize(
    ("due", "status", "shown"),
    [
        pytest.param(
            date(2026, 11, 21), ActionStatus.OPEN, ShownStatus.OVERDUE, id="due yesterday"
        ),
        pytest.param(TODAY, ActionStatus.OPEN, ShownStatus.OPEN, id="due today is not overdue"),
        pytest.param(
            date(2026, 1, 1), ActionStatus.IN_PROGRESS, ShownStatus.OVERDUE, id="in progress, late"
        ),
        pytest.param(
            date(2026, 1, 1), ActionStatus.COMPLETED, ShownStatus.COMPLETED, id="completed late"
        ),
        pytest.param(None, ActionStatus.OPEN, ShownStatus.OPEN, id="no due date"),
        pytest.param(
            date(2027, 1, 1), ActionStatus.IN_PROGRESS, ShownStatus.IN_PROGRESS, id="in progress"
        ),
    ],
)
def test_shown_status(due: date | None, status: ActionStatus, shown: ShownStatus) -> None:
    assert _action("a", "Police", due, status).shown_status(TODAY) is shown


def test_days_overdue_are_working_days_like_every_other_count() -> None:
    calendar = packaged_calendar()
    # Thursday 12 November to Sunday 22 November: 10 calendar days, 6 working days.
    assert _action("a", "Police", date(2026, 11, 12)).days_overdue(TODAY, calendar) == 6
    assert _action("a", "Police", TODAY).days_overdue(TODAY, calendar) == 0
    # Over Christmas: due Thursday 24 December, seen Monday 4 January 2027 is 4 working days
    # (the 25th, 28th and 1st are bank holidays in England and Wales).
    late = _action("a", "Police", date(2026, 12, 24))
    assert late.days_overdue(date(2027, 1, 4), calendar) == 4


def test_meeting_actions_come_first_with_their_tracking() -> None:
    plan = plan_for_case(
        case_id=7,
        case_reference="RR-2026-007",
        meeting_actions=(ImmediateAction("Share history", "Police", TODAY),),
        added=(AddedAction(3, "Audit", "Health", None, SourceReview.LOCAL_REVIEW),),
        tracking={"meeting-0": ActionTracking(ActionStatus.IN_PROGRESS)},
    )
    assert [(a.key, a.review, a.tracking.status) for a in plan] == [
        ("meeting-0", SourceReview.RAPID_REVIEW, ActionStatus.IN_PROGRESS),
        ("added-3", SourceReview.LOCAL_REVIEW, ActionStatus.OPEN),
    ]


def test_filters_by_agency_and_status_overdue_first() -> None:
    actions = [
        _action("a", "Police", date(2027, 1, 1)),
        _action("b", "Health", date(2026, 10, 1)),
        _action("c", "Police", date(2026, 11, 1)),
        _action("d", "Police", date(2026, 1, 1), ActionStatus.COMPLETED),
    ]
    assert [a.key for a in filter_actions(actions, ActionFilter(), TODAY)] == ["b", "c", "a", "d"]
    police = filter_actions(actions, ActionFilter(agency="Police"), TODAY)
    assert [a.key for a in police] == ["c", "a", "d"]
    overdue = ActionFilter(statuses=frozenset({ShownStatus.OVERDUE}))
    assert [a.key for a in filter_actions(actions, overdue, TODAY)] == ["b", "c"]
    assert agencies_in(actions) == ("Health", "Police")


def test_counts_by_agency() -> None:
    actions = [
        _action("a", "Police", date(2027, 1, 1)),
        _action("b", "Police", date(2026, 10, 1)),
        _action("c", "Police", date(2026, 1, 1), ActionStatus.COMPLETED, date(2026, 3, 1)),
        _action("d", "Health", date(2026, 1, 1), ActionStatus.COMPLETED),
    ]
    counts = {
        c.agency: (c.open, c.overdue, c.completed, c.embedded)
        for c in counts_by_agency(actions, TODAY)
    }
    assert counts == {"Health": (0, 0, 1, 0), "Police": (2, 1, 1, 1)}


@pytest.mark.parametrize(
    ("tracking", "message"),
    [
        pytest.param(
            ActionTracking(ActionStatus.COMPLETED), "evidence", id="completed needs evidence"
        ),
        pytest.param(
            ActionTracking(ActionStatus.IN_PROGRESS, "x", None, "WG", date(2026, 1, 1)),
            "Only a completed action",
            id="embedded before completed",
        ),
        pytest.param(
            ActionTracking(ActionStatus.COMPLETED, "x", None, " ", date(2026, 1, 1)),
            "who in the working group",
            id="embedded needs who",
        ),
        pytest.param(
            ActionTracking(ActionStatus.COMPLETED, "x", date(2026, 2, 1), "WG", date(2026, 1, 1)),
            "before it was completed",
            id="embedded before the completion date",
        ),
    ],
)
def test_tracking_rules(tracking: ActionTracking, message: str) -> None:
    with pytest.raises(ActionPlanError, match=message):
        checked_tracking(tracking)


def test_reopened_action_forgets_its_completion_date() -> None:
    checked = checked_tracking(ActionTracking(ActionStatus.OPEN, " x ", date(2026, 1, 1)))
    assert checked.completed_on is None
    assert checked.evidence == "x"
