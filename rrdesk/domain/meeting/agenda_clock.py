"""The chair's agenda timer, without a clock: every question takes the seconds elapsed so far.

The screen reads a monotonic clock and passes ``now`` (seconds) in; the clock itself is an
immutable value, so tests drive it with plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from rrdesk.domain.meeting.agenda import AgendaItem

MINUS_SIGN = "\u2212"
LAST_MINUTE_SECONDS = 60


class ClockPhase(Enum):
    """How the time for the item in hand stands; shown in words as well as colour."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    LAST_MINUTE = "last_minute"
    OVER = "over"
    PAUSED = "paused"

    @property
    def words(self) -> str:
        return {
            ClockPhase.NOT_STARTED: "Not started",
            ClockPhase.RUNNING: "Running",
            ClockPhase.LAST_MINUTE: "Last minute",
            ClockPhase.OVER: "Time over",
            ClockPhase.PAUSED: "Paused",
        }[self]


def format_clock(seconds: float) -> str:
    """``4:30`` for time left; ``−1:30`` (a true minus sign) for time over."""
    whole = int(seconds) if seconds >= 0 else -int(-seconds + 0.999999)
    sign = MINUS_SIGN if whole < 0 else ""
    minutes, rest = divmod(abs(whole), 60)
    return f"{sign}{minutes}:{rest:02d}"


@dataclass(frozen=True)
class AgendaClock:
    """The agenda, which item is in hand, and the seconds spent on it.

    ``banked`` is the time spent on the item before the current run; ``started_at`` is the
    ``now`` the current run began (``None`` while paused or not started).
    """

    items: tuple[AgendaItem, ...]
    index: int = 0
    banked: float = 0.0
    started_at: float | None = None
    ever_started: bool = False

    @property
    def running(self) -> bool:
        return self.started_at is not None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.items)

    @property
    def item(self) -> AgendaItem | None:
        return None if self.finished else self.items[self.index]

    @property
    def allowed_seconds(self) -> int:
        item = self.item
        return 0 if item is None else item.minutes * 60

    def elapsed(self, now: float) -> float:
        if self.started_at is None:
            return self.banked
        return self.banked + max(0.0, now - self.started_at)

    def remaining(self, now: float) -> float:
        """Seconds left for the item in hand; negative once time is over."""
        return self.allowed_seconds - self.elapsed(now)

    def display(self, now: float) -> str:
        return format_clock(self.remaining(now))

    def phase(self, now: float) -> ClockPhase:
        left = self.remaining(now)
        if left < 0:
            return ClockPhase.OVER
        if not self.running:
            return ClockPhase.PAUSED if self.ever_started else ClockPhase.NOT_STARTED
        if left <= LAST_MINUTE_SECONDS:
            return ClockPhase.LAST_MINUTE
        return ClockPhase.RUNNING

    def start(self, now: float) -> AgendaClock:
        if self.running or self.finished:
            return self
        return replace(self, started_at=now, ever_started=True)

    def pause(self, now: float) -> AgendaClock:
        if not self.running:
            return self
        return replace(self, banked=self.elapsed(now), started_at=None)

    def toggle(self, now: float) -> AgendaClock:
        """Start if paused, pause if running (the space bar)."""
        return self.pause(now) if self.running else self.start(now)

    def reset(self) -> AgendaClock:
        """Back to the full time for the item in hand, stopped."""
        return replace(self, banked=0.0, started_at=None, ever_started=False)

    def next_item(self, now: float) -> AgendaClock:
        """Move to the next item; the clock keeps running if it was."""
        if self.finished:
            return self
        return replace(
            self,
            index=self.index + 1,
            banked=0.0,
            started_at=now if self.running and self.index + 1 < len(self.items) else None,
        )
