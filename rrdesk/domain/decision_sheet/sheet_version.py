"""Versions of the decision sheet: an exported sheet is frozen; a changed record makes a new one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rrdesk.domain.meeting.meeting import Meeting
from rrdesk.domain.meeting.meeting_changes import describe_changes


@dataclass(frozen=True)
class SheetVersion:
    """One exported sheet: the record it was made from, and what changed since the one before."""

    number: int
    exported_on: date
    meeting: Meeting
    changes: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        if self.number == 1:
            return "First version"
        return f"Version {self.number}. Changes since version {self.number - 1}: " + "; ".join(
            self.changes
        )


@dataclass(frozen=True)
class SheetHistory:
    versions: tuple[SheetVersion, ...] = ()

    @property
    def current(self) -> SheetVersion | None:
        return self.versions[-1] if self.versions else None

    def pending_changes(self, meeting: Meeting) -> tuple[str, ...]:
        """What the next export would list as changed (empty if the record matches the sheet)."""
        if self.current is None:
            return ()
        return describe_changes(self.current.meeting, _without_sign_off(meeting))

    def export(self, meeting: Meeting, on: date) -> tuple[SheetHistory, SheetVersion]:
        """The version to export: the current one if nothing on the sheet has changed."""
        snapshot = _without_sign_off(meeting)
        current = self.current
        if current is None:
            version = SheetVersion(1, on, snapshot)
        else:
            changes = describe_changes(current.meeting, snapshot)
            if not changes:
                return self, current
            version = SheetVersion(current.number + 1, on, snapshot, changes)
        return replace(self, versions=(*self.versions, version)), version


def _without_sign_off(meeting: Meeting) -> Meeting:
    return replace(meeting, sign_off=type(meeting.sign_off)())
