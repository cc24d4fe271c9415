"""Counting a case's agencies one way, and saying why a chosen agency's form is missing."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.agency_forms.agency_counts import (
    AgencyCounts,
    MissingForm,
    count_agencies,
    missing_forms,
)
from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    ReturnReason,
    record_changed_after_assurance,
    record_quality_assured,
    record_received,
    record_reminder,
    record_returned,
    record_sent,
)

SENT_ON = date(2026, 11, 17)
DUE_ON = date(2026, 11, 24)
CHOSEN = AgencyRequest("Northmoor Police")
SENT = record_sent(AgencyRequest("Northmoor Health"), SENT_ON, DUE_ON)
RECEIVED = record_received(
    record_sent(AgencyRequest("Northmoor Schools"), SENT_ON, DUE_ON), date(2026, 11, 20)
)
RETURNED = record_returned(
    record_received(record_sent(AgencyRequest("Housing"), SENT_ON, DUE_ON), date(2026, 11, 19)),
    date(2026, 11, 20),
    [ReturnReason.INFORMATION_MISSING],
    due_on=date(2026, 11, 26),
)
ASSURED = record_quality_assured(
    record_received(record_sent(AgencyRequest("Children's services"), SENT_ON, DUE_ON), DUE_ON),
    DUE_ON,
)


@pytest.mark.parametrize(
    ("requests", "counts", "words"),
    [
        ((), AgencyCounts(0, 0, 0, 0), "0 of 0 received"),
        ((CHOSEN,), AgencyCounts(1, 0, 0, 0), "0 of 1 received"),
        (
            (CHOSEN, SENT, RECEIVED, ASSURED),
            AgencyCounts(4, 3, 2, 1, SENT_ON, (("Northmoor Health", DUE_ON),)),
            "2 of 4 received, 1 assured",
        ),
        (
            (RETURNED,),
            AgencyCounts(1, 1, 0, 0, SENT_ON, (("Housing", date(2026, 11, 26)),)),
            "0 of 1 received",
        ),
    ],
    ids=["none chosen", "chosen, not sent", "one at each step", "returned is not received"],
)
def test_agencies_are_counted_one_way(
    requests: tuple[AgencyRequest, ...], counts: AgencyCounts, words: str
) -> None:
    assert count_agencies(requests) == counts
    assert counts.short_words == words


def test_the_counts_in_words() -> None:
    counts = count_agencies((CHOSEN, SENT, RECEIVED, ASSURED))
    assert counts.words == "4 agencies chosen: 3 sent, 2 received, 1 quality assured"
    assert count_agencies((CHOSEN,)).words.startswith("1 agency chosen")


def test_every_chosen_agency_not_assured_is_missing_with_why() -> None:
    today = date(2026, 11, 25)
    missing = missing_forms((CHOSEN, SENT, RECEIVED, RETURNED, ASSURED), today)
    assert missing == (
        MissingForm("Northmoor Police", "The request has not been sent"),
        MissingForm(
            "Northmoor Health", "Overdue: was due 24 November 2026 (sent 17 November 2026)"
        ),
        MissingForm("Northmoor Schools", "Received 20 November 2026, not yet quality assured"),
        MissingForm(
            "Housing",
            "Returned for more information 20 November 2026 (information missing). "
            "Due back 26 November 2026",
        ),
    )


def test_a_form_changed_after_quality_assurance_says_so_once() -> None:
    """Not "Received; changed after quality assurance on ..., so it needs checking again, not
    yet quality assured": the change, its date and what it needs, once."""
    changed = record_changed_after_assurance(ASSURED, date(2026, 11, 25))
    assert missing_forms((changed,), date(2026, 11, 26)) == (
        MissingForm(
            "Children's services",
            "Changed after quality assurance on 25 November 2026, so it needs checking again",
        ),
    )


def test_no_reason_a_form_is_missing_ends_with_a_full_stop() -> None:
    """The reasons are table cells: none ends with a full stop, reminders or not."""
    today = date(2026, 11, 25)
    reminded = record_reminder(SENT, date(2026, 11, 24))
    requests = (CHOSEN, SENT, RECEIVED, RETURNED, reminded)
    reasons = [item.why for item in missing_forms(requests, today)]
    assert len(reasons) == 5
    assert [why for why in reasons if why.endswith(".")] == []
    assert reasons[-1].endswith("Reminder sent 24 November 2026")


def test_a_chased_form_is_awaited_by_its_new_date() -> None:
    """The board warns of forms due after the meeting by the date the chaser asked for."""
    chased = record_reminder(SENT, date(2026, 11, 25), due_on=date(2026, 11, 30))
    assert count_agencies([chased]).awaited == (("Northmoor Health", date(2026, 11, 30)),)
