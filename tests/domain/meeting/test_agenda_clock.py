from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrdesk.domain.meeting.agenda import AgendaItem, AgendaItemKind
from rrdesk.domain.meeting.agenda_clock import AgendaClock, ClockPhase, format_clock

ITEMS = (
    AgendaItem(AgendaItemKind.OVERVIEW, 2),
    AgendaItem(AgendaItemKind.VOTE, 1),
)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        pytest.param(300, "5:00", id="five minutes"),
        pytest.param(59.5, "0:59", id="under a minute"),
        pytest.param(0, "0:00", id="time up"),
        pytest.param(-0.5, "\u22120:01", id="just over"),
        pytest.param(-90, "\u22121:30", id="ninety seconds over"),
    ],
)
def test_format_clock(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown


def test_start_pause_and_resume_count_only_running_time() -> None:
    clock = AgendaClock(ITEMS)
    assert clock.phase(0) is ClockPhase.NOT_STARTED
    clock = clock.start(10)
    assert clock.display(40) == "1:30"
    clock = clock.pause(40)
    assert clock.display(1000) == "1:30"
    assert clock.phase(1000) is ClockPhase.PAUSED
    clock = clock.toggle(1000)
    assert clock.phase(1065) is ClockPhase.LAST_MINUTE
    assert clock.phase(1200) is ClockPhase.OVER
    assert clock.display(1180) == "\u22121:30"


def test_next_item_keeps_running_and_reset_restores_the_time() -> None:
    clock = AgendaClock(ITEMS).start(0).next_item(30)
    assert clock.item == ITEMS[1]
    assert clock.running
    assert clock.display(45) == "0:45"
    clock = clock.reset()
    assert clock.display(100) == "1:00"
    assert not clock.running
    clock = clock.next_item(100)
    assert clock.finished
    assert clock.item is None


@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["toggle", "next", "reset"]), st.floats(0, 500)), max_size=30
    )
)
def test_time_only_runs_while_started(steps: list[tuple[str, float]]) -> None:
    """Elapsed time never goes down within an item and never exceeds the wall time spent."""
    clock = AgendaClock(ITEMS)
    now = 0.0
    since_item = 0.0
    for action, gap in steps:
        before = clock.elapsed(now)
        now += gap
        since_item += gap
        assert clock.elapsed(now) >= before
        assert clock.elapsed(now) <= since_item + 1e-9
        if action == "toggle":
            clock = clock.toggle(now)
        elif action == "next":
            clock = clock.next_item(now)
            since_item = 0.0
        else:
            clock = clock.reset()
            since_item = 0.0
        assert clock.elapsed(now) <= since_item + 1e-9
