"""The action plan screen: overdue in words and colour, filters, tracking, adding, exporting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from rrdesk.domain.after_meeting.action_plan import ActionStatus
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting.action_plan_table_model import (
    ACTION_COLUMN,
    OVERDUE_BACKGROUND,
    STATUS_COLUMN,
    ActionPlanTableModel,
)
from rrdesk.ui.after_meeting.action_plan_widget import ACTION_MIN_WIDTH, ActionPlanWidget
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.ui.table_geometry import right_edge


@pytest.fixture
def paths(tmp_path: Path) -> ScriptedFileDialogs:
    """Every save is accepted under the suggested name, in tmp_path."""
    return ScriptedFileDialogs(save_folder=tmp_path)


@pytest.fixture
def widget(
    qtbot,
    demo_session: Session,
    messages: RecordingMessages,
    today: date,
    paths: ScriptedFileDialogs,
):  # type: ignore[no-untyped-def]
    shown = ActionPlanWidget(
        ActionPlanService(demo_session),
        CaseService(demo_session),
        DirectoryService(demo_session),
        messages,
        lambda: today,
        partnership=demo_session.partnership,
        files=paths,
    )
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    shown.show()
    return shown


def _column(widget: ActionPlanWidget, column: int) -> list[str]:
    model = widget.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_in_a_narrow_window_the_action_is_readable_with_its_status_beside_it(
    qtbot, widget: ActionPlanWidget
) -> None:  # type: ignore[no-untyped-def]
    widget.resize(1070, 680)  # the screen's share of a 1280 by 720 window
    table = widget.table
    qtbot.waitUntil(lambda: table.viewport().width() < 800)
    header = table.horizontalHeader()
    assert header.sectionSize(ACTION_COLUMN) >= ACTION_MIN_WIDTH
    assert right_edge(table, STATUS_COLUMN) <= table.viewport().width()
    # Rows are as tall as their wrapped words at this width, not at the width first drawn.
    row = 0
    needed = table.sizeHintForRow(row)
    assert table.rowHeight(row) == needed


def test_model_passes_the_model_tester(qtmodeltester, widget: ActionPlanWidget) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(widget.model)
    qtmodeltester.check(ActionPlanTableModel(date(2026, 1, 1)))


def test_overdue_actions_come_first_in_words_and_colour(widget: ActionPlanWidget) -> None:
    statuses = _column(widget, 4)
    assert statuses[0].startswith("Overdue by ")
    overdue = [s for s in statuses if s.startswith("Overdue")]
    assert len(overdue) == 3
    index = widget.model.index(0, 4)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert "3 overdue" in widget.summary.text()


def test_filters_by_agency_and_status(qtbot, widget: ActionPlanWidget) -> None:  # type: ignore[no-untyped-def]
    widget.agency_filter.setCurrentText("Northmoor Housing")
    assert set(_column(widget, 2)) == {"Northmoor Housing"}
    widget.agency_filter.setCurrentIndex(0)
    widget.status_filter.setCurrentText("Completed")
    assert set(_column(widget, 4)) == {"Completed"}
    assert any(text.startswith("Yes: ") for text in _column(widget, 6))
    widget.status_filter.setCurrentText("Overdue")
    assert all(text.startswith("Overdue") for text in _column(widget, 4))


def test_completing_an_action_with_evidence(
    qtbot, widget: ActionPlanWidget, demo_session: Session, messages: RecordingMessages, today: date
) -> None:  # type: ignore[no-untyped-def]
    widget.select_row(0)
    chosen = widget.selected_action()
    assert chosen is not None
    form = widget.tracking_form
    form.status.setCurrentText("Completed")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts == ["Enter the evidence that the action was completed"]
    qtbot.keyClicks(form.evidence, "Audit of 12 referrals")
    qtbot.keyClicks(form.completed_on.day, str(today.day))
    qtbot.keyClicks(form.completed_on.month, str(today.month))
    qtbot.keyClicks(form.completed_on.year, str(today.year))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = ActionPlanService(demo_session).find(chosen.case_id, chosen.key)
    assert stored.tracking.status is ActionStatus.COMPLETED
    assert stored.tracking.evidence == "Audit of 12 referrals"
    assert "2 overdue" in widget.summary.text()


def test_adding_an_action(qtbot, widget: ActionPlanWidget, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    form = widget.add_form
    qtbot.keyClicks(form.text, "Audit strategy discussions for new adults")
    form.owner.setEditText("Northmoor Early Help")
    qtbot.keyClicks(form.due.day, "1")
    qtbot.keyClicks(form.due.month, "2")
    qtbot.keyClicks(form.due.year, "2027")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert "Audit strategy discussions for new adults" in _column(widget, 1)
    chosen = widget.selected_action()
    assert chosen is not None
    assert chosen.owner_agency == "Northmoor Early Help"
    assert chosen.due == date(2027, 2, 1)
    assert any(
        a.action.startswith("Audit strategy") for a in ActionPlanService(demo_session).actions()
    )


def test_exports_what_is_shown(
    qtbot, widget: ActionPlanWidget, paths: ScriptedFileDialogs, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    widget.status_filter.setCurrentText("Overdue")
    qtbot.mouseClick(widget.export_buttons["xlsx"], Qt.MouseButton.LeftButton)
    saved = next(paths.save_folder.glob("action-plan-*.xlsx"))
    rows = list(load_workbook(saved)["Action plan"].iter_rows(values_only=True))
    assert len(rows) == 4
    assert {row[6] for row in rows[1:]} == {"Overdue"}
    qtbot.mouseClick(widget.export_buttons["pdf"], Qt.MouseButton.LeftButton)
    assert next(paths.save_folder.glob("action-plan-*.pdf")).read_bytes().startswith(b"%PDF")
    assert messages.shown[-1][0] == "info"


def test_removing_an_added_action(qtbot, widget: ActionPlanWidget, demo_session: Session) -> None:  # type: ignore[no-untyped-def]
    texts = _column(widget, 1)
    widget.select_row(
        texts.index("Audit of school attendance for looked-after children placed out of area")
    )
    assert widget.tracking_form.remove_button.isVisibleTo(widget)
    qtbot.mouseClick(widget.tracking_form.remove_button, Qt.MouseButton.LeftButton)
    assert "Audit of school attendance" not in " ".join(_column(widget, 1))
    widget.select_row(0)
    chosen = widget.selected_action()
    assert chosen is not None
    assert widget.tracking_form.remove_button.isVisibleTo(widget) == chosen.key.startswith("added")
