"""Timetables for 10,000 notification dates: time per date, and the board's budget.

Run: python tests/bench/bench_deadlines.py
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, when not installed

from rrdesk.commands.deadlines import add_deadlines_parser, run_deadlines
from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.domain.timetable.progress import review_progress
from rrdesk.domain.timetable.timeline import build_timeline
from rrdesk.services.timetable.profile_catalogue import load_profile

DATES = 10_000
FRAME_SECONDS = 1 / 60


def main() -> None:
    started = time.perf_counter()
    calendar = packaged_calendar()
    built = time.perf_counter() - started
    print(f"Building the calendar (1900 to 2200, once per process): {built * 1000:.1f} ms")

    profile = load_profile("wolverhampton")
    first = date(2018, 1, 1)
    notifications = [first + timedelta(days=n % 4000) for n in range(DATES)]
    started = time.perf_counter()
    for notified in notifications:
        compute_timetable(
            profile,
            calendar,
            notified,
            referral_date=notified,
            meeting_date=notified + timedelta(days=14),
        )
    elapsed = time.perf_counter() - started
    print(
        f"Timetables for {DATES:,} dates: {elapsed * 1000:.1f} ms, "
        f"{elapsed / DATES * 1e6:.2f} µs per date"
    )

    args = argparse.ArgumentParser()
    add_deadlines_parser(args.add_subparsers())
    parsed = args.parse_args(["deadlines", *(d.isoformat() for d in notifications), "--json"])
    started = time.perf_counter()
    run_deadlines(parsed, io.StringIO())
    elapsed = time.perf_counter() - started
    print(
        f"rrdesk deadlines --json for {DATES:,} dates: {elapsed * 1000:.1f} ms, "
        f"{elapsed / DATES * 1e6:.2f} µs per date"
    )

    today = date(2027, 1, 6)
    cases = [
        today - timedelta(days=n % 25) for n in range(1000)
    ]  # open cases: recent notifications
    for name in ("statutory", "wolverhampton"):
        profile = load_profile(name)
        started = time.perf_counter()
        for notified in cases:
            timetable = compute_timetable(profile, calendar, notified)
            review_progress(notified, timetable.deadline, today, calendar, due_soon_working_days=3)
            timetable.next_milestone(today)
        elapsed = time.perf_counter() - started
        print(
            f"1,000 cases' timetables and progress ({name}): {elapsed * 1000:.2f} ms, "
            f"{elapsed / FRAME_SECONDS:.2f} of a 60 Hz frame"
        )
        timetables = [compute_timetable(profile, calendar, notified) for notified in cases]
        started = time.perf_counter()
        for timetable in timetables:
            review_progress(
                timetable.notification_date,
                timetable.deadline,
                today,
                calendar,
                due_soon_working_days=3,
            )
            timetable.next_milestone(today)
        elapsed = time.perf_counter() - started
        print(
            f"1,000 cases' progress from kept timetables ({name}): {elapsed * 1000:.2f} ms, "
            f"{elapsed / FRAME_SECONDS:.2f} of a 60 Hz frame"
        )
        started = time.perf_counter()
        for timetable in timetables:
            build_timeline(timetable, calendar, today)
        elapsed = time.perf_counter() - started
        print(
            f"1,000 cases' timeline strips ({name}): {elapsed * 1000:.2f} ms, "
            f"{elapsed / FRAME_SECONDS:.2f} of a 60 Hz frame"
        )


if __name__ == "__main__":
    main()
