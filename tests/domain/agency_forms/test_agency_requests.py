"""Agency check form requests: statuses in words with dates, reminders, returns and history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    RequestError,
    RequestStatus,
    ReturnReason,
    due_date,
    record_changed_after_assurance,
    record_quality_assured,
    record_received,
    record_reminder,
    record_returned,
    record_sent,
    request_status,
)


def add_weekdays(start: date, count: int) -> date:
    """A stand-in calendar: Monday to Friday are working days, no bank holidays."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


MON = date(2026, 11, 16)
SCHOOL = AgencyRequest("Northfield Primary School", agency_id=7)
SENT = record_sent(SCHOOL, MON, due_date(MON, 5, add_weekdays))
RECEIVED = record_received(SENT, date(2026, 11, 20))
RETURNED = record_returned(
    RECEIVED,
    date(2026, 11, 23),
    [ReturnReason.CONTAINS_ACRONYMS, ReturnReason.ANALYSIS_NOT_COMPLETE],
    due_on=date(2026, 11, 26),
)


def test_due_date_counts_working_days() -> None:
    assert due_date(MON, 5, add_weekdays) == date(2026, 11, 23)
    assert due_date(date(2026, 11, 20), 8, add_weekdays) == date(2026, 12, 2)


STATUSES = {
    "not sent": (SCHOOL, MON, RequestStatus.NOT_SENT, "Not sent"),
    "sent": (
        SENT,
        date(2026, 11, 17),
        RequestStatus.SENT,
        "Sent 16 November 2026, due 23 November 2026.",
    ),
    "due soon": (
        SENT,
        date(2026, 11, 19),
        RequestStatus.DUE_SOON,
        "Due soon: due 23 November 2026 (sent 16 November 2026).",
    ),
    "due today": (
        SENT,
        date(2026, 11, 23),
        RequestStatus.DUE_SOON,
        "Due soon: due today (sent 16 November 2026).",
    ),
    "overdue": (
        SENT,
        date(2026, 11, 24),
        RequestStatus.OVERDUE,
        "Overdue: was due 23 November 2026 (sent 16 November 2026).",
    ),
    "received": (RECEIVED, date(2026, 11, 24), RequestStatus.RECEIVED, "Received 20 November 2026"),
    "returned": (
        RETURNED,
        date(2026, 11, 24),
        RequestStatus.RETURNED,
        "Returned for more information 23 November 2026 (contains acronyms, analysis not "
        "complete). Due back 26 November 2026.",
    ),
    "returned and late": (
        RETURNED,
        date(2026, 11, 27),
        RequestStatus.RETURNED,
        "Returned for more information 23 November 2026 (contains acronyms, analysis not "
        "complete). Was due back 26 November 2026.",
    ),
    "quality assured": (
        record_quality_assured(record_received(RETURNED, date(2026, 11, 25)), date(2026, 11, 26)),
        date(2026, 11, 27),
        RequestStatus.QUALITY_ASSURED,
        "Quality assured 26 November 2026",
    ),
}


@pytest.mark.parametrize(("request_", "today", "status", "words"), STATUSES.values(), ids=STATUSES)
def test_status_in_words(
    request_: AgencyRequest, today: date, status: RequestStatus, words: str
) -> None:
    view = request_status(request_, today, due_soon_working_days=2, add_working_days=add_weekdays)
    assert view.status is status
    assert view.words == words


def test_due_soon_counts_working_days_over_a_weekend() -> None:
    # Friday 20 November: two working days on is Tuesday 24 November, after the due date.
    view = request_status(SENT, date(2026, 11, 20), add_working_days=add_weekdays)
    assert view.status is RequestStatus.DUE_SOON
    # Without a calendar, two calendar days on is Sunday 22 November: not yet due soon.
    assert request_status(SENT, date(2026, 11, 20)).status is RequestStatus.SENT


def test_overdue_after_return_is_flagged() -> None:
    assert request_status(RETURNED, date(2026, 11, 27)).overdue
    assert not request_status(RETURNED, date(2026, 11, 26)).overdue


def test_reminders_are_logged_and_shown() -> None:
    chased = record_reminder(SENT, date(2026, 11, 24), "Phoned the school office")
    chased = record_reminder(chased, date(2026, 11, 25))
    assert [r.on for r in chased.reminders] == [date(2026, 11, 24), date(2026, 11, 25)]
    assert chased.reminders[0].note == "Phoned the school office"
    view = request_status(chased, date(2026, 11, 25))
    assert view.status is RequestStatus.OVERDUE
    assert view.words.endswith("2 reminders sent, the last on 25 November 2026.")


def test_a_reminder_with_a_new_date_moves_the_due_date() -> None:
    # Due Monday 23 November; chased on Wednesday 25th for Monday 30th.
    chased = record_reminder(SENT, date(2026, 11, 25), due_on=date(2026, 11, 30))
    assert chased.due_on == date(2026, 11, 30)
    assert chased.first_due_on == date(2026, 11, 23)
    view = request_status(chased, date(2026, 11, 26), add_working_days=add_weekdays)
    assert view.status is RequestStatus.DUE_SOON
    assert view.due_on == date(2026, 11, 30)
    assert view.words == (
        "Due soon: due 30 November 2026 (sent 16 November 2026). First due 23 November 2026. "
        "Reminder sent 25 November 2026."
    )
    overdue = request_status(chased, date(2026, 12, 1))
    assert overdue.words.startswith("Overdue: was due 30 November 2026")


def test_a_reminder_without_a_date_leaves_the_due_date() -> None:
    chased = record_reminder(SENT, date(2026, 11, 20), "Phoned")
    assert chased.due_on == date(2026, 11, 23)
    assert "First due" not in request_status(chased, date(2026, 11, 20)).words


def test_a_return_after_a_chase_has_its_own_due_date() -> None:
    chased = record_reminder(SENT, date(2026, 11, 24), due_on=date(2026, 11, 27))
    received = record_received(chased, date(2026, 11, 27))
    returned = record_returned(
        received,
        date(2026, 11, 30),
        [ReturnReason.OTHER],
        "Dates missing",
        due_on=date(2026, 12, 3),
    )
    assert returned.due_on == date(2026, 12, 3)
    assert "First due" not in request_status(returned, date(2026, 12, 1)).words


def test_a_reminder_cannot_ask_for_a_date_before_itself() -> None:
    with pytest.raises(RequestError, match="on or after the date of the reminder"):
        record_reminder(SENT, date(2026, 11, 25), due_on=date(2026, 11, 24))


def test_history_of_returns_is_kept() -> None:
    again = record_returned(
        record_received(RETURNED, date(2026, 11, 25)),
        date(2026, 11, 26),
        [ReturnReason.OTHER],
        "The chronology stops in 2025",
    )
    assert [r.reasons for r in again.returns] == [
        (ReturnReason.CONTAINS_ACRONYMS, ReturnReason.ANALYSIS_NOT_COMPLETE),
        (ReturnReason.OTHER,),
    ]
    assert again.returns[1].note == "The chronology stops in 2025"
    assert again.received_on == date(2026, 11, 25)
    assert again.sent_on == MON


REFUSED = {
    "sent twice": (lambda: record_sent(SENT, MON, MON), "already been sent"),
    "due before sent": (lambda: record_sent(SCHOOL, MON, MON - timedelta(1)), "on or after"),
    "received before sent": (lambda: record_received(SCHOOL, MON), "after the request was sent"),
    "received before the date sent": (
        lambda: record_received(SENT, MON - timedelta(1)),
        "cannot be before 16 November 2026",
    ),
    "reminder after receipt": (lambda: record_reminder(RECEIVED, MON), "while the form is awaited"),
    "returned with no reason": (
        lambda: record_returned(RECEIVED, date(2026, 11, 23), []),
        "Select at least one reason",
    ),
    "other with no note": (
        lambda: record_returned(RECEIVED, date(2026, 11, 23), [ReturnReason.OTHER]),
        "Enter the reason",
    ),
    "quality assured before receipt": (
        lambda: record_quality_assured(SENT, date(2026, 11, 23)),
        "Only a received form",
    ),
    "no return window": (lambda: due_date(MON, 0, add_weekdays), "at least 1 working day"),
}


@pytest.mark.parametrize(("action", "message"), REFUSED.values(), ids=REFUSED)
def test_impossible_steps_are_refused(action: object, message: str) -> None:
    assert callable(action)
    with pytest.raises(RequestError, match=message):
        action()


def test_a_changed_quality_assured_form_goes_back_to_received() -> None:
    assured = record_quality_assured(RECEIVED, date(2026, 11, 23))
    changed = record_changed_after_assurance(assured, date(2026, 11, 24), recorded_by="Priya")
    assert changed.stage is not None
    assert changed.stage.recorded_by == "Priya"
    view = request_status(changed, date(2026, 11, 25))
    assert view.status is RequestStatus.RECEIVED
    assert view.words == (
        "Changed after quality assurance on 24 November 2026, so it needs checking again"
    )
    again = record_quality_assured(changed, date(2026, 11, 25))
    assert request_status(again, date(2026, 11, 25)).words == "Quality assured 25 November 2026"


def test_a_change_dated_before_the_assurance_is_dated_on_the_assurance() -> None:
    assured = record_quality_assured(RECEIVED, date(2026, 11, 23))
    changed = record_changed_after_assurance(assured, date(2026, 11, 1))
    assert changed.stage is not None
    assert changed.stage.on == date(2026, 11, 23)


@pytest.mark.parametrize(
    "request_", [SCHOOL, SENT, RECEIVED, RETURNED], ids=["not sent", "sent", "received", "returned"]
)
def test_only_a_quality_assured_form_is_reopened_by_a_change(request_: AgencyRequest) -> None:
    with pytest.raises(RequestError, match="Only a quality-assured form"):
        record_changed_after_assurance(request_, date(2026, 11, 30))
