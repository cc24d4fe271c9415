"""The timeline strip: working days as cells, weekends and bank holidays as named gaps."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from rrdesk.domain.timetable.timeline import DayKind
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.board.projector_window import ProjectorWindow
from rrdesk.ui.timetable.timeline_strip import (
    TimelineStripWidget,
    cell_rects,
    date_forms,
    label_font,
)
from tests.ui.board.board_fixtures import add_case


def christmas_strip(qtbot: QtBot, session: Session) -> TimelineStripWidget:
    case_id = add_case(session, "RR-2026-009", date(2026, 12, 21))
    row = TimetableService(session).case_row(case_id, date(2026, 12, 23))
    strip = TimelineStripWidget(row, height=80)
    qtbot.addWidget(strip)
    strip.resize(900, 80)
    strip.show()
    return strip


def test_bank_holidays_and_weekends_are_named_gaps(qtbot: QtBot, session: Session) -> None:
    strip = christmas_strip(qtbot, session)
    tips = strip.cell_tooltips()
    assert "Friday 25 December 2026: bank holiday (Christmas Day), not a working day" in tips
    assert (
        "Monday 28 December 2026: bank holiday (Boxing Day (substitute day)), not a working day"
        in tips
    )
    assert "Saturday 26 December 2026: weekend, not a working day" in tips
    assert "Day 2: Wednesday 23 December 2026; today" in tips
    assert tips[-1].startswith("Day 15: Thursday 14 January 2027")
    assert "Decision sent to the National Panel (due)" in tips[-1]
    assert strip.accessibleDescription().startswith("Timeline: Day 2 of 15.")


def test_gaps_are_narrower_than_working_days(qtbot: QtBot, session: Session) -> None:
    strip = christmas_strip(qtbot, session)
    row = strip.row
    assert row is not None
    rects = cell_rects(QRectF(strip.rect()), row.timeline)
    widths = {day.kind: rect.width() for day, rect in zip(row.timeline, rects, strict=True)}
    assert widths[DayKind.BANK_HOLIDAY] < widths[DayKind.WORKING]
    assert widths[DayKind.WEEKEND] == widths[DayKind.BANK_HOLIDAY]


def test_hovering_a_gap_shows_its_name(qtbot: QtBot, session: Session) -> None:
    strip = christmas_strip(qtbot, session)
    row = strip.row
    assert row is not None
    rects = cell_rects(QRectF(strip.rect()), row.timeline)
    christmas = next(n for n, day in enumerate(row.timeline) if day.day == date(2026, 12, 25))
    point = rects[christmas].center()
    assert "Christmas Day" in strip.tooltip_at(point)
    event = QHelpEvent(QEvent.Type.ToolTip, point.toPoint(), strip.mapToGlobal(point.toPoint()))
    QApplication.sendEvent(strip, event)
    qtbot.waitUntil(lambda: "Christmas Day" in QToolTip.text())
    assert strip.tooltip_at(QPointF(-5, 5)) == ""


def _assert_fitting(strip: TimelineStripWidget) -> list[str]:
    """Every working day shows its number and its date whole, in a form that fits its cell."""
    metrics = QFontMetricsF(label_font(strip.font(), QRectF(strip.rect()), with_dates=True))
    row = strip.row
    assert row is not None
    working = [day for day in row.timeline if day.kind is DayKind.WORKING]
    shown = strip.shown_labels()
    assert len(shown) == len(working)
    forms = set()
    for day, (width, number, when) in zip(working, shown, strict=True):
        assert number
        forms.add(date_forms(day.day).index(when))
        assert metrics.horizontalAdvance(number) <= width
        assert metrics.horizontalAdvance(when) <= width
    assert len(forms) == 1  # one form for the whole strip, not "W 18" beside "Fri 20"
    return [when for _width, _number, when in shown]


def test_dates_on_the_timetable_at_1366_are_never_clipped(qtbot: QtBot, session: Session) -> None:
    strip = christmas_strip(qtbot, session)
    strip.resize(1366 - 300, 64)  # the case page's strip in a window 1366 wide
    dates = _assert_fitting(strip)
    assert dates[2] in ("Wed 23", "W 23")


def test_dates_on_the_projector_at_1024_take_a_shorter_form(qtbot: QtBot, session: Session) -> None:
    case_id = add_case(session, "RR-2026-010", date(2026, 11, 30))
    timetables = TimetableService(session)
    window = ProjectorWindow(
        timetables,
        case_id,
        (),
        today=lambda: date(2026, 12, 16),
        wall_clock=lambda: datetime(2026, 12, 16, 10, 5),
        monotonic=lambda: 1000.0,
    )
    qtbot.addWidget(window)
    window.apply_sizes(768)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    dates = _assert_fitting(window.strip)
    assert "W 16" in dates  # "Wed 16" would not fit, and is never cut to "Ved 1"
    window.close()
