"""The coordinator's day in outline, at the two laptop screens rrdesk must fit: unlock the
store, find a case from the countdown board, lock and come back, and quit, with every section
reached from the keyboard and nothing crashing on the way."""

from __future__ import annotations

import pytest

from tests.walks.screen_reading import shows
from tests.walks.walker import Walker, no_tracebacks, within

PASSPHRASE = "a walk in the park on Tuesday"
PARTNERSHIP = "Northmoor Safeguarding Children Partnership"

SECTIONS = {  # Ctrl+N and the heading the section shows
    "ctrl+1": "Cases",
    "ctrl+2": "Countdown board",
    "ctrl+3": "Directory",
    "ctrl+4": "Audit trail",
    "ctrl+5": "Partnership settings",
    "ctrl+6": "Backups and locking",
    "ctrl+7": "Calendar and process",
    "ctrl+8": "Partnership forms",
    "ctrl+9": "Statutory review action plan",
}


def open_demo_store(walker: Walker) -> None:
    """A store of fictional cases made with the command line, then opened with its passphrase."""
    secret = walker.folder / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    store = walker.folder / "northmoor.rrdesk"
    walker.rrdesk(
        "init",
        "--store",
        str(store),
        "--passphrase-file",
        str(secret),
        "--partnership",
        PARTNERSHIP,
        "--owner",
        "Rory Penhallow",
        "--profile",
        "tower-hamlets",
        "--demo-data",
    )
    walker.start("--store", str(store))
    walker.wait_to_read("Unlock rrdesk")
    walker.type(PASSPHRASE)
    walker.key("Return")
    walker.wait_to_read("RR-2026-004")
    walker.focus()  # the main window, now it is on screen


@pytest.mark.parametrize("walker", ["1366x768", "1024x768"], indirect=True)
def test_a_coordinator_unlocks_finds_a_case_locks_and_quits(walker: Walker) -> None:
    open_demo_store(walker)
    assert walker.window_names() == [f"rrdesk: {PARTNERSHIP}"]
    assert within(walker.window_sizes(), walker.size), walker.window_sizes()

    for keys, heading in SECTIONS.items():
        walker.key(keys)
        assert walker.wait_for_heading(heading) == heading
    assert within(walker.window_sizes(), walker.size), walker.window_sizes()

    walker.key("ctrl+2")
    walker.click_text("Open", "case")
    seen = walker.wait_to_read("Back to cases")
    for tab in ("Timetable", "Agency forms", "Meeting"):  # the first tabs, in view at 1024 wide
        assert shows(seen, tab), tab

    walker.key("ctrl+l")
    locked = walker.wait_to_read("Locked")  # once the locked screen is painted
    assert walker.window_names() == ["rrdesk: Locked"]
    assert "RR-2026" not in locked  # nothing about a case on show
    assert "Child" not in locked
    walker.type(PASSPHRASE)
    walker.key("Return")
    walker.wait_to_read("Signed in as")
    walker.focus()
    assert walker.wait_for_heading("Cases") == "Cases"
    assert walker.window_names() == [f"rrdesk: {PARTNERSHIP}"]

    walker.key("Escape")
    assert walker.alive

    walker.key("ctrl+q")
    for _ in range(40):
        if not walker.alive:
            break
        walker.settle()
    assert walker.exit_code == 0
    no_tracebacks(walker)
