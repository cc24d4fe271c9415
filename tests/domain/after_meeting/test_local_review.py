"""Local review milestones: 6 months to complete, workshops at and a year after publication."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.local_review import (
    LocalReview,
    check_local_review,
    milestone_status,
    next_milestone,
    review_milestones,
    review_status,
)
from rrdesk.domain.timetable.progress import ReviewStatus


@pytest.mark.parametrize(
    ("commissioned", "due"),
    [
        pytest.param(date(2026, 3, 2), date(2026, 9, 2), id="ordinary date"),
        pytest.param(date(2026, 8, 31), date(2027, 2, 28), id="31 August"),
        pytest.param(date(2027, 8, 31), date(2028, 2, 29), id="31 August before a leap year"),
        pytest.param(date(2026, 12, 31), date(2027, 6, 30), id="31 December"),
        pytest.param(date(2026, 5, 31), date(2026, 11, 30), id="31 May"),
    ],
)
def test_completion_is_due_six_calendar_months_after_commissioning(
    commissioned: date, due: date
) -> None:
    review = LocalReview(commissioned_on=commissioned)
    assert review.completion_due == due
    completed = {m.key: m for m in review_milestones(review)}["completed"]
    assert completed.due == due
    assert not completed.done


@pytest.mark.parametrize(
    ("published", "due"),
    [
        pytest.param(date(2027, 3, 10), date(2028, 3, 10), id="ordinary date"),
        pytest.param(date(2028, 2, 29), date(2029, 2, 28), id="published on 29 February"),
        pytest.param(date(2027, 12, 31), date(2028, 12, 31), id="year end"),
    ],
)
def test_implementation_workshop_is_one_year_after_publication(published: date, due: date) -> None:
    review = LocalReview(
        commissioned_on=date(2026, 6, 1), completed_on=date(2026, 12, 1), published_on=published
    )
    milestones = {m.key: m for m in review_milestones(review)}
    assert milestones["implementation_workshop"].due == due
    assert milestones["learning_workshop"].due == published
    assert milestones["published"].done


def test_planned_publication_dates_the_workshops_until_it_is_published() -> None:
    review = LocalReview(commissioned_on=date(2026, 6, 1), publication_planned=date(2027, 1, 15))
    milestones = {m.key: m for m in review_milestones(review)}
    assert milestones["learning_workshop"].due == date(2027, 1, 15)
    assert milestones["implementation_workshop"].due == date(2028, 1, 15)


def test_nothing_is_dated_before_commissioning() -> None:
    milestones = review_milestones(LocalReview())
    assert [m.due for m in milestones] == [None] * 10
    assert next_milestone(LocalReview()) is not None


def test_status_words() -> None:
    review = LocalReview(commissioned_on=date(2026, 3, 2))
    completed = {m.key: m for m in review_milestones(review)}["completed"]
    assert completed.status_words(date(2026, 9, 1)) == "1 calendar day left"
    assert completed.status_words(date(2026, 9, 2)) == "Due today"
    assert completed.status_words(date(2026, 9, 5)) == "Overdue by 3 calendar days"
    assert completed.is_overdue(date(2026, 9, 3))
    family = {m.key: m for m in review_milestones(review)}["family_informed"]
    assert family.status_words(date(2026, 9, 1)) == "Overdue by 183 calendar days"


def test_the_report_to_the_panel_is_counted_in_working_days() -> None:
    """Its deadline is 7 working days before publication: what is left of it, or how late it
    is, is counted in working days (the calendar's), not in calendar days."""
    holidays = (date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1))
    review = LocalReview(commissioned_on=date(2026, 6, 1), publication_planned=date(2027, 1, 12))

    def working(day: date) -> bool:
        return day.weekday() < 5 and day not in holidays

    report = {m.key: m for m in review_milestones(review, working)}["report_to_panel"]
    assert report.due == date(2026, 12, 31)  # 4 to 11 January and 31 December: 7 working days
    # Thursday 24 December: the 29th, 30th and 31st are left (7 calendar days).
    assert report.status_words(date(2026, 12, 24)) == "3 working days left"
    assert report.status_words(date(2026, 12, 30)) == "1 working day left"
    assert report.status_words(date(2026, 12, 31)) == "Due today"
    # New Year's Day and the weekend: no working day yet since it was due.
    for day in (date(2027, 1, 1), date(2027, 1, 3)):
        assert report.status_words(day) == "Overdue: it was due on 31 December 2026"
    assert report.is_overdue(date(2027, 1, 1))
    assert report.status_words(date(2027, 1, 4)) == "Overdue by 1 working day"
    assert report.status_words(date(2027, 1, 8)) == "Overdue by 5 working days"


@pytest.mark.parametrize(
    ("review", "problem"),
    [
        pytest.param(LocalReview(), "Enter the date the review was commissioned", id="no date"),
        pytest.param(
            LocalReview(commissioned_on=date(2026, 6, 1), reviewer="A reviewer"),
            "Confirm the reviewer is independent of the agencies involved",
            id="independence not confirmed",
        ),
        pytest.param(
            LocalReview(commissioned_on=date(2026, 6, 1), completed_on=date(2026, 5, 1)),
            "The date the review was completed must be on or after 1 June 2026, when commissioned",
            id="completed before commissioned",
        ),
        pytest.param(
            LocalReview(commissioned_on=date(2026, 6, 1), published_on=date(2026, 9, 1)),
            "Enter the date the review was completed before it was published",
            id="published but not completed",
        ),
    ],
)
def test_check_local_review(review: LocalReview, problem: str) -> None:
    assert problem in check_local_review(review)


def test_a_complete_review_has_no_problems() -> None:
    review = LocalReview(
        commissioned_on=date(2026, 6, 1),
        reviewer="Dr Annest Carrow",
        reviewer_independent=True,
        completed_on=date(2026, 11, 30),
        published_on=date(2027, 1, 20),
        implementation_workshop_on=date(2028, 1, 25),
    )
    assert check_local_review(review) == ()


@pytest.mark.parametrize(
    ("today", "status"),
    [
        pytest.param(date(2026, 8, 4), ReviewStatus.ON_TRACK, id="29 days before completion"),
        pytest.param(date(2026, 8, 5), ReviewStatus.DUE_SOON, id="28 days before completion"),
        pytest.param(date(2026, 9, 2), ReviewStatus.DUE_SOON, id="due today"),
        pytest.param(date(2026, 9, 3), ReviewStatus.OVERDUE, id="a day late"),
    ],
)
def test_board_status_of_the_completion_milestone(today: date, status: ReviewStatus) -> None:
    review = LocalReview(commissioned_on=date(2026, 3, 2), family_informed_on=date(2026, 3, 9))
    completed = {m.key: m for m in review_milestones(review)}["completed"]
    assert milestone_status(completed, today) is status
    assert review_status(review, today) is status


def test_a_finished_review_is_done() -> None:
    review = LocalReview(
        commissioned_on=date(2025, 1, 6),
        family_informed_on=date(2025, 1, 10),
        completed_on=date(2025, 7, 1),
        published_on=date(2025, 9, 1),
        learning_workshop_on=date(2025, 9, 15),
        implementation_workshop_on=date(2026, 9, 10),
    )
    assert review_status(review, date(2026, 11, 22)) is ReviewStatus.DONE
    assert next_milestone(review) is None
