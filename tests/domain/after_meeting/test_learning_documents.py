"""The after-the-meeting case documents survive a round trip through JSON-safe dictionaries."""

from __future__ import annotations

import json
from datetime import date

from rrdesk.domain.after_meeting.action_plan import (
    ActionStatus,
    ActionTracking,
    AddedAction,
    SourceReview,
)
from rrdesk.domain.after_meeting.learning_documents import (
    CaseActionRecord,
    action_record_from_dict,
    action_record_to_dict,
    case_themes_from_dict,
    case_themes_to_dict,
    letter_details_from_dict,
    letter_details_to_dict,
    local_review_from_dict,
    local_review_to_dict,
)
from rrdesk.domain.after_meeting.local_review import LocalReview
from rrdesk.domain.after_meeting.threshold_letter import LetterDetails


def _through_json(body: dict) -> dict:  # type: ignore[type-arg]
    return dict(json.loads(json.dumps(body)))


def test_action_record_round_trip() -> None:
    record = CaseActionRecord(
        {
            "meeting-0": ActionTracking(
                ActionStatus.COMPLETED, "Done", date(2026, 1, 2), "WG", date(2026, 3, 4)
            )
        },
        (AddedAction(2, "Audit", "Health", date(2026, 5, 6), SourceReview.LOCAL_REVIEW),),
    )
    assert action_record_from_dict(_through_json(action_record_to_dict(record))) == record
    assert record.next_number == 3
    assert action_record_from_dict(None) == CaseActionRecord({})


def test_local_review_round_trip() -> None:
    review = LocalReview(
        commissioned_on=date(2026, 8, 31),
        reviewer="Dr Carrow",
        reviewer_independent=True,
        panel="A\nB",
        published_on=date(2027, 3, 1),
    )
    assert local_review_from_dict(_through_json(local_review_to_dict(review))) == review
    assert local_review_from_dict(None) is None


def test_letter_and_themes_round_trip() -> None:
    details = LetterDetails("Next", "Harriet Vale", "Chair")
    assert letter_details_from_dict(_through_json(letter_details_to_dict(details))) == details
    assert case_themes_from_dict(case_themes_to_dict(("neglect", "safer_sleep"))) == (
        "neglect",
        "safer_sleep",
    )
