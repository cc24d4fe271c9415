"""Redbridge, line 39: reviews of cases that do not meet the definition (near misses, good
practice) are recorded as local reviews from a threshold-not-met case; other partnerships'
profiles do not offer it."""

from __future__ import annotations

from datetime import date

import pytest

from rrdesk.domain.after_meeting.local_review import LocalReviewError
from rrdesk.domain.cases.cases import Stage
from rrdesk.services.after_meeting.local_review_service import LocalReviewService
from rrdesk.services.store.session import Session
from tests.builders import add_case

TODAY = date(2026, 11, 23)


def _below_threshold(session: Session, profile: str) -> int:
    session.settings.set("profile", profile)
    case = add_case(session, today=TODAY, notified=None, stage=Stage.THRESHOLD_NOT_MET)
    assert case.case_id is not None
    return case.case_id


def test_redbridge_line_39_a_near_miss_becomes_a_local_review(session: Session) -> None:
    reviews = LocalReviewService(session)
    case_id = _below_threshold(session, "redbridge")
    assert reviews.reviews_below_threshold(case_id)
    with pytest.raises(LocalReviewError, match="Say why this case is reviewed"):
        reviews.endorse(case_id, TODAY)
    review = reviews.endorse(case_id, TODAY, below_threshold="A near miss: a baby's fall")
    assert review.below_threshold == "A near miss: a baby's fall"
    assert review.decided_on == TODAY
    case = session.cases.get(case_id)
    assert case is not None
    assert case.stage is Stage.LOCAL_REVIEW
    stored = reviews.get(case_id)
    assert stored is not None
    assert stored.below_threshold == "A near miss: a baby's fall"


@pytest.mark.parametrize("profile", ["statutory", "leeds", "tower-hamlets"])
def test_other_profiles_keep_threshold_not_met_cases_out(session: Session, profile: str) -> None:
    reviews = LocalReviewService(session)
    case_id = _below_threshold(session, profile)
    assert not reviews.reviews_below_threshold(case_id)
    with pytest.raises(LocalReviewError, match="as Redbridge does"):
        reviews.endorse(case_id, TODAY, below_threshold="A near miss")
