"""The timeline strip: working days as cells, weekends and bank holidays as named gaps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from rrdesk.domain.timetable.timeline import DayKind
from rrdesk.services.store.session import Session
from rrdesk.services.timetable.timetable_service import TimetableService
from rrdesk.ui.timetable.timeline_strip import TimelineStripWidget, cell_rects
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
