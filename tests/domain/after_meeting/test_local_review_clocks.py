"""A local review's clocks and milestones: Working Together 2023 (6 months from the decision to
initiate; the final report to the National Panel and the Secretary of State at least 7 working
days before publication) and the Leeds guide (lines 61-65: practitioner events; the report shared
with the family before publication)."""

from __future__ import annotations

from datetime import date

from rrdesk.domain.after_meeting.local_review import (
    LocalReview,
    check_local_review,
    review_milestones,
    working_days_before,
)
from rrdesk.domain.timetable.bank_holidays import packaged_calendar

CALENDAR = packaged_calendar()


def _milestones(review: LocalReview) -> dict[str, object]:
    return {m.key: m for m in review_milestones(review, CALENDAR.is_working_day)}


def test_working_together_six_months_run_from_the_decision_to_initiate() -> None:
    review = LocalReview(decided_on=date(2026, 3, 2), commissioned_on=date(2026, 4, 20))
    assert review.completion_due == date(2026, 9, 2)
    milestones = review_milestones(review, CALENDAR.is_working_day)
    assert [m.key for m in milestones][:2] == ["decided", "commissioned"]
    assert milestones[0].done_on == date(2026, 3, 2)
    older = LocalReview(commissioned_on=date(2026, 4, 20))  # recorded before the decision date
    assert older.completion_due == date(2026, 10, 20)


def test_the_decision_to_initiate_comes_before_commissioning() -> None:
    review = LocalReview(decided_on=date(2026, 5, 1), commissioned_on=date(2026, 4, 20))
    assert check_local_review(review) == (
        "The decision to initiate the review comes before it was commissioned, on 20 April 2026",
    )


def test_working_together_the_final_report_goes_7_working_days_before_publication() -> None:
    # Publication on Tuesday 5 January 2027: 7 working days back passes Christmas, Boxing Day
    # (substitute) and New Year's Day.
    review = LocalReview(decided_on=date(2026, 6, 1), publication_planned=date(2027, 1, 5))
    report = _milestones(review)["report_to_panel"]
    assert report.due == date(2026, 12, 22)  # type: ignore[attr-defined]
    assert working_days_before(date(2027, 1, 5), 7, CALENDAR.is_working_day) == date(2026, 12, 22)
    assert CALENDAR.working_days_between(date(2026, 12, 22), date(2027, 1, 5)) == 7
    assert _milestones(LocalReview(decided_on=date(2026, 6, 1)))["report_to_panel"].due is None  # type: ignore[attr-defined]


def test_leeds_lines_61_to_65_practitioner_events_and_the_family_before_publication() -> None:
    review = LocalReview(decided_on=date(2026, 6, 1), publication_planned=date(2027, 1, 5))
    milestones = _milestones(review)
    assert milestones["practitioner_event"].due == date(2026, 12, 1)  # type: ignore[attr-defined]
    assert milestones["shared_with_family"].due == date(2027, 1, 5)  # type: ignore[attr-defined]
    done = _milestones(
        LocalReview(
            decided_on=date(2026, 6, 1),
            practitioner_event_on=date(2026, 10, 14),
            report_shared_with_family_on=date(2026, 12, 18),
        )
    )
    assert done["practitioner_event"].status_words(date(2026, 12, 1)) == "Done on 14 October 2026"  # type: ignore[attr-defined]
    assert done["shared_with_family"].done  # type: ignore[attr-defined]


def test_a_step_not_recorded_by_publication_holds_nothing_up() -> None:
    review = LocalReview(
        decided_on=date(2025, 1, 6),
        commissioned_on=date(2025, 1, 6),
        completed_on=date(2025, 7, 1),
        published_on=date(2025, 9, 10),
    )
    report = _milestones(review)["report_to_panel"]
    assert report.done  # type: ignore[attr-defined]
    assert report.status_words(date(2026, 1, 5)) == "Not recorded before publication"  # type: ignore[attr-defined]
