"""The one error the panel meeting raises when a rule is broken."""

from __future__ import annotations


class MeetingError(ValueError):
    """A panel meeting rule broken, with a message fit to show the chair or coordinator."""
