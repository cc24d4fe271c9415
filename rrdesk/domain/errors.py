"""The one kind of error a person can fix.

Anything rrdesk refuses because of what someone typed, chose or has on disk is a :class:`UserError`:
its ``message`` is plain English, fit to show as it is. The screens and the command line show
these and nothing else as a normal message; any other exception is a bug, which is logged and
shown in the crash dialog.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the person can fix; ``message`` says what, in plain English."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
