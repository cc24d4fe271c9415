"""The chair's walk: the countdown projected on the only screen in the room, a lock in the middle
of the meeting (the room sees the unlock prompt over the paused projection, never a name), back
in, and the projection as it was."""

from __future__ import annotations

import re

import pytest

from tests.walks.test_coordinator_walk import PARTNERSHIP, PASSPHRASE, open_demo_store
from tests.walks.walker import Walker, no_tracebacks, shows

PSEUDONYM = re.compile(r"\bChild [A-Z]\b")  # "Child A", as the demo's children are named


@pytest.mark.parametrize("walker", ["1366x768", "1024x768"], indirect=True)
def test_a_chair_projects_locks_mid_meeting_and_carries_on(walker: Walker) -> None:
    open_demo_store(walker)
    walker.key("ctrl+2")
    assert walker.wait_for_heading("Countdown board") == "Countdown board"

    walker.key("F5")  # which case, on which screen
    walker.wait_to_read("Project")
    walker.focus()
    walker.key("Return")
    projected = walker.wait_to_read("Rapid Review countdown")
    assert shows(projected, "RR-2026-004")
    assert not PSEUDONYM.search(projected)  # a reference and a stage, never a child

    walker.focus_window(f"rrdesk: {PARTNERSHIP}")
    walker.key("ctrl+l")
    # On the only screen the unlock prompt is on top of the paused projection: nothing about a
    # case is on show to the room.
    locked = walker.wait_to_read("rrdesk is locked")
    assert "RR-2026" not in locked
    assert not PSEUDONYM.search(locked)

    walker.focus_window("rrdesk: Locked")
    walker.type(PASSPHRASE)
    walker.key("Return")
    back = walker.wait_to_read("Rapid Review countdown")  # the projection as it was
    assert shows(back, "RR-2026-004")
    assert walker.alive

    walker.focus()
    walker.key("Escape")  # leaves the projection
    walker.focus_window(f"rrdesk: {PARTNERSHIP}")
    walker.key("ctrl+q")
    for _ in range(40):
        if not walker.alive:
            break
        walker.settle()
    assert walker.exit_code == 0
    no_tracebacks(walker)
