"""Saving the action plan as shown (every page of the actions chosen) as a workbook, a CSV file
or a PDF, each export recorded in the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from rrdesk.domain.after_meeting.action_plan import PlanAction
from rrdesk.services.after_meeting.action_plan_service import ActionPlanService
from rrdesk.ui.kit.save_paths import save_export
from rrdesk.ui.shell.file_dialogs import FileDialogs
from rrdesk.ui.shell.messages import Messages

FILTERS = {
    "xlsx": "Excel workbook (*.xlsx)",
    "csv": "CSV file (*.csv)",
    "pdf": "PDF document (*.pdf)",
}


def export_action_plan(
    parent: QWidget,
    kind: str,
    *,
    plan: ActionPlanService,
    actions: Sequence[PlanAction],
    today: date,
    partnership: str,
    chosen: str,
    messages: Messages,
    files: FileDialogs,
) -> None:
    """Ask where, then save ``actions`` as ``kind`` ("xlsx", "csv" or "pdf")."""
    from rrdesk.exports.pdf.action_plan_pdf import render_action_plan
    from rrdesk.exports.spreadsheets.action_plan_files import (
        action_plan_csv,
        action_plan_workbook,
    )

    def make(_path: Path) -> bytes:
        if kind == "csv":
            body = action_plan_csv(actions, today, plan.calendar)
        elif kind == "xlsx":
            body = action_plan_workbook(actions, today, partnership, plan.calendar)
        else:
            body = render_action_plan(
                actions, today, partnership, chosen=chosen, calendar=plan.calendar
            )
        plan.record_export(body, f"{kind.upper()}, {len(actions)} actions")
        return body

    save_export(
        parent,
        messages,
        files,
        title="Save the action plan",
        suggested_name=f"action-plan-{today.isoformat()}.{kind}",
        name_filter=FILTERS[kind],
        make=make,
    )
