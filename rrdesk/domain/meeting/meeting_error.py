"""The one error the panel meeting raises when a rule is broken."""

from __future__ import annotations

from rrdesk.domain.errors import UserError


class MeetingError(UserError):
    """A panel meeting rule broken, with a message fit to show the chair or coordinator."""
