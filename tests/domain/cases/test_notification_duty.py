"""Working Together 2023, chapter 5: the local authority notifies the National Panel within 5
working days of becoming aware; a looked-after child's death is told to Ofsted and the
Secretary of State."""

from datetime import date

import pytest

from rrdesk.domain.cases.cases import Case, Child, ChildStatus, Outcome, validate_case
from rrdesk.domain.cases.notification_duty import (
    looked_after_child_died,
    notification_gap,
    ofsted_prompt,
)
from rrdesk.domain.timetable.bank_holidays import packaged_calendar

CALENDAR = packaged_calendar()


def _case(aware: date | None, sent: date | None, **child: object) -> Case:
    return Case(
        reference="RR-2026-001",
        children=(Child(pseudonym="Child T", **child),),  # type: ignore[arg-type]
        la_aware_date=aware,
        notification_sent=sent,
    )


@pytest.mark.parametrize(
    ("aware", "sent", "days", "late"),
    [
        pytest.param(date(2026, 11, 2), date(2026, 11, 2), 0, False, id="same day"),
        pytest.param(date(2026, 11, 2), date(2026, 11, 9), 5, False, id="Monday to Monday: 5"),
        pytest.param(date(2026, 11, 2), date(2026, 11, 10), 6, True, id="sixth working day"),
        pytest.param(date(2026, 11, 7), date(2026, 11, 13), 5, False, id="aware on a Saturday"),
        pytest.param(
            date(2026, 12, 21), date(2026, 12, 30), 5, False, id="over Christmas: 5, not 9 days"
        ),
        pytest.param(date(2025, 8, 22), date(2025, 9, 1), 5, False, id="across a bank holiday"),
    ],
)
def test_wt2023_ch5_notify_within_5_working_days_of_becoming_aware(
    aware: date, sent: date, days: int, late: bool
) -> None:
    gap = notification_gap(_case(aware, sent), CALENDAR)
    assert gap is not None
    assert gap.working_days == days
    assert gap.late is late
    if late:
        assert "later than the 5 working days" in gap.words
        assert gap.short_words == f"Notified late ({days} working days after aware)"
    else:
        assert gap.short_words == ""
        assert gap.words.endswith("after the local authority became aware")


@pytest.mark.parametrize(
    ("aware", "sent"),
    [
        pytest.param(None, date(2026, 11, 2), id="aware date not known"),
        pytest.param(date(2026, 11, 2), None, id="not notified yet"),
    ],
)
def test_no_gap_without_both_dates(aware: date | None, sent: date | None) -> None:
    assert notification_gap(_case(aware, sent), CALENDAR) is None


@pytest.mark.parametrize(
    ("status", "outcome", "prompted"),
    [
        pytest.param(ChildStatus.LOOKED_AFTER, Outcome.DIED, True, id="looked after, died"),
        pytest.param(ChildStatus.LOOKED_AFTER, Outcome.SERIOUSLY_HARMED, False, id="harmed"),
        pytest.param(ChildStatus.CHILD_IN_NEED, Outcome.DIED, False, id="not looked after"),
    ],
)
def test_wt2023_ch5_looked_after_child_death_told_to_ofsted_and_secretary_of_state(
    status: ChildStatus, outcome: Outcome, prompted: bool
) -> None:
    case = _case(date(2026, 11, 2), date(2026, 11, 3), status=status, outcome=outcome)
    assert looked_after_child_died(case) is prompted
    prompt = ofsted_prompt(case)
    if not prompted:
        assert prompt is None
        return
    assert prompt is not None
    assert "must tell Ofsted and the Secretary of State" in prompt
    told = Case(**{**case.__dict__, "ofsted_told_on": date(2026, 11, 4)})
    assert ofsted_prompt(told) == "Ofsted and the Secretary of State told on 4 November 2026"


def test_ofsted_cannot_be_told_before_the_incident() -> None:
    case = Case(
        reference="RR-2026-001",
        children=(Child(pseudonym="Child T"),),
        incident_date=date(2026, 11, 2),
        ofsted_told_on=date(2026, 11, 1),
        notification_sent=date(2026, 11, 3),
    )
    assert ("ofsted_told_on", "Ofsted cannot have been told before the date of the incident") in (
        validate_case(case)
    )
