"""The action plan after years of reviews: shown a hundred actions at a time, exported whole."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.domain.after_meeting.action_plan import ActionStatus
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.services.cases.case_service import CaseService, DirectoryService
from rrdesk.services.store.session import Session
from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget
from tests import builders
from tests.builders import LA
from tests.fakes import RecordingMessages, ScriptedFileDialogs

ACTIONS = 130


@pytest.fixture
def widget(
    qtbot: QtBot, session: Session, today: date, messages: RecordingMessages, tmp_path: Path
) -> ActionPlanWidget:
    case = builders.add_case(session, today=today, notified=date(2026, 11, 2))
    with session.db.transaction():
        for number in range(1, ACTIONS + 1):
            due = today + timedelta(days=number)
            builders.action_added(session, case, f"Action {number:03d}", LA, due=due)
    shown = ActionPlanWidget(
        ActionPlanService(session),
        CaseService(session),
        DirectoryService(session),
        messages,
        lambda: today,
        partnership=session.partnership,
        files=ScriptedFileDialogs(save_folder=tmp_path),
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    return shown


def actions_shown(widget: ActionPlanWidget) -> list[str]:
    model = widget.model
    return [str(model.index(row, 1).data()) for row in range(model.rowCount())]


def test_a_hundred_actions_are_shown_at_a_time(qtbot: QtBot, widget: ActionPlanWidget) -> None:
    pages = widget.pages
    assert pages.isVisible()
    assert pages.label.text() == "Showing 1 to 100 of 130 actions"
    assert actions_shown(widget)[0] == "Action 001"
    assert len(actions_shown(widget)) == 100
    assert not pages.previous_button.isEnabled()
    assert widget.summary.text() == "130 actions chosen, 0 overdue (130 in the plan)"

    qtbot.mouseClick(pages.next_button, Qt.MouseButton.LeftButton)
    assert pages.label.text() == "Showing 101 to 130 of 130 actions"
    assert actions_shown(widget) == [f"Action {n:03d}" for n in range(101, 131)]
    assert not pages.next_button.isEnabled()
    qtbot.mouseClick(pages.previous_button, Qt.MouseButton.LeftButton)
    assert actions_shown(widget)[0] == "Action 001"

    widget.status_filter.setCurrentText("Completed")  # none: the first page, and no pages
    assert actions_shown(widget) == []
    assert not pages.isVisible()


def test_an_action_saved_on_a_later_page_stays_chosen_there(
    qtbot: QtBot, widget: ActionPlanWidget, session: Session
) -> None:
    qtbot.mouseClick(widget.pages.next_button, Qt.MouseButton.LeftButton)
    widget.select_row(actions_shown(widget).index("Action 115"))
    widget.tracking_form.status.setCurrentIndex(
        widget.tracking_form.status.findData(ActionStatus.IN_PROGRESS)
    )
    qtbot.mouseClick(widget.tracking_form.save_button, Qt.MouseButton.LeftButton)

    chosen = widget.selected_action()
    assert chosen is not None
    assert chosen.action == "Action 115"
    assert widget.pages.label.text() == "Showing 101 to 130 of 130 actions"
    saved = {a.action: a.tracking.status for a in ActionPlanService(session).actions()}
    assert saved["Action 115"] is ActionStatus.IN_PROGRESS


def test_saving_as_csv_saves_every_action_the_filters_let_through(
    qtbot: QtBot, widget: ActionPlanWidget, tmp_path: Path
) -> None:
    qtbot.mouseClick(widget.export_buttons["csv"], Qt.MouseButton.LeftButton)

    saved = next(tmp_path.glob("action-plan-*.csv"))
    rows = list(csv.reader(saved.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 + ACTIONS
