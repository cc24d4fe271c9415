"""The action plan in the window's first size on a 1024 by 768 screen: for every action, which
case, its words and owner agency, when it is due and its status (an overdue one's in red) are in
view beside the chosen action's form without scrolling sideways, the evidence and whether
embedded left to the form, as the headers say; each row as tall as the words it shows. On a 1366
by 768 laptop each of those columns is on its own, every one whole, the evidence and whether
embedded still left to the form; in a window as wide as a 1920 by 1080 screen every column is
on its own."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.domain.after_meeting.action_plan import ActionStatus, ActionTracking
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.ui.after_meeting.action_plan_table import OWN_WIDTHS, ActionPlanTable
from rrdesk.ui.after_meeting.action_plan_table_model import (
    ACTION_COLUMN,
    CASE_COLUMN,
    COLUMNS,
    EVIDENCE_COLUMN,
    OVERDUE_INK,
    STATUS_COLUMN,
    ColumnLayout,
)
from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget
from rrdesk.ui.shell.main_window import FRAME_ALLOWANCE, MainWindow, first_size
from tests import builders
from tests.builders import LA, SCHOOLS
from tests.ui.table_geometry import right_edge

SCHOOL_AUDIT = "Audit of school attendance for looked-after children placed out of area"
LONG_EVIDENCE = (
    "Minutes of the strategy discussion of 3 November, the revised template and a dip sample of "
    "twelve records from October and November, checked by the Designated Nurse Safeguarding"
)
FIVE = ["Case and review", "Action", "Owner agency", "Due", "Status"]
WIDE = (1920 - FRAME_ALLOWANCE[0], 1080 - FRAME_ALLOWANCE[1])
"""A window as big as a 1920 by 1080 screen has room for (maximised, say)."""


@pytest.fixture
def context(blank_context: AppContext, today: date) -> AppContext:
    """One case's actions: one overdue (Schools'), one open, and one completed with a long
    account of its evidence."""
    session = blank_context.session
    days = timedelta(days=1)
    case = builders.add_case(session, today=today, notified=date(2026, 11, 2))
    builders.action_added(session, case, SCHOOL_AUDIT, SCHOOLS, due=today - 30 * days)
    builders.action_added(session, case, "Brief residential staff", LA, due=today + 20 * days)
    done = builders.action_added(session, case, "Record the child's wishes", LA, due=today)
    tracking = ActionTracking(
        ActionStatus.COMPLETED, LONG_EVIDENCE, today - 5 * days, "Working group", today
    )
    ActionPlanService(session).update_tracking(done.case_id, done.key, tracking)
    return blank_context


def _plan_in_window(qtbot: QtBot, context: AppContext, size: tuple[int, int]) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_section("action_plan")
    QApplication.processEvents()
    return window


def _table(window: MainWindow) -> ActionPlanTable:
    plan = window.section("action_plan")
    assert isinstance(plan, ActionPlanWidget)
    return plan.table


def _words_height(table: ActionPlanTable, row: int, column: int, width: int = 0) -> int:
    """The height of a cell's words, in its font (an overdue status's bold), wrapped inside its
    margins at its column's width now (or at ``width``)."""
    index = table.model().index(row, column)
    metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = (width or table.columnWidth(column)) - 2 * margin
    text = str(index.data())
    return metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text).height()


def _shown_columns(table: ActionPlanTable) -> list[str]:
    model = table.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not table.isColumnHidden(c)
    ]


def _cut_columns(table: ActionPlanTable) -> list[str]:
    """Each column shown that starts left of the visible area or ends past its right edge."""
    room = table.viewport().width()
    return [
        f"{COLUMNS[c]}: {table.columnViewportPosition(c)} to {right_edge(table, c)} of {room}"
        for c in range(len(COLUMNS))
        if not table.isColumnHidden(c)
        and (table.columnViewportPosition(c) < 0 or right_edge(table, c) > room)
    ]


@pytest.mark.usefixtures("styled")
def test_on_a_small_screen_an_overdue_actions_due_date_and_status_are_in_view(
    qtbot: QtBot, context: AppContext
) -> None:
    table = _table(_plan_in_window(qtbot, context, first_size(1024, 768)))
    model = table.model()
    assert _shown_columns(table) == ["Case and review", "Action and owner agency", "Due and status"]
    room = table.viewport().width()
    for column in (CASE_COLUMN, ACTION_COLUMN, STATUS_COLUMN):
        assert table.columnViewportPosition(column) >= 0
        assert right_edge(table, column) <= room, (COLUMNS[column], right_edge(table, column))
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to

    # The overdue action comes first: its case, words, owner, due date and status, in red.
    assert model.index(0, CASE_COLUMN).data() == "RR-2026-001\nRapid Review"
    action = model.index(0, ACTION_COLUMN)
    assert action.data() == f"{SCHOOL_AUDIT}\nOwner: {SCHOOLS}"
    status = model.index(0, STATUS_COLUMN)
    assert status.data() == "23 October 2026\nOverdue by 20 working days"
    assert status.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_INK
    assert status.data(Qt.ItemDataRole.FontRole).bold()
    assert "Due: 23 October 2026" in status.data(Qt.ItemDataRole.ToolTipRole)

    # What is left out is said where it is left out.
    tip = str(
        model.headerData(STATUS_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    )
    assert "Evidence and Embedded are not shown" in tip
    assert "The chosen action" in tip


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)], ids=["1024 by 768", "1366 by 768"])
def test_each_row_is_as_tall_as_the_words_it_shows(
    qtbot: QtBot, context: AppContext, screen: tuple[int, int]
) -> None:
    table = _table(_plan_in_window(qtbot, context, first_size(*screen)))
    model = table.model()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    padding = set()
    for row in range(model.rowCount()):
        words = max(_words_height(table, row, c) for c in shown)
        padding.add(table.rowHeight(row) - words)
        assert table.rowHeight(row) == table.sizeHintForRow(row)
    assert len(padding) == 1, padding  # every row its words and the same padding
    # The completed action's long evidence, not shown here, does not make its row taller.
    completed = next(
        row
        for row in range(model.rowCount())
        if "Completed" in str(model.index(row, STATUS_COLUMN).data())
    )
    evidence = model.index(completed, EVIDENCE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert evidence == LONG_EVIDENCE
    hidden_words = _words_height(
        table, completed, EVIDENCE_COLUMN, width=OWN_WIDTHS[EVIDENCE_COLUMN]
    )
    assert table.rowHeight(completed) < hidden_words


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize(
    "first",
    [first_size(1366, 768), first_size(1024, 768), WIDE],
    ids=["opened at 1366", "widened from 1024", "narrowed from 1920"],
)
def test_on_a_laptop_each_column_shown_is_on_its_own_and_whole(
    qtbot: QtBot, context: AppContext, first: tuple[int, int]
) -> None:
    window = _plan_in_window(qtbot, context, first)
    table = _table(window)
    chosen = table.visualRect(table.model().index(1, CASE_COLUMN)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=chosen)  # type: ignore[no-untyped-call]
    plan = window.section("action_plan")
    assert isinstance(plan, ActionPlanWidget)
    before = plan.selected_action()
    assert before is not None
    window.resize(*first_size(1366, 768))
    QApplication.processEvents()
    assert plan.selected_action() == before  # the chosen action stays chosen as columns change
    assert not table.combined
    assert table.column_layout is ColumnLayout.TRACKING_LEFT_TO_THE_FORM
    assert _shown_columns(table) == FIVE
    assert _cut_columns(table) == []
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    # The overdue action's status is in view, whole, in red.
    status = table.model().index(0, STATUS_COLUMN)
    assert table.viewport().rect().contains(table.visualRect(status))
    assert status.data() == "Overdue by 20 working days"
    assert status.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_INK


@pytest.mark.usefixtures("styled")
def test_on_a_laptop_the_headers_say_where_the_evidence_and_embedded_are(
    qtbot: QtBot, context: AppContext
) -> None:
    window = _plan_in_window(qtbot, context, first_size(1366, 768))
    table = _table(window)
    model = table.model()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert len(shown) == len(FIVE)
    for column in shown:
        tip = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
        assert "Evidence and Embedded are not shown" in tip, (COLUMNS[column], tip)
        assert "under The chosen action" in tip
        assert "the saved Excel, CSV and PDF have every column" in tip
    # Where the tooltips say: the completed action's evidence, on its form once it is chosen.
    completed = next(
        row
        for row in range(model.rowCount())
        if model.index(row, STATUS_COLUMN).data() == "Completed"
    )
    chosen = table.visualRect(model.index(completed, CASE_COLUMN)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=chosen)  # type: ignore[no-untyped-call]
    plan = window.section("action_plan")
    assert isinstance(plan, ActionPlanWidget)
    assert plan.tracking_form.evidence.toPlainText() == LONG_EVIDENCE
    assert plan.tracking_form.embedded.isChecked()


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("first", [WIDE, first_size(1366, 768)], ids=["opened", "widened"])
def test_in_a_wide_window_every_column_is_on_its_own_and_whole(
    qtbot: QtBot, context: AppContext, first: tuple[int, int]
) -> None:
    window = _plan_in_window(qtbot, context, first)
    window.resize(*WIDE)
    QApplication.processEvents()
    table = _table(window)
    assert table.column_layout is ColumnLayout.EVERY_COLUMN
    assert _shown_columns(table) == list(COLUMNS)
    assert _cut_columns(table) == []
    assert table.horizontalScrollBar().maximum() == 0
    model = table.model()
    assert model.index(0, STATUS_COLUMN).data() == "Overdue by 20 working days"
    completed = next(
        row
        for row in range(model.rowCount())
        if model.index(row, STATUS_COLUMN).data() == "Completed"
    )
    assert model.index(completed, EVIDENCE_COLUMN).data() == LONG_EVIDENCE
    # Nothing is left out, so no header says anything is.
    tips = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(model.columnCount())
    ]
    assert tips == [None] * len(COLUMNS)
