"""Tower Hamlets steps 8 and 10: forms due 5 to 8 working days from when they are sent, and the
meeting within 10 working days of the notification: a form due after the meeting is warned."""

from dataclasses import replace
from datetime import date

import pytest

from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.domain.timetable.deadlines import compute_timetable
from rrdesk.domain.timetable.profiles import CountFrom
from rrdesk.domain.timetable.return_window import due_after_meeting_warning, latest_meeting_day
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
