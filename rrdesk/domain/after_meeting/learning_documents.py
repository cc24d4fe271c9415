"""The after-the-meeting records as JSON-safe case documents (dates as ISO text), and back.

Kept under the ``DocumentKind`` of each: the action plan (tracking and added actions), the local
review, the letter to the referrer, the submission details and the case's themes (recorded
outside a meeting, such as at notification).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from rrdesk.domain.after_meeting.action_plan import (
    ActionStatus,
    ActionTracking,
    AddedAction,
    SourceReview,
)
from rrdesk.domain.after_meeting.local_review import LocalReview
from rrdesk.domain.after_meeting.threshold_letter import LetterDetails


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _to_day(value: Any) -> date | None:
    return None if not value else date.fromisoformat(str(value))


@dataclass(frozen=True)
class CaseActionRecord:
    """One case's part of the action plan."""

    tracking: dict[str, ActionTracking]
    added: tuple[AddedAction, ...] = ()

    @property
    def next_number(self) -> int:
        return max((item.number for item in self.added), default=0) + 1


def action_record_to_dict(record: CaseActionRecord) -> dict[str, Any]:
    return {
        "tracking": {
            key: {
                "status": t.status.value,
                "evidence": t.evidence,
                "completed_on": _day(t.completed_on),
                "embedded_by": t.embedded_by,
                "embedded_on": _day(t.embedded_on),
            }
            for key, t in sorted(record.tracking.items())
        },
        "added": [
            {
                "number": a.number,
                "action": a.action,
                "owner_agency": a.owner_agency,
                "due": _day(a.due),
                "review": a.review.value,
            }
            for a in record.added
        ],
    }


def action_record_from_dict(body: dict[str, Any] | None) -> CaseActionRecord:
    if not body:
        return CaseActionRecord({})
    tracking = {
        str(key): ActionTracking(
            status=ActionStatus(value.get("status", "open")),
            evidence=str(value.get("evidence", "")),
            completed_on=_to_day(value.get("completed_on")),
            embedded_by=str(value.get("embedded_by", "")),
            embedded_on=_to_day(value.get("embedded_on")),
        )
        for key, value in body.get("tracking", {}).items()
    }
    added = tuple(
        AddedAction(
            number=int(item["number"]),
            action=str(item["action"]),
            owner_agency=str(item["owner_agency"]),
            due=_to_day(item.get("due")),
            review=SourceReview(item.get("review", "rapid_review")),
        )
        for item in body.get("added", [])
    )
    return CaseActionRecord(tracking, added)


_REVIEW_DATES = {
    "commissioned_on",
    "family_informed_on",
    "completed_on",
    "publication_planned",
    "published_on",
    "learning_workshop_on",
    "implementation_workshop_on",
    "decided_on",
    "practitioner_event_on",
    "report_shared_with_family_on",
    "report_to_panel_on",
}


def local_review_to_dict(review: LocalReview) -> dict[str, Any]:
    body: dict[str, Any] = {}
    for item in fields(review):
        value = getattr(review, item.name)
        body[item.name] = _day(value) if item.name in _REVIEW_DATES else value
    return body


def local_review_from_dict(body: dict[str, Any] | None) -> LocalReview | None:
    if not body:
        return None
    values: dict[str, Any] = {}
    for item in fields(LocalReview):
        if item.name not in body:
            continue
        raw = body[item.name]
        if item.name in _REVIEW_DATES:
            values[item.name] = _to_day(raw)
        elif item.name == "reviewer_independent":
            values[item.name] = bool(raw)
        else:
            values[item.name] = str(raw)
    return LocalReview(**values)


def letter_details_to_dict(details: LetterDetails) -> dict[str, Any]:
    return {
        "next_steps": details.next_steps,
        "signatory": details.signatory,
        "signatory_role": details.signatory_role,
    }


def letter_details_from_dict(body: dict[str, Any] | None) -> LetterDetails:
    if not body:
        return LetterDetails()
    return LetterDetails(
        str(body.get("next_steps", "")),
        str(body.get("signatory", "")),
        str(body.get("signatory_role", "")),
    )


def case_themes_to_dict(keys: tuple[str, ...]) -> dict[str, Any]:
    return {"theme_keys": list(keys)}


def case_themes_from_dict(body: dict[str, Any] | None) -> tuple[str, ...]:
    if not body:
        return ()
    return tuple(str(key) for key in body.get("theme_keys", []))
