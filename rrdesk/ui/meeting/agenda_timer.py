"""The chair's agenda timer: the item in hand, its time left, and what comes next.

Space starts and pauses, N moves to the next item, R resets the item's time. In the last minute
the time turns yellow; once over, it shows red negative minutes ("−1:30"). The words beside it
("Last minute", "Time over") say the same without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.agenda_clock import AgendaClock, ClockPhase
from rrdesk.ui.kit.quiet_updates import (
    show_accessible_name,
    show_enabled,
    show_style,
    show_text,
)

PHASE_COLOURS = {
    ClockPhase.NOT_STARTED: "#ffffff",
    ClockPhase.RUNNING: "#ffffff",
    ClockPhase.PAUSED: "#ffffff",
    ClockPhase.LAST_MINUTE: "#ffdd00",
    ClockPhase.OVER: "#ff7b7b",
}
TICK_MILLISECONDS = 250


class AgendaTimerWidget(QWidget):
    changed = Signal()

    def __init__(
        self,
        items: Sequence[AgendaItem],
        *,
        now: Callable[[], float],  # seconds on a clock that only goes forward
        time_pixels: int = 72,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_timer")
        self.setAccessibleName("Agenda timer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._now = now
        self.clock = AgendaClock(tuple(items))
        self.item_label = QLabel()
        self.item_label.setObjectName("agenda_item")
        self.item_label.setWordWrap(True)
        self.position_label = QLabel()
        self.position_label.setObjectName("agenda_position")
        self.time_label = QLabel()
        self.time_label.setObjectName("agenda_time")
        font = QFont(self.time_label.font())
        font.setPixelSize(time_pixels)
        font.setBold(True)
        self.time_label.setFont(font)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("agenda_phase")
        self.next_label = QLabel()
        self.next_label.setObjectName("agenda_next")
        self.next_label.setWordWrap(True)
        self.start_button = self._button("Start (space)", "agenda_start")
        self.next_button = self._button("Next item (N)", "agenda_next_item")
        self.reset_button = self._button("Reset (R)", "agenda_reset")
        buttons = QHBoxLayout()
        for button in (self.start_button, self.next_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.position_label)
        layout.addWidget(self.item_label)
        layout.addWidget(self.time_label)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.next_label)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MILLISECONDS)
        self.timer.timeout.connect(self.tick)
        self.start_button.clicked.connect(self.toggle)
        self.next_button.clicked.connect(self.next_item)
        self.reset_button.clicked.connect(self.reset)
        self.tick()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def toggle(self) -> None:
        self.clock = self.clock.toggle(self._now())
        self._follow_clock()

    def next_item(self) -> None:
        self.clock = self.clock.next_item(self._now())
        self._follow_clock()

    def reset(self) -> None:
        self.clock = self.clock.reset()
        self._follow_clock()

    def hold(self) -> bool:
        """Pause while rrdesk is locked; ``True`` if the clock was running."""
        running = self.clock.running
        if running:
            self.clock = self.clock.pause(self._now())
            self._follow_clock()
        return running

    def carry_on(self) -> None:
        """Run again after :meth:`hold`, from the time left when it was held."""
        self.clock = self.clock.start(self._now())
        self._follow_clock()

    def _follow_clock(self) -> None:
        if self.clock.running:
            self.timer.start()
        else:
            self.timer.stop()
        self.tick()
        self.changed.emit()

    def tick(self) -> None:
        """Show the clock as it stands now."""
        clock = self.clock
        now = self._now()
        count = len(clock.items)
        if clock.finished:
            show_text(self.position_label, f"All {count} items done")
            show_text(self.item_label, "End of the agenda")
            show_text(self.time_label, "")
            show_text(self.phase_label, "")
            show_text(self.next_label, "")
            show_enabled(self.start_button, False)
            show_enabled(self.next_button, False)
            return
        item = clock.item
        assert item is not None
        phase = clock.phase(now)
        show_text(self.position_label, f"Item {clock.index + 1} of {count}")
        show_text(self.item_label, item.title)
        show_text(self.time_label, clock.display(now))
        show_style(self.time_label, f"color: {PHASE_COLOURS[phase]};")
        show_accessible_name(self.time_label, f"Time left: {clock.display(now)}")
        show_text(self.phase_label, phase.words)
        show_style(self.phase_label, f"color: {PHASE_COLOURS[phase]};")
        following = clock.items[clock.index + 1] if clock.index + 1 < count else None
        show_text(
            self.next_label,
            f"Next: {following.title} ({following.minutes} min)" if following else "Last item",
        )
        show_text(self.start_button, "Pause (space)" if clock.running else "Start (space)")
        show_enabled(self.start_button, True)
        show_enabled(self.next_button, True)

    def handle_key(self, key: int) -> bool:
        """Space, N and R; ``True`` if the key was the timer's."""
        if key == Qt.Key.Key_Space:
            self.toggle()
        elif key == Qt.Key.Key_N:
            self.next_item()
        elif key == Qt.Key.Key_R:
            self.reset()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event.key()):
            super().keyPressEvent(event)
