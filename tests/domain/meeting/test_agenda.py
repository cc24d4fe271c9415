from datetime import time

import pytest

from rrdesk.domain.meeting.agenda import (
    DEFAULT_MINUTES,
    AgendaItemKind,
    build_agenda,
    schedule,
    total_minutes,
)
from rrdesk.domain.meeting.meeting_error import MeetingError


def test_agenda_in_order_with_each_agency_in_turn() -> None:
    agenda = build_agenda(["Children's Social Care", "Police", " ", "Health"])
    assert [item.title for item in agenda] == [
        "Chair's overview",
        "Account from Children's Social Care",
        "Account from Police",
        "Account from Health",
        "Themes and learning",
        "The criteria",
        "The vote",
        "Immediate actions",
    ]
    assert total_minutes(agenda) == 10 + 3 * 5 + 20 + 15 + 5 + 10


def test_schedule_for_the_agenda_timer() -> None:
    agenda = build_agenda(["Police"])
    starts = [start for _, start in schedule(agenda, time(14, 0))]
    assert starts == [
        time(14, 0),
        time(14, 10),
        time(14, 15),
        time(14, 35),
        time(14, 50),
        time(14, 55),
    ]


@pytest.mark.parametrize(
    ("agencies", "minutes", "message"),
    [
        (["Police", "police"], DEFAULT_MINUTES, "Each agency can give its account once"),
        (
            ["Police"],
            {k: v for k, v in DEFAULT_MINUTES.items() if k is not AgendaItemKind.VOTE},
            "The process profile gives no minutes for 'The vote'",
        ),
        (
            ["Police"],
            {**DEFAULT_MINUTES, AgendaItemKind.CRITERIA: -1},
            "Minutes for 'The criteria' cannot be negative",
        ),
    ],
    ids=["agency twice", "profile misses an item", "negative minutes"],
)
def test_agenda_rules(
    agencies: list[str], minutes: dict[AgendaItemKind, int], message: str
) -> None:
    with pytest.raises(MeetingError, match=message):
        build_agenda(agencies, minutes)
