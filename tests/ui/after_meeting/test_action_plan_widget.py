"""The action plan screen: overdue in words and colour, filters, tracking, adding, exporting."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from rrdesk.domain.after_meeting.action_plan import ActionStatus, ActionTracking
from rrdesk.domain.meeting.immediate_action import ImmediateAction
from rrdesk.domain.timetable.bank_holidays import packaged_calendar
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting.action_plan_table import ACTION_MIN_WIDTH
from rrdesk.ui.after_meeting.action_plan_table_model import (
    ACTION_COLUMN,
    OVERDUE_BACKGROUND,
    STATUS_COLUMN,
    ActionPlanTableModel,
)
from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget
from tests import builders
from tests.builders import HEALTH, HOUSING, LA, SCHOOLS
from tests.fakes import RecordingMessages, ScriptedFileDialogs
from tests.ui.table_geometry import right_edge

SCHOOL_AUDIT = "Audit of school attendance for looked-after children placed out of area"


@pytest.fixture
def plan(session: Session, today: date) -> Session:
    """Six actions of one case: three overdue (one from the meeting, one Housing's), two open
    (one Housing's), and one completed and embedded."""
    days = timedelta(days=1)
    people = builders.add_directory(session)
    referrals = ImmediateAction("Joint review of declined referrals", HEALTH, today - 12 * days)
    case = builders.ready_to_submit(
        session, people, today=today, notified=date(2026, 11, 2), actions=(referrals,)
    )
    builders.action_added(session, case, SCHOOL_AUDIT, SCHOOLS, due=today - 30 * days)
    tenancy = "Tell social care when a new adult joins a tenancy"
    builders.action_added(session, case, tenancy, HOUSING, due=today - 9 * days)
    builders.action_added(session, case, "Check tenancy records", HOUSING, due=today + 45 * days)
    builders.action_added(session, case, "Brief residential staff", LA, due=today + 20 * days)
    wishes = builders.action_added(session, case, "Record the child's wishes", LA, due=today)
    done = ActionTracking(
        ActionStatus.COMPLETED, "Template changed", today - 5 * days, "Working group", today
    )
    ActionPlanService(session).update_tracking(wishes.case_id, wishes.key, done)
    return session


@pytest.fixture
def paths(tmp_path: Path) -> ScriptedFileDialogs:
    """Every save is accepted under the suggested name, in tmp_path."""
    return ScriptedFileDialogs(save_folder=tmp_path)


@pytest.fixture
def widget(
    qtbot,
    plan: Session,
    messages: RecordingMessages,
    today: date,
    paths: ScriptedFileDialogs,
):  # type: ignore[no-untyped-def]
    shown = ActionPlanWidget(
        ActionPlanService(plan),
        CaseService(plan),
        DirectoryService(plan),
        messages,
        lambda: today,
        partnership=plan.partnership,
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
    qtmodeltester.check(ActionPlanTableModel(date(2026, 1, 1), packaged_calendar()))


def test_overdue_actions_come_first_in_words_and_colour(widget: ActionPlanWidget) -> None:
    statuses = _column(widget, 4)
    # Due 30, 12 and 9 calendar days before Sunday 22 November: counted in working days.
    assert statuses[:3] == [
        "Overdue by 20 working days",
        "Overdue by 8 working days",
        "Overdue by 5 working days",
    ]
    assert not any(s.startswith("Overdue") for s in statuses[3:])
    index = widget.model.index(0, 4)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert "3 overdue" in widget.summary.text()


def test_filters_by_agency_and_status(qtbot, widget: ActionPlanWidget) -> None:  # type: ignore[no-untyped-def]
    widget.agency_filter.setCurrentText(HOUSING)
    assert _column(widget, 2) == [HOUSING, HOUSING]
    widget.agency_filter.setCurrentIndex(0)
    widget.status_filter.setCurrentText("Completed")
    assert _column(widget, 1) == ["Record the child's wishes"]
    assert _column(widget, 4) == ["Completed"]
    assert _column(widget, 6)[0].startswith("Yes: ")
    widget.status_filter.setCurrentText("Overdue")
    assert len(_column(widget, 4)) == 3
    assert all(text.startswith("Overdue") for text in _column(widget, 4))


def test_completing_an_action_with_evidence(
    qtbot, widget: ActionPlanWidget, plan: Session, messages: RecordingMessages, today: date
) -> None:  # type: ignore[no-untyped-def]
    widget.select_row(0)
    chosen = widget.selected_action()
    assert chosen is not None
    assert chosen.action == SCHOOL_AUDIT
    form = widget.tracking_form
    form.status.setCurrentText("Completed")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert messages.texts == ["Enter the evidence that the action was completed"]
    qtbot.keyClicks(form.evidence, "Audit of 12 referrals")
    qtbot.keyClicks(form.completed_on.day, str(today.day))
    qtbot.keyClicks(form.completed_on.month, str(today.month))
    qtbot.keyClicks(form.completed_on.year, str(today.year))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = ActionPlanService(plan).find(chosen.case_id, chosen.key)
    assert stored.tracking.status is ActionStatus.COMPLETED
    assert stored.tracking.evidence == "Audit of 12 referrals"
    assert "2 overdue" in widget.summary.text()


def test_adding_an_action(qtbot, widget: ActionPlanWidget, plan: Session) -> None:  # type: ignore[no-untyped-def]
    form = widget.add_form
    qtbot.keyClicks(form.text, "Audit strategy discussions for new adults")
    form.owner.setEditText("Westbury Early Help")
    qtbot.keyClicks(form.due.day, "1")
    qtbot.keyClicks(form.due.month, "2")
    qtbot.keyClicks(form.due.year, "2027")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert "Audit strategy discussions for new adults" in _column(widget, 1)
    chosen = widget.selected_action()
    assert chosen is not None
    assert chosen.owner_agency == "Westbury Early Help"
    assert chosen.due == date(2027, 2, 1)
    assert any(a.action.startswith("Audit strategy") for a in ActionPlanService(plan).actions())


def test_exports_what_is_shown(
    qtbot, widget: ActionPlanWidget, paths: ScriptedFileDialogs, messages: RecordingMessages
) -> None:  # type: ignore[no-untyped-def]
    widget.status_filter.setCurrentText("Overdue")
    qtbot.mouseClick(widget.export_buttons["xlsx"], Qt.MouseButton.LeftButton)
    saved = next(paths.save_folder.glob("action-plan-*.xlsx"))
    rows = list(load_workbook(saved)["Action plan"].iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert {row[6] for row in rows[1:]} == {"Overdue"}
    assert SCHOOL_AUDIT in {cell for row in rows[1:] for cell in row}
    qtbot.mouseClick(widget.export_buttons["pdf"], Qt.MouseButton.LeftButton)
    assert next(paths.save_folder.glob("action-plan-*.pdf")).read_bytes().startswith(b"%PDF")
    assert messages.shown[-1][0] == "info"


def test_removing_an_added_action(qtbot, widget: ActionPlanWidget, plan: Session) -> None:  # type: ignore[no-untyped-def]
    widget.select_row(_column(widget, 1).index(SCHOOL_AUDIT))
    assert widget.tracking_form.remove_button.isVisibleTo(widget)
    qtbot.mouseClick(widget.tracking_form.remove_button, Qt.MouseButton.LeftButton)
    assert SCHOOL_AUDIT not in _column(widget, 1)
    assert SCHOOL_AUDIT not in {a.action for a in ActionPlanService(plan).actions()}
    widget.select_row(0)  # now the meeting's action, changed only in the meeting record
    chosen = widget.selected_action()
    assert chosen is not None
    assert chosen.key == "meeting-0"
    assert not widget.tracking_form.remove_button.isVisibleTo(widget)
