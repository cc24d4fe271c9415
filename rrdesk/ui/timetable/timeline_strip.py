"""The timeline strip: a review's working days as cells, weekends and bank holidays as gaps.

Today is filled yellow and outlined; days gone are darker; each milestone is a bar under its day
(green with a tick once done); the booked meeting is marked "M"; days after the deadline are
red. Every cell has a tooltip naming its date, and a bank holiday's name. One painting function
serves the board's table (through :class:`TimelineDelegate`), the case page and the projector.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QToolTip,
    QWidget,
)

from rrdesk.domain.timetable.dates import format_date_with_weekday
from rrdesk.domain.timetable.timeline import DayKind, TimelineDay
from rrdesk.services.timetable.board_rows import BoardRow

LEGEND = (
    "Timeline: each box is a working day, numbered from the notification (day 0). In yellow: "
    "today. Bar underneath: a milestone (red: the decision is due; green with \u2713: "
    "done). M: the meeting. Striped: a weekend or bank holiday (point at it for its name). "
    "Point at a box for its full date."
)
GAP_WEIGHT = 0.35
ROW_ROLE = Qt.ItemDataRole.UserRole + 10


@dataclass(frozen=True)
class StripColours:
    background: str
    future: str
    past: str
    today: str
    late: str
    text: str
    past_text: str
    outline: str
    gap: str
    milestone: str
    done: str
    deadline: str


LIGHT = StripColours(
    background="#ffffff",
    future="#f3f2f1",
    past="#b1b4b6",
    today="#ffdd00",
    late="#f4cdc6",
    text="#0b0c0c",
    past_text="#0b0c0c",
    outline="#0b0c0c",
    gap="#8a9196",
    milestone="#1d4f91",
    done="#00703c",
    deadline="#b10e1e",
)
DARK = StripColours(
    background="#0b0c0c",
    future="#2a2d2f",
    past="#5b6266",
    today="#ffdd00",
    late="#6f1d1b",
    text="#ffffff",
    past_text="#ffffff",
    outline="#ffffff",
    gap="#8a9196",
    milestone="#6fb3ff",
    done="#5fd35f",
    deadline="#ff7b7b",
)


def cell_rects(rect: QRectF, days: tuple[TimelineDay, ...]) -> list[QRectF]:
    """Where each day's cell goes: working days wide, weekends and bank holidays narrow."""
    weights = [1.0 if day.kind is DayKind.WORKING else GAP_WEIGHT for day in days]
    total = sum(weights) or 1.0
    unit = rect.width() / total
    x = rect.left()
    rects = []
    for weight in weights:
        rects.append(QRectF(x, rect.top(), unit * weight, rect.height()))
        x += unit * weight
    return rects


def day_tooltip(day: TimelineDay, row: BoardRow) -> str:
    """What a cell says on hover."""
    when = format_date_with_weekday(day.day)
    if day.day == row.timetable.notification_date and day.kind is not DayKind.WORKING:
        when = f"{when}: the notification was sent (day 0)"
    if day.kind is DayKind.BANK_HOLIDAY:
        return f"{when}: bank holiday ({day.holiday_name}), not a working day"
    if day.kind is DayKind.WEEKEND:
        return f"{when}: weekend, not a working day"
    parts = [f"Day {day.review_day}: {when}"]
    if day.review_day == 0:
        parts.append("the notification was sent (day 0)")
    if day.is_today:
        parts.append("today")
    if row.meeting_date == day.day:
        parts.append("Rapid Review meeting booked")
    labels = {item.key: item.label for item in row.timetable.milestones}
    for key in day.milestones:
        state = "done" if key in row.done else "due"
        parts.append(f"{labels.get(key, key)} ({state})")
    if day.day == row.deadline and row.extended:
        parts.append("deadline agreed with the National Panel")
    if day.beyond_deadline:
        parts.append("after the deadline")
    return "; ".join(parts)


def number_forms(day: TimelineDay, row: BoardRow) -> tuple[str, ...]:
    """A working day's number with its marks ("10 M", a tick when done), longest first."""
    forms = [str(day.review_day)]
    if row.meeting_date == day.day:
        forms = [f"{forms[0]} M", "M"]
    if day.milestones and all(key in row.done for key in day.milestones):
        forms = [f"{form}\u2713" for form in forms] + ["\u2713"]
    return tuple(forms)


def date_forms(day: date) -> tuple[str, ...]:
    """A day's date under its number, longest first: "Wed 16", "W 16", "16"."""
    weekday = f"{day:%a}"
    return (f"{weekday} {day.day}", f"{weekday[0]} {day.day}", str(day.day))


def date_labels(cells: Sequence[tuple[float, date]], metrics: QFontMetricsF) -> list[str]:
    """The dates of working days ``(cell width, day)``, in one form for the whole strip: the
    longest that every cell fits ("Wed 16", "W 16", "16"), never a clipped one."""
    for level in range(3):
        labels = [date_forms(day)[level] for _width, day in cells]
        widths = [width for width, _day in cells]
        if all(metrics.horizontalAdvance(t) + 2 <= w for t, w in zip(labels, widths, strict=True)):
            return labels
    return ["" for _cell in cells]


def first_fitting(forms: Sequence[str], width: float, metrics: QFontMetricsF) -> str:
    """The longest form that fits a cell ``width`` wide, never a clipped one; empty when none
    fits (the cell's tooltip still names the day)."""
    return next((form for form in forms if metrics.horizontalAdvance(form) + 2 <= width), "")


def tooltip_at(rect: QRectF, row: BoardRow, point: QPointF) -> str:
    for cell, day in zip(cell_rects(rect, row.timeline), row.timeline, strict=True):
        if cell.left() <= point.x() < cell.right():
            return day_tooltip(day, row)
    return ""


def strip_summary(row: BoardRow) -> str:
    """The strip in words, for screen readers."""
    labels = ", ".join(
        f"{item.label} day {item.review_day}"
        for item in row.timetable.milestones
        if item.review_day is not None
    )
    return f"Timeline: {row.day_of_total}. Milestones: {labels}."


def label_font(base: QFont, rect: QRectF, *, with_dates: bool) -> QFont:
    """The cells' lettering, sized to the strip's height."""
    font = QFont(base)
    font.setPixelSize(max(8, int(rect.height() * (0.22 if with_dates else 0.45))))
    return font


MIN_NUMBER_PIXELS = 8


def strip_font(base: QFont, rect: QRectF, row: BoardRow, *, with_dates: bool) -> QFont:
    """The lettering for ``row``'s strip in ``rect``: sized to the strip's height, and smaller
    when a narrow strip would otherwise leave a day's number out, so every working day keeps
    its number (down to a floor, below which the cell's tooltip still names it)."""
    font = label_font(base, rect, with_dates=with_dates)
    days = row.timeline
    widths = [
        cell.width() - 4
        for cell, day in zip(cell_rects(rect, days), days, strict=True)
        if day.kind is DayKind.WORKING
    ]
    if not widths:
        return font
    narrowest = min(widths)
    longest = str(max(d.review_day or 0 for d in days if d.kind is DayKind.WORKING))
    while (
        font.pixelSize() > MIN_NUMBER_PIXELS
        and QFontMetricsF(font).horizontalAdvance(longest) > narrowest
    ):
        font.setPixelSize(font.pixelSize() - 1)
    return font


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    row: BoardRow,
    colours: StripColours = LIGHT,
    *,
    with_dates: bool = False,
) -> None:
    """Draw ``row``'s strip in ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    days = row.timeline
    rects = cell_rects(rect, days)
    today = row.progress.today
    bar = max(3.0, rect.height() * (0.22 if with_dates else 0.25))
    painter.setFont(strip_font(painter.font(), rect, row, with_dates=with_dates))
    metrics = QFontMetricsF(painter.font())
    working = [
        (c.width() - 2, d.day)
        for c, d in zip(rects, days, strict=True)
        if d.kind is DayKind.WORKING
    ]
    dates = iter(date_labels(working, metrics))
    for cell, day in zip(rects, days, strict=True):
        inner = cell.adjusted(1, 1, -1, -1)
        if day.kind is not DayKind.WORKING:
            painter.fillRect(inner, QBrush(QColor(colours.gap), Qt.BrushStyle.BDiagPattern))
            continue
        if day.is_today:
            fill = colours.today
        elif day.beyond_deadline:
            fill = colours.late
        elif day.day < today:
            fill = colours.past
        else:
            fill = colours.future
        painter.fillRect(inner, QColor(fill))
        text_colour = "#0b0c0c" if day.is_today else colours.text
        if day.milestones:
            all_done = all(key in row.done for key in day.milestones)
            is_deadline = day.day == row.deadline
            colour = colours.done if all_done else colours.deadline if is_deadline else None
            colour = colour or colours.milestone
            painter.fillRect(
                QRectF(inner.left(), inner.bottom() - bar, inner.width(), bar), QColor(colour)
            )
        if day.day == row.deadline and not day.milestones:
            painter.fillRect(
                QRectF(inner.left(), inner.bottom() - bar, inner.width(), bar),
                QColor(colours.deadline),
            )
        label_area = inner.adjusted(0, 0, 0, -bar)
        number = first_fitting(number_forms(day, row), inner.width(), metrics)
        if day.is_today:
            # Drawn before the day's number, and no thicker than the cell has room for beside
            # it (the pen falls half inside the cell), so a narrow cell's number stays whole.
            room = inner.width() - metrics.horizontalAdvance(number)
            pen = QPen(QColor(colours.outline))
            pen.setWidthF(max(1.0, min(rect.height() / 14, room)))
            painter.setPen(pen)
            painter.drawRect(inner)
        painter.setPen(QColor(text_colour))
        if with_dates:
            top = QRectF(
                label_area.left(), label_area.top(), label_area.width(), label_area.height() / 2
            )
            bottom = top.translated(0, label_area.height() / 2)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, number)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, next(dates))
        else:
            painter.drawText(label_area, Qt.AlignmentFlag.AlignCenter, number)
    painter.restore()


class TimelineStripWidget(QWidget):
    """One case's strip as a widget: larger, with dates, on the case page and the projector."""

    def __init__(
        self,
        row: BoardRow | None = None,
        *,
        colours: StripColours = LIGHT,
        with_dates: bool = True,
        height: int = 64,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_strip")
        self._row = row
        self._colours = colours
        self._with_dates = with_dates
        self.setMinimumHeight(height)
        self.setMinimumWidth(240)
        self.setMouseTracking(True)
        self.set_row(row)

    def set_row(self, row: BoardRow | None) -> None:
        self._row = row
        summary = strip_summary(row) if row is not None else "No timeline yet"
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(summary)
        self.update()

    @property
    def row(self) -> BoardRow | None:
        return self._row

    def sizeHint(self) -> QSize:
        return QSize(720, self.minimumHeight())

    def cell_tooltips(self) -> list[str]:
        row = self._row
        return [] if row is None else [day_tooltip(day, row) for day in row.timeline]

    def shown_labels(self) -> list[tuple[float, str, str]]:
        """What each working day's cell shows: its width, its number and its date."""
        row = self._row
        if row is None:
            return []
        rect = QRectF(self.rect())
        metrics = QFontMetricsF(strip_font(self.font(), rect, row, with_dates=self._with_dates))
        working = [
            (cell.width() - 2, day)
            for cell, day in zip(cell_rects(rect, row.timeline), row.timeline, strict=True)
            if day.kind is DayKind.WORKING
        ]
        dates = date_labels([(width, day.day) for width, day in working], metrics)
        return [
            (width, first_fitting(number_forms(day, row), width, metrics), when)
            for (width, day), when in zip(working, dates, strict=True)
        ]

    def tooltip_at(self, point: QPointF) -> str:
        row = self._row
        return "" if row is None else tooltip_at(QRectF(self.rect()), row, point)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self._colours.background))
        if self._row is not None:
            paint_timeline(
                painter,
                QRectF(self.rect()),
                self._row,
                self._colours,
                with_dates=self._with_dates,
            )
        painter.end()
