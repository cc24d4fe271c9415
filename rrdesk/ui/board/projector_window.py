"""The projector view for the chair: the case in hand, big, and the other open cases, smaller.

It shows the case reference and stage only: never a child's name, pseudonym, date of birth,
address or school. White or yellow on near-black (at least 7:1), status spelt out, and the
working days left at least a tenth of the screen's height. Opens full screen on the chosen
screen; if that screen is unplugged it moves to one that remains. Esc leaves.

While rrdesk is locked the view stays where it is and shows only "Meeting paused", with the
agenda timer held; the window rebuilt after unlocking takes it back (:meth:`resume_after_lock`)
and the board and the timer carry on as they were.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from rrdesk.domain.meeting.agenda import AgendaItem
from rrdesk.domain.meeting.vote import ProjectorTally
from rrdesk.services.timetable.board_rows import BoardRow
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.board_widget import clock_text
from rrdesk.ui.board.display_awake import DisplayAwake
from rrdesk.ui.board.projector_text import (
    HINT_WORDS,
    PAUSED_WORDS,
    STATUS_COLOURS,
    days_left_figure,
    other_case_text,
    vote_lines,
)
from rrdesk.ui.kit.quiet_updates import show_text
from rrdesk.ui.meeting.agenda_timer import AgendaTimerWidget
from rrdesk.ui.timetable.timeline_strip import DARK, TimelineStripWidget

__all__ = ["BACKGROUND", "STATUS_COLOURS", "TEXT", "ProjectorWindow", "choose_remaining_screen"]

BACKGROUND = "#0b0c0c"
TEXT = "#ffffff"
TITLE = "rrdesk: Rapid Review countdown"
MAIN_FIGURE_SHARE = 0.16
"""The working days left, as a share of the screen height (the issue asks for at least 0.1)."""
OTHER_CASES_SHOWN = 6
VoteFor = Callable[[int], ProjectorTally | None]


def choose_remaining_screen(
    removed: QScreen | None, screens: Sequence[QScreen], primary: QScreen | None
) -> QScreen | None:
    """Where the view goes when its screen is unplugged: the primary screen if it remains."""
    remaining = [screen for screen in screens if screen is not removed]
    if primary is not None and primary in remaining:
        return primary
    return remaining[0] if remaining else None


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
        vote_for: VoteFor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector_window")
        self._timetables: TimetableService | None = timetables
        self._vote_for = vote_for
        self.setWindowTitle(TITLE)
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
        self._today = today
        self._wall_clock = wall_clock
        self._awake = awake or DisplayAwake()
        self._screen: QScreen | None = None
        self._shown_day: date | None = None
        self._paused = False
        self._agenda_held = False
        self._watching_screens = False
        self.chair_panel_factory: Callable[[], object] | None = None
        """Opens the chair's vote panel on the coordinator's screen (V); set by the launcher."""
        self.title_label = _label("projector_title")
        self.title_label.setText("Rapid Review countdown")
        self.clock_label = _label("projector_clock", wrap=False)
        self.hint_label = _label("projector_hint")
        self.hint_label.setText(HINT_WORDS)
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
        self.paused_label = _label("projector_paused")
        self.paused_label.setText(PAUSED_WORDS)
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.board_page = QWidget()
        self._build_layout()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self._on_tick_timer_timeout)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._on_screen_removed)
            self._watching_screens = True
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
        for label in (self.next_label, self.meeting_label, self.vote_label, self.empty_label):
            case.addWidget(label)
        case.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(case, 3)
        body.addSpacing(24)
        body.addWidget(self.timer_widget, 2)
        others = QVBoxLayout()
        others.addWidget(self.others_heading)
        for label in self.other_labels:
            others.addWidget(label)
        board = QVBoxLayout(self.board_page)
        board.setContentsMargins(40, 24, 40, 24)
        board.addLayout(header)
        board.addLayout(body, 1)
        board.addWidget(self.strip)
        board.addSpacing(12)
        board.addLayout(others)
        board.addWidget(self.hint_label)
        self.pages.addWidget(self.board_page)
        self.pages.addWidget(self.paused_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # Sizes and screens ---------------------------------------------------------------------

    def apply_sizes(self, screen_height: int) -> None:
        """Size the text for a screen ``screen_height`` pixels tall."""
        h = screen_height
        self.main_figure_pixels = math.ceil(h * MAIN_FIGURE_SHARE)
        _size(self.days_left_label, self.main_figure_pixels, bold=True)
        _size(self.reference_label, int(h * 0.06), bold=True)
        _size(self.paused_label, int(h * 0.08), bold=True)
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
        self.setScreen(screen)  # by itself, not by its place: X screens can share coordinates
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self._awake.acquire()
        if not self._paused:
            self.tick_timer.start()

    def _on_screen_removed(self, screen: QScreen) -> None:
        if screen is not self._screen:
            return
        target = choose_remaining_screen(
            screen, QGuiApplication.screens(), QGuiApplication.primaryScreen()
        )
        if target is not None:
            self.show_on(target)

    # Presenting through a lock -------------------------------------------------------------

    @property
    def paused(self) -> bool:
        """Whether the view shows "Meeting paused" (rrdesk is locked)."""
        return self._paused

    def holds_meeting(self) -> bool:
        """Whether a meeting is being presented: the view is open and the agenda timer runs."""
        return self.isVisible() and not self._paused and self.timer_widget.clock.running

    def pause_for_lock(self) -> None:
        """Show only "Meeting paused", hold the agenda timer and let go of the store's data."""
        if self._paused:
            return
        self._paused = True
        self._agenda_held = self.timer_widget.hold()
        self.tick_timer.stop()
        self._timetables, self._vote_for, self.chair_panel_factory = None, None, None
        self._close_chair_panels()
        self.pages.setCurrentWidget(self.paused_label)
        self.setWindowTitle("rrdesk")

    def resume_after_lock(
        self, timetables: TimetableService, vote_for: VoteFor | None, actions: Sequence[QAction]
    ) -> None:
        """The unlocked window's data and shortcuts; the board and the agenda timer carry on
        where they were."""
        self._timetables, self._vote_for = timetables, vote_for
        for action in self.actions():
            self.removeAction(action)
        self.addActions(list(actions))
        self._paused = False
        self.pages.setCurrentWidget(self.board_page)
        self.setWindowTitle(TITLE)
        self.refresh()
        if self._agenda_held:
            self._agenda_held = False
            self.timer_widget.carry_on()
        if self.isVisible():
            self.tick_timer.start()

    def after_unlock(self) -> None:
        """Once unlocked: in front again, or closed if no window took it back."""
        if self._paused:
            self.close()
            return
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # Showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        timetables = self._timetables
        if timetables is None:
            return
        today = self._today()
        self._shown_day = today
        rows = timetables.board_rows(today)
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
                label.setText(other_case_text(row))
                label.setStyleSheet(f"color: {STATUS_COLOURS[row.status]};")

    def _show_vote(self) -> None:
        tally = self._vote_for(self.case_id) if self._vote_for is not None else None
        self.vote_label.setVisible(tally is not None)
        if tally is not None:
            self.vote_label.setText("\n".join(vote_lines(tally)))

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
        self.reference_label.setText(row.reference)
        self.stage_label.setText(row.stage.label)
        figure, caption = days_left_figure(row)
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

    # Events --------------------------------------------------------------------------------

    def _on_tick_timer_timeout(self) -> None:
        show_text(self.clock_label, clock_text(self._wall_clock()))
        if self._today() != self._shown_day:
            self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._paused:  # locked: only the unlock prompt on the coordinator's screen answers
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() == Qt.Key.Key_V and self.chair_panel_factory is not None:
            self.chair_panel_factory()
        elif not self.timer_widget.handle_key(event.key()):
            super().keyPressEvent(event)

    def _close_chair_panels(self) -> None:
        """The chair's vote panel names the voters: it goes on lock and with the view."""
        for panel in self.findChildren(QWidget, "chair_vote_panel"):
            panel.hide()  # not closed: closing it would bring this view to the front again
            panel.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_chair_panels()
        self.tick_timer.stop()
        self.timer_widget.timer.stop()
        self._awake.release()
        app = QGuiApplication.instance()
        if self._watching_screens and isinstance(app, QGuiApplication):
            self._watching_screens = False
            with contextlib.suppress(RuntimeError, TypeError):
                app.screenRemoved.disconnect(self._on_screen_removed)
        self.closed.emit()
        super().closeEvent(event)
