"""Leaving the Action plan with changes to the chosen action, or an action half added, asks Save,
Discard or Stay first, as a case's pages do. The real main window, driven as a person would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rrdesk.app import AppContext, build_main_window
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.ui.after_meeting.action_plan_widget import ActionPlanWidget
from rrdesk.ui.shell.leaving import DISCARD, SAVE, STAY
from rrdesk.ui.shell.main_window import MainWindow
from tests.builders import HOUSING, SCHOOLS, action_added, add_case, add_directory
from tests.fakes import RecordingMessages

AUDIT = "Audit of school attendance for children placed out of area"
EVIDENCE = "The audit of 40 records found every absence followed up."
TENANCY = "Tell social care when a new adult joins a tenancy"


def _click_section(qtbot: QtBot, window: MainWindow, title: str) -> None:
    (item,) = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)
    centre = window.nav.visualItemRect(item).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _plan_open(
    qtbot: QtBot, context: AppContext, today: date
) -> tuple[MainWindow, ActionPlanWidget]:
    add_directory(context.session)
    case = add_case(context.session, today=today, notified=today, reference="RR-2026-021")
    action_added(context.session, case, AUDIT, SCHOOLS, due=date(2027, 1, 29))
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _click_section(qtbot, window, "Action plan")
    plan = window.section("action_plan")
    assert isinstance(plan, ActionPlanWidget)
    assert window.current_section == "action_plan"
    return window, plan


def _evidence_typed(qtbot: QtBot, plan: ActionPlanWidget) -> None:
    plan.select_row(0)
    assert plan.tracking_form.action_label.text() == f"RR-2026-021: {AUDIT} ({SCHOOLS})"
    qtbot.keyClicks(plan.tracking_form.evidence, EVIDENCE)


def _stored(context: AppContext) -> dict[str, str]:
    """Each action in the plan, with its evidence."""
    return {a.action: a.tracking.evidence for a in ActionPlanService(context.session).actions()}


def test_another_section_with_stay_keeps_the_evidence_typed(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    window, plan = _plan_open(qtbot, blank_context, today)
    _evidence_typed(qtbot, plan)
    messages.choice = STAY
    _click_section(qtbot, window, "Directory")
    assert messages.shown == [
        (
            "choose",
            "Your changes to the action plan have not been saved",
            "If you leave this page now, you lose your changes to the chosen action.",
        )
    ]
    assert messages.choices == [((SAVE, DISCARD, STAY), STAY)]
    assert window.current_section == "action_plan"
    assert plan.tracking_form.evidence.toPlainText() == EVIDENCE
    assert _stored(blank_context) == {AUDIT: ""}


def test_another_section_with_discard_forgets_the_evidence(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    window, plan = _plan_open(qtbot, blank_context, today)
    _evidence_typed(qtbot, plan)
    messages.choice = DISCARD
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert _stored(blank_context) == {AUDIT: ""}
    _click_section(qtbot, window, "Action plan")
    plan.select_row(0)
    assert plan.tracking_form.evidence.toPlainText() == ""
    assert len(messages.asked) == 1, "asked once only"


def test_save_on_leaving_stores_the_evidence(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    window, plan = _plan_open(qtbot, blank_context, today)
    _evidence_typed(qtbot, plan)
    messages.choice = SAVE
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert _stored(blank_context) == {AUDIT: EVIDENCE}


def test_an_action_half_added_is_added_by_save(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    window, plan = _plan_open(qtbot, blank_context, today)
    qtbot.keyClicks(plan.add_form.text, TENANCY)
    plan.add_form.owner.setEditText(HOUSING)
    messages.choice = SAVE
    _click_section(qtbot, window, "Directory")
    assert messages.asked == ["Your changes to the action plan have not been saved"]
    assert messages.texts == ["If you leave this page now, you lose the action you were adding."]
    assert window.current_section == "directory"
    assert _stored(blank_context) == {AUDIT: "", TENANCY: ""}
    (added,) = [
        a for a in ActionPlanService(blank_context.session).actions() if a.action == TENANCY
    ]
    assert (added.case_reference, added.owner_agency) == ("RR-2026-021", HOUSING)


def test_an_action_that_cannot_be_added_stays_with_its_problem(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    window, plan = _plan_open(qtbot, blank_context, today)
    qtbot.keyClicks(plan.add_form.text, TENANCY)
    messages.choice = SAVE
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "action_plan"
    assert messages.shown[-1][:2] == ("error", "The action was not added")
    assert plan.add_form.text.toPlainText() == TENANCY
    assert _stored(blank_context) == {AUDIT: ""}


def test_nothing_typed_asks_nothing(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    window, plan = _plan_open(qtbot, blank_context, today)
    plan.select_row(0)
    _click_section(qtbot, window, "Directory")
    assert window.current_section == "directory"
    assert messages.choices == []


def _click_row(qtbot: QtBot, plan: ActionPlanWidget, action: str) -> None:
    model = plan.table.model()
    (row,) = [r for r in range(model.rowCount()) if plan.model.action_at(r).action == action]
    centre = plan.table.visualRect(model.index(row, 0)).center()
    qtbot.mouseClick(plan.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_another_action_chosen_with_changes_asks_and_stay_keeps_them(
    qtbot: QtBot, blank_context: AppContext, messages: RecordingMessages, today: date
) -> None:
    case = add_case(blank_context.session, today=today, notified=today, reference="RR-2026-022")
    action_added(blank_context.session, case, TENANCY, HOUSING, due=date(2027, 2, 26))
    _window, plan = _plan_open(qtbot, blank_context, today)
    _click_row(qtbot, plan, AUDIT)
    qtbot.keyClicks(plan.tracking_form.evidence, EVIDENCE)
    messages.choice = STAY
    _click_row(qtbot, plan, TENANCY)
    assert messages.asked == ["Your changes to the chosen action have not been saved"]
    assert plan.selected_action().action == AUDIT
    assert plan.tracking_form.evidence.toPlainText() == EVIDENCE
    assert _stored(blank_context)[AUDIT] == ""

    messages.choice = SAVE
    _click_row(qtbot, plan, TENANCY)
    assert _stored(blank_context)[AUDIT] == EVIDENCE
    assert plan.selected_action().action == TENANCY
    assert TENANCY in plan.tracking_form.action_label.text()
    assert len(messages.asked) == 2
    _click_row(qtbot, plan, AUDIT)
    assert len(messages.asked) == 2, "nothing changed since, so nothing is asked"
    assert plan.tracking_form.evidence.toPlainText() == EVIDENCE
