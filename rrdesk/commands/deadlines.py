"""``rrdesk deadlines DATE [DATE...]``: the Rapid Review timetable for notification dates.

Opens no store and imports no Qt; uses the shipped bank holiday list.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from rrdesk.domain.timetable.bank_holidays import (
    BankHolidayCalendar,
    OutsideCalendarError,
    packaged_calendar,
)
from rrdesk.domain.timetable.dates import DateError, format_date_with_weekday, parse_iso_date
from rrdesk.domain.timetable.deadlines import (
    DAY_ZERO_CONVENTION,
    Milestone,
    Timetable,
    compute_timetable,
    coverage_warning,
)
from rrdesk.domain.timetable.meeting_milestone import meeting_milestone
from rrdesk.domain.timetable.profiles import ProcessProfile, ProfileError
from rrdesk.services.timetable.profile_catalogue import (
    DEFAULT_PROFILE,
    UnknownProfileError,
    load_profile,
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_deadlines_parser(subparsers: Any) -> None:
    """Add the ``deadlines`` sub-command to ``subparsers`` (from ``add_subparsers()``)."""
    parser = subparsers.add_parser(
        "deadlines",
        help="show the Rapid Review timetable for notification dates",
        description=f"Show the Rapid Review timetable for each notification date. "
        f"{DAY_ZERO_CONVENTION}",
    )
    parser.add_argument("dates", nargs="+", metavar="DATE", help="notification date, YYYY-MM-DD")
    parser.add_argument(
        "--profile",
        default=DEFAULT_PROFILE,
        help=f"process profile to follow (default: {DEFAULT_PROFILE})",
    )
    parser.add_argument("--referral", metavar="DATE", help="referral date, YYYY-MM-DD")
    parser.add_argument("--meeting", metavar="DATE", help="Rapid Review meeting date, YYYY-MM-DD")
    parser.add_argument(
        "--forms-sent",
        metavar="DATE",
        help="the day the (last) agency check form request was sent, YYYY-MM-DD",
    )
    parser.add_argument(
        "--discussed",
        metavar="DATE",
        help="the day a child death review or joint agency response discussed the case, YYYY-MM-DD",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=run_deadlines)


def _milestone_json(item: Milestone, timetable: Timetable) -> dict[str, Any]:
    """``label`` is the milestone as the text, the board and the panel pack word it (the meeting
    "not booked yet" or "booked", by the partnership's name for it); ``profile_label`` is the
    process profile's own label."""
    meeting = meeting_milestone(item, timetable.meeting_date)
    return {
        "key": item.key,
        "label": item.label if meeting is None else meeting.label,
        "profile_label": item.label,
        "working_day": item.working_day,
        "due": item.due.isoformat() if item.due else None,
        "counted_from": item.counted_from.value,
        "earliest": item.earliest.isoformat() if item.earliest else None,
        "review_day": item.review_day,
        "beyond_official_calendar": item.beyond_coverage,
    }


def _timetable_json(timetable: Timetable, calendar: BankHolidayCalendar) -> dict[str, Any]:
    meeting = timetable.meeting_date
    return {
        "notification_date": timetable.notification_date.isoformat(),
        "day_zero": timetable.notification_date.isoformat(),
        "day_zero_convention": DAY_ZERO_CONVENTION,
        "profile": timetable.profile_name,
        "meeting_date": meeting.isoformat() if meeting else None,
        "meeting_working_day": _meeting_day(timetable, calendar),
        "milestones": [_milestone_json(item, timetable) for item in timetable.milestones],
    }


def _meeting_day(timetable: Timetable, calendar: BankHolidayCalendar) -> int | None:
    meeting = timetable.meeting_date
    if meeting is None or meeting < timetable.notification_date:
        return None
    return calendar.working_days_between(timetable.notification_date, meeting)


def _meeting_line(timetable: Timetable, item: Milestone, calendar: BankHolidayCalendar) -> str:
    """The meeting as given with ``--meeting`` (booked), and the latest day the process expects
    it."""
    meeting = meeting_milestone(item, timetable.meeting_date)
    assert meeting is not None
    assert not meeting.is_latest_day
    assert item.due is not None
    day = _meeting_day(timetable, calendar)
    number = "Day ?" if day is None else f"Day {day}"
    late = "later than" if item.due < meeting.day else "by"
    return (
        f"{number:<6}  {format_date_with_weekday(meeting.day)}  {meeting.label}, {late} day"
        f" {item.review_day}, {format_date_with_weekday(item.due)}, the latest the process"
        " expects it"
    )


def _write_text(
    timetable: Timetable, profile: ProcessProfile, calendar: BankHolidayCalendar, out: TextIO
) -> None:
    notification = timetable.notification_date
    out.write(f"\nNotification sent {format_date_with_weekday(notification)}\n")
    out.write(f"Day 0   {format_date_with_weekday(notification)}  Notification sent\n")
    for item in timetable.milestones:
        if item.due is None:
            out.write(f"Later   {item.counted_from_words} (date not given)  {item.label}\n")
            continue
        meeting = meeting_milestone(item, timetable.meeting_date)
        if meeting is not None and not meeting.is_latest_day:
            out.write(_meeting_line(timetable, item, calendar) + "\n")
            continue
        label = item.label if meeting is None else meeting.label
        day = (
            "Before"
            if item.review_day is not None and item.review_day < 0
            else f"Day {item.review_day}"
        )
        line = f"{day:<6}  {format_date_with_weekday(item.due)}  {label}"
        if item.earliest is not None:
            line += f" (from {format_date_with_weekday(item.earliest)})"
        if item.counted_from.value != "notification":
            line += f" ({item.counted_from_words})"
        out.write(line + "\n")
        warning = coverage_warning(item.due, calendar)
        if warning:
            out.write(f"        Warning: {warning}\n")


def run_deadlines(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    """Print the timetable for each date in ``args.dates``; 2 for a bad date or profile."""
    errors = err if err is not None else sys.stderr
    try:
        dates = [parse_iso_date(text) for text in args.dates]
        referral = parse_iso_date(args.referral) if args.referral else None
        meeting = parse_iso_date(args.meeting) if args.meeting else None
        forms_sent = parse_iso_date(args.forms_sent) if args.forms_sent else None
        discussed = parse_iso_date(args.discussed) if args.discussed else None
    except DateError as error:
        errors.write(f"rrdesk deadlines: {error}\n")
        return EXIT_BAD_INPUT
    if (referral or meeting or forms_sent or discussed) and len(dates) > 1:
        errors.write(
            "rrdesk deadlines: give --referral, --meeting, --forms-sent or --discussed with one"
            " date only\n"
        )
        return EXIT_BAD_INPUT
    try:
        profile = load_profile(args.profile)
    except UnknownProfileError as error:
        errors.write(f"rrdesk deadlines: {error}\n")
        return EXIT_BAD_INPUT
    except ProfileError as error:
        errors.write(f"rrdesk deadlines: {error}\n")
        return 1
    calendar = packaged_calendar()
    try:
        timetables = [
            compute_timetable(
                profile,
                calendar,
                day,
                referral_date=referral,
                meeting_date=meeting,
                forms_sent_date=forms_sent,
                discussed_on=discussed,
            )
            for day in dates
        ]
    except OutsideCalendarError as error:
        errors.write(f"rrdesk deadlines: {error}\n")
        return EXIT_BAD_INPUT
    if args.json:
        json.dump(
            [_timetable_json(t, calendar) for t in timetables], out, indent=2, ensure_ascii=False
        )
        out.write("\n")
        return EXIT_OK
    out.write(f"Rapid Review timetable: {profile.title} (profile '{profile.name}')\n")
    out.write(f"{DAY_ZERO_CONVENTION}\n")
    out.write(f"{calendar.source_description}\n")
    for timetable in timetables:
        _write_text(timetable, profile, calendar, out)
    return EXIT_OK
