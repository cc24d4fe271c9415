"""Agency requests as JSON values, for the case document of kind ``agency_requests``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from rrdesk.domain.agency_forms.agency_requests import (
    AgencyRequest,
    EventKind,
    RequestEvent,
    ReturnReason,
)


def _event_to_dict(event: RequestEvent) -> dict[str, Any]:
    return {
        "kind": event.kind.value,
        "on": event.on.isoformat(),
        "due_on": event.due_on.isoformat() if event.due_on else None,
        "reasons": [reason.value for reason in event.reasons],
        "note": event.note,
        "recorded_by": event.recorded_by,
    }


def _event_from_dict(data: Mapping[str, Any]) -> RequestEvent:
    due = data.get("due_on")
    return RequestEvent(
        kind=EventKind(data["kind"]),
        on=date.fromisoformat(data["on"]),
        due_on=date.fromisoformat(due) if isinstance(due, str) else None,
        reasons=tuple(ReturnReason(r) for r in data.get("reasons") or ()),
        note=str(data.get("note", "")),
        recorded_by=str(data.get("recorded_by", "")),
    )


def requests_to_dict(requests: Iterable[AgencyRequest]) -> dict[str, Any]:
    return {
        "requests": [
            {
                "agency": request.agency,
                "agency_id": request.agency_id,
                "events": [_event_to_dict(event) for event in request.events],
                "request_id": request.request_id,
            }
            for request in requests
        ]
    }


def requests_from_dict(data: Mapping[str, Any] | None) -> list[AgencyRequest]:
    if not data:
        return []
    found = []
    for item in data.get("requests") or ():
        agency_id = item.get("agency_id")
        found.append(
            AgencyRequest(
                agency=str(item["agency"]),
                agency_id=int(agency_id) if isinstance(agency_id, int) else None,
                events=tuple(_event_from_dict(e) for e in item.get("events") or ()),
                request_id=str(item.get("request_id") or ""),
            )
        )
    return found
