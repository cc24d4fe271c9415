"""Tower Hamlets steps 8 and 10: forms due 5 to 8 working days from when they are sent, and the
meeting within 10 working days of the notification: a form due after the meeting is warned."""

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.domain.timetable.profiles import CountFrom
from rrdesk.domain.timetable.return_window import (
    due_after_meeting_warning,
    forms_after_meeting_warning,
    latest_meeting_day,
)
from rrdesk.services.timetable.profile_catalogue import load_profile

CALENDAR = packaged_calendar()
NOTIFIED = date(2026, 11, 2)  # a Monday: day 3 is 5 November, day 10 is 16 November


def test_tower_hamlets_step_10_form_sent_on_day_3_is_due_after_the_step_8_meeting() -> None:
    profile = load_profile("tower-hamlets")
    latest = latest_meeting_day(NOTIFIED, profile.latest_meeting_working_day, CALENDAR)
    assert latest == date(2026, 11, 16)
    sent = CALENDAR.add_working_days(NOTIFIED, 3)
    due = CALENDAR.add_working_days(sent, profile.agency_return_max_working_days)
    assert CALENDAR.working_days_between(NOTIFIED, due) == 11
    assert due_after_meeting_warning(
        due, meeting=None, latest_meeting=latest, calendar=CALENDAR
    ) == (
        "This form is due on 17 November 2026, after 16 November 2026, the latest day for the"
        " meeting. Ask for it by 13 November 2026 so the panel has it."
    )


@pytest.mark.parametrize(
    ("due", "meeting", "warned"),
    [
        pytest.param(date(2026, 11, 16), None, False, id="due on the latest meeting day"),
        pytest.param(date(2026, 11, 12), date(2026, 11, 11), True, id="due after a booked meeting"),
        pytest.param(date(2026, 11, 11), date(2026, 11, 11), False, id="due on the meeting day"),
    ],
)
def test_form_due_against_the_meeting(due: date, meeting: date | None, warned: bool) -> None:
    warning = due_after_meeting_warning(
        due, meeting=meeting, latest_meeting=date(2026, 11, 16), calendar=CALENDAR
    )
    assert (warning is not None) is warned
    if warned:
        assert warning is not None
        assert "after the meeting on 11 November 2026" in warning
        assert "Ask for it by 10 November 2026" in warning


def test_a_milestone_counted_from_when_the_forms_are_sent() -> None:
    """Step 10 counts from when the form is sent: the milestone waits for that date."""
    profile = load_profile("tower-hamlets")
    rule = profile.milestone("agency_checks_returned")
    sent_rule = replace(rule, counts_from=CountFrom.FORMS_SENT)
    changed = replace(
        profile,
        milestones=tuple(sent_rule if m.key == rule.key else m for m in profile.milestones),
    )
    waiting = compute_timetable(changed, CALENDAR, NOTIFIED)
    assert waiting.milestone("agency_checks_returned").due is None
    sent = compute_timetable(changed, CALENDAR, NOTIFIED, forms_sent_date=date(2026, 11, 5))
    returned = sent.milestone("agency_checks_returned")
    assert returned.due == date(2026, 11, 17)
    assert returned.earliest == date(2026, 11, 12)
    assert returned.counted_from_words == "8 working days after the agency check forms were sent"


def test_tower_hamlets_step_10_the_returns_milestone_counts_from_the_forms_being_sent() -> None:
    """The profile itself counts the 5 to 8 working days from the last request sent, so the
    timetable and the requests give the same due date."""
    profile = load_profile("tower-hamlets")
    rule = profile.milestone("agency_checks_returned")
    assert rule.counts_from is CountFrom.FORMS_SENT
    assert (rule.earliest_working_days, rule.working_days) == (5, 8)
    assert "from when the form is sent" in rule.note
    sent_on = CALENDAR.add_working_days(NOTIFIED, 3)
    timetable = compute_timetable(profile, CALENDAR, NOTIFIED, forms_sent_date=sent_on)
    request_due = CALENDAR.add_working_days(sent_on, profile.agency_return_max_working_days)
    assert timetable.milestone("agency_checks_returned").due == request_due
    assert timetable.milestone("agency_checks_returned").review_day == 11


@pytest.mark.parametrize(
    ("awaited", "meeting", "expected"),
    [
        pytest.param((), None, None, id="no form awaited"),
        pytest.param(
            (("Police", date(2026, 11, 16)),), None, None, id="due on the latest meeting day"
        ),
        pytest.param(
            (("Police", date(2026, 11, 17)), ("Health", date(2026, 11, 12))),
            None,
            "The form from Police is due on 17 November 2026, after 16 November 2026, the latest"
            " day for the meeting. Ask for it by 13 November 2026 so the panel has it.",
            id="one of two after the latest meeting day",
        ),
        pytest.param(
            (("Police", date(2026, 11, 17)), ("Health", date(2026, 11, 12))),
            date(2026, 11, 11),
            "2 agency check forms are due after the meeting on 11 November 2026 (Police, due 17"
            " November 2026; Health, due 12 November 2026). Ask for them by 10 November 2026 so"
            " the panel has them.",
            id="both after a booked meeting",
        ),
    ],
)
def test_tower_hamlets_steps_8_and_10_forms_awaited_after_the_meeting(
    awaited: tuple[tuple[str, date], ...], meeting: date | None, expected: str | None
) -> None:
    warning = forms_after_meeting_warning(
        awaited, meeting=meeting, latest_meeting=date(2026, 11, 16), calendar=CALENDAR
    )
    assert warning == expected


def test_tower_hamlets_line_125_refer_within_a_week_of_a_cdop_or_jar_discussion() -> None:
    """A case discussed by the child death review panel or a joint agency response is referred
    within a week (rrdesk reads it as 5 working days); other cases have no such milestone."""
    profile = load_profile("tower-hamlets")
    rule = profile.milestone("referred_after_cdop")
    assert (rule.counts_from, rule.working_days) == (CountFrom.CDOP_DISCUSSION, 5)
    assert "rrdesk reads a week as 5 working days" in rule.note
    discussed = date(2026, 10, 22)  # a Thursday: a week of working days is Thursday 29 October
    timetable = compute_timetable(profile, CALENDAR, NOTIFIED, discussed_on=discussed)
    referred = timetable.milestone("referred_after_cdop")
    assert referred.due == date(2026, 10, 29)
    assert referred.counted_from_words == (
        "5 working days after the child death review or joint agency response discussion"
    )
    others = compute_timetable(profile, CALENDAR, NOTIFIED)
    assert "referred_after_cdop" not in [m.key for m in others.milestones]
