"""Where a screen meets the world outside it: messages, files, background work and the clock.

The composition root makes one :class:`Seams` with the real ones; tests make one with fakes.
Every screen takes what it needs from it, so none has a hidden default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from rrdesk.ui.shell.file_dialogs import DesktopOpener, FileDialogs
from rrdesk.ui.shell.messages import Messages
from rrdesk.ui.shell.tasks import TaskPool


@dataclass(frozen=True)
class Seams:
    messages: Messages
    runner: TaskPool
    dialogs: FileDialogs  # one for the whole window: each dialog starts where the last one was
    opener: DesktopOpener
    today: Callable[[], date]
    now: Callable[[], datetime]  # aware local time, for signing

    def wall_clock(self) -> datetime:
        """The time here without its offset, as backups are named and dated."""
        return self.now().replace(tzinfo=None)
