"""Immediate actions agreed at the meeting: they feed the statutory review action plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rrdesk.domain.meeting.meeting_error import MeetingError


@dataclass(frozen=True)
class ImmediateAction:
    action: str
    owner_agency: str
    due: date | None = None

    def checked(self) -> ImmediateAction:
        """The action with spaces trimmed, or :class:`MeetingError` if something is missing."""
        if not self.action.strip():
            raise MeetingError("Enter the action")
        if not self.owner_agency.strip():
            raise MeetingError("Enter the agency that owns the action")
        return ImmediateAction(self.action.strip(), self.owner_agency.strip(), self.due)
