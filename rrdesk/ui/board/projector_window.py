"""The projector view for the chair: the case in hand, big, and the other open cases, smaller.

It shows the case reference and stage only: never a child's name, pseudonym, date of birth,
address or school. White or yellow on near-black (at least 7:1), status spelt out, and the
working days left at least a tenth of the screen's height. Opens full screen on the chosen
screen; if that screen is unplugged it moves to one that remains. Esc leaves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.vote import ProjectorTally
from rrdesk.domain.timetable.progress import ReviewStatus
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_widget import clock_text
from rrdesk.ui.board.display_awake import DisplayAwake
from rrdesk.ui.kit.quiet_updates import show_text
from rrdesk.ui.meeting.agenda_timer import AgendaTimerWidget
from rrdesk.ui.timetable.timeline_strip import DARK, TimelineStripWidget

BACKGROUND = "#0b0c0c"
TEXT = "#ffffff"
STATUS_COLOURS = {
    ReviewStatus.ON_TRACK: "#5fd35f",
    ReviewStatus.DUE_SOON: "#ffdd00",
    ReviewStatus.OVERDUE: "#ff7b7b",
    ReviewStatus.DONE: "#ffffff",
}
MAIN_FIGURE_SHARE = 0.16
"""The working days left, as a share of the screen height (the issue asks for at least 0.1)."""
OTHER_CASES_SHOWN = 6


def choose_remaining_screen(
    removed: QScreen | None, screens: Sequence[QScreen], primary: QScreen | None
) -> QScreen | None:
    """Where the view goes when its screen is unplugged: the primary screen if it remains."""
    remaining = [screen for screen in screens if screen is not removed]
    if primary is not None and primary in remaining:
        return primary
    return remaining[0] if remaining else None


def screen_label(screen: QScreen, number: int) -> str:
    size = screen.geometry()
    name = screen.name() or f"Screen {number}"
    return f"Screen {number}: {name} ({size.width()} × {size.height()})"


def _label(name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def _size(label: QLabel, pixels: int, *, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPixelSize(max(10, pixels))
    font.setBold(bold)
    label.setFont(font)


class ProjectorWindow(QWidget):
    closed = Signal()

    def __init__(
        self,
        timetables: TimetableService,
        case_id: int,
        agenda: Sequence[AgendaItem],
        *,
        today: Callable[[], date],
        wall_clock: Callable[[], datetime],
        monotonic: Callable[[], float],
        awake: DisplayAwake | None = None,
        vote_for: Callable[[int], ProjectorTally | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector_window")
        self._vote_for = vote_for
        self.setWindowTitle("rrdesk: Rapid Review countdown")
        self.setAccessibleName("Rapid Review countdown, projector view")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"QWidget#projector_window {{ background: {BACKGROUND}; }}"
            f"QWidget#projector_window QLabel {{ color: {TEXT}; background: transparent; }}"
            f"QWidget#projector_window QPushButton {{ background: #2a2d2f; color: {TEXT};"
            " border: 2px solid #ffffff; padding: 6px 14px; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.case_id = case_id
        self._timetables = timetables
        self._today = today
        self._wall_clock = wall_clock
        self._awake = awake or DisplayAwake()
        self._screen: QScreen | None = None
        self._shown_day: date | None = None
        self.title_label = _label("projector_title")
        self.title_label.setText("Rapid Review countdown")
        self.clock_label = _label("projector_clock", wrap=False)
        self.hint_label = _label("projector_hint")
        self.hint_label.setText("Esc: leave   Space: start or pause   N: next item   R: reset")
        self.reference_label = _label("projector_reference")
        self.stage_label = _label("projector_stage")
        self.days_left_label = _label("projector_days_left", wrap=False)
        self.days_left_caption = _label("projector_days_left_caption")
        self.day_of_label = _label("projector_day_of")
        self.status_label = _label("projector_status")
        self.next_label = _label("projector_next_milestone", wrap=True)
        self.meeting_label = _label("projector_meeting", wrap=True)
        self.vote_label = _label("projector_vote", wrap=True)
        self.strip = TimelineStripWidget(colours=DARK, height=90)
        self.strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timer_widget = AgendaTimerWidget(agenda, now=monotonic)
        self.timer_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.others_heading = _label("projector_others_heading")
        self.others_heading.setText("Other open cases")
        self.other_labels = [_label(f"projector_other_{n}") for n in range(OTHER_CASES_SHOWN)]
        self.empty_label = _label("projector_empty", wrap=True)
        self._build_layout()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self._on_tick_timer_timeout)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._on_screen_removed)
        self.apply_sizes(900)
        self.refresh()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.clock_label)
        case = QVBoxLayout()
        case.addWidget(self.reference_label)
        case.addWidget(self.stage_label)
        figure = QHBoxLayout()
        figure.addWidget(self.days_left_label, 0, Qt.AlignmentFlag.AlignBottom)
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.days_left_caption)
        words.addWidget(self.day_of_label)
        words.addWidget(self.status_label)
        figure.addLayout(words, 1)
        case.addLayout(figure)
        case.addWidget(self.next_label)
        case.addWidget(self.meeting_label)
        case.addWidget(self.vote_label)
        case.addWidget(self.empty_label)
        case.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(case, 3)
        body.addSpacing(24)
        body.addWidget(self.timer_widget, 2)
        others = QVBoxLayout()
        others.addWidget(self.others_heading)
        for label in self.other_labels:
            others.addWidget(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addWidget(self.strip)
        layout.addSpacing(12)
        layout.addLayout(others)
        layout.addWidget(self.hint_label)

    # Sizes and screens ---------------------------------------------------------------------

    def apply_sizes(self, screen_height: int) -> None:
        """Size the text for a screen ``screen_height`` pixels tall."""
        h = screen_height
        self.main_figure_pixels = math.ceil(h * MAIN_FIGURE_SHARE)
        _size(self.days_left_label, self.main_figure_pixels, bold=True)
        _size(self.reference_label, int(h * 0.06), bold=True)
        for label in (self.stage_label, self.days_left_caption, self.day_of_label):
            _size(label, int(h * 0.04))
        _size(self.status_label, int(h * 0.045), bold=True)
        for label in (self.next_label, self.meeting_label, self.vote_label, self.empty_label):
            _size(label, int(h * 0.032))
        for label in (self.title_label, self.clock_label, self.others_heading):
            _size(label, int(h * 0.03), bold=True)
        for label in self.other_labels:
            _size(label, int(h * 0.026))
        _size(self.hint_label, int(h * 0.02))
        self.strip.setMinimumHeight(int(h * 0.1))
        timer = self.timer_widget
        _size(timer.time_label, int(h * 0.13), bold=True)
        for label in (timer.item_label, timer.phase_label):
            _size(label, int(h * 0.035), bold=True)
        for label in (timer.position_label, timer.next_label):
            _size(label, int(h * 0.026))

    @property
    def current_screen(self) -> QScreen | None:
        return self._screen

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``."""
        self._screen = screen
        self.apply_sizes(screen.geometry().height())
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._awake.acquire()
        self.tick_timer.start()

    def _on_screen_removed(self, screen: QScreen) -> None:
        if screen is not self._screen:
            return
        target = choose_remaining_screen(
            screen, QGuiApplication.screens(), QGuiApplication.primaryScreen()
        )
        if target is not None:
            self.show_on(target)

    # Showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        today = self._today()
        self._shown_day = today
        rows = self._timetables.board_rows(today)
        current = next((row for row in rows if row.case_id == self.case_id), None)
        self.clock_label.setText(clock_text(self._wall_clock()))
        self._show_case(current)
        self._show_vote()
        others = [row for row in rows if row.case_id != self.case_id]
        self.others_heading.setVisible(bool(others))
        for label, row in zip(
            self.other_labels, [*others, *[None] * OTHER_CASES_SHOWN], strict=False
        ):
            label.setVisible(row is not None)
            if row is not None:
                label.setText(self._other_text(row))
                label.setStyleSheet(f"color: {STATUS_COLOURS[row.status]};")

    def _show_vote(self) -> None:
        """The vote's counts while it is open or just closed; voters' names only when the chair
        has chosen to show them."""
        tally = self._vote_for(self.case_id) if self._vote_for is not None else None
        self.vote_label.setVisible(tally is not None)
        if tally is None:
            return
        counts = (
            f"Yes {tally.yes}   No {tally.no}   Abstain {tally.abstain}"
            f"   Not yet voted {tally.not_voted}"
        )
        lines = [f"Vote: {tally.question}", counts]
        if tally.closed and tally.outcome:
            lines.append(f"Outcome: {tally.outcome}")
        lines.extend(f"{name}: {choice}" for name, choice in tally.names)
        self.vote_label.setText("\n".join(lines))

    def _show_case(self, row: BoardRow | None) -> None:
        shown = row is not None
        for widget in (
            self.reference_label,
            self.stage_label,
            self.days_left_label,
            self.days_left_caption,
            self.day_of_label,
            self.status_label,
            self.next_label,
            self.meeting_label,
            self.strip,
        ):
            widget.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self.empty_label.setText("This case is no longer open.")
        if row is None:
            return
        progress = row.progress
        left = progress.working_days_left
        self.reference_label.setText(row.reference)
        self.stage_label.setText(row.stage.label)
        if row.status is ReviewStatus.DONE:
            figure, caption = "\u2713", "Decision sent"
        elif progress.today > row.deadline:
            figure, caption = str(max(1, -left)), "working days overdue"
        elif left == 0:
            figure, caption = "0", "Due today"
        else:
            figure, caption = str(left), "working day left" if left == 1 else "working days left"
        self.days_left_label.setText(figure)
        self.days_left_label.setAccessibleName(f"{figure} {caption}")
        self.days_left_caption.setText(caption)
        self.day_of_label.setText(row.day_of_total)
        colour = STATUS_COLOURS[row.status]
        self.status_label.setText(f"Status: {row.status.words}")
        self.status_label.setStyleSheet(f"color: {colour};")
        self.days_left_label.setStyleSheet(f"color: {colour};")
        self.next_label.setText(f"Next: {row.next_milestone_words}")
        self.meeting_label.setText(f"Meeting: {row.meeting_brief}")
        self.strip.set_row(row)

    @staticmethod
    def _other_text(row: BoardRow) -> str:
        return (
            f"{row.reference}    {row.stage.label}    {row.day_of_total}    "
            f"{row.days_left_words}    {row.status.words}"
        )

    # Events --------------------------------------------------------------------------------

    def _on_tick_timer_timeout(self) -> None:
        show_text(self.clock_label, clock_text(self._wall_clock()))
        if self._today() != self._shown_day:
            self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if not self.timer_widget.handle_key(event.key()):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tick_timer.stop()
        self.timer_widget.timer.stop()
        self._awake.release()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.disconnect(self._on_screen_removed)
        self.closed.emit()
        super().closeEvent(event)


class ProjectorLaunchDialog(QDialog):
    """Which case to project, and on which screen (every attached screen is offered)."""

    def __init__(
        self,
        rows: Sequence[BoardRow],
        *,
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projector_launch_dialog")
        self.setWindowTitle("Project the countdown")
        self.case_choice = QComboBox()
        self.case_choice.setObjectName("projector_case_choice")
        self.case_choice.setAccessibleName("Case being discussed")
        for row in rows:
            self.case_choice.addItem(f"{row.reference} ({row.stage.label})", row.case_id)
        if case_id is not None:
            self.case_choice.setCurrentIndex(max(0, self.case_choice.findData(case_id)))
        self.screen_choice = QComboBox()
        self.screen_choice.setObjectName("projector_screen_choice")
        self.screen_choice.setAccessibleName("Screen to show it on")
        screens = QGuiApplication.screens()
        for number, screen in enumerate(screens, start=1):
            self.screen_choice.addItem(screen_label(screen, number), number - 1)
        if len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            others = [n for n, s in enumerate(screens) if s is not primary]
            self.screen_choice.setCurrentIndex(others[0] if others else 0)
        buttons = QDialogButtonBox()
        self.project_button = buttons.addButton("Project", QDialogButtonBox.ButtonRole.AcceptRole)
        self.project_button.setObjectName("projector_start_button")
        buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Case being discussed", self.case_choice)
        form.addRow("Show it on", self.screen_choice)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("The projector shows the case reference and stage only, never a child's name.")
        )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_case(self) -> int | None:
        value = self.case_choice.currentData()
        return None if value is None else int(value)

    def chosen_screen(self) -> QScreen:
        screens = QGuiApplication.screens()
        index = self.screen_choice.currentData()
        if isinstance(index, int) and 0 <= index < len(screens):
            return screens[index]
        return QGuiApplication.primaryScreen()
