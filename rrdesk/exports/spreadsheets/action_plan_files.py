"""The action plan and the themes log as CSV and Excel files for the working group.

Cells that a spreadsheet would read as a formula (starting ``=``, ``+``, ``-``, ``@``) are
prefixed with an apostrophe in CSV, so opening the file runs nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from rrdesk.domain.after_meeting.action_plan import PlanAction, ShownStatus, counts_by_agency
from rrdesk.domain.after_meeting.themes import CaseThemes, ThemeTaxonomy

ACTION_COLUMNS = (
    "Case reference",
    "Review",
    "Source",
    "Action",
    "Owner agency",
    "Due date",
    "Status",
    "Days overdue",
    "Evidence of completion",
    "Completed on",
    "Embedded",
    "Embedded confirmed by",
    "Embedded on",
)
THEME_COLUMNS = (
    "Log",
    "Case reference",
    "Child (pseudonym)",
    "Stage",
    "Date",
    "Theme key",
    "Theme",
)
OVERDUE_FILL = "F9D4D2"
OVERDUE_INK = "942514"
_DATE_FORMAT = "d mmmm yyyy"


def _safe(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _action_row(action: PlanAction, today: date) -> list[str | int | date | None]:
    t = action.tracking
    return [
        action.case_reference,
        action.review.label,
        action.source.label,
        action.action,
        action.owner_agency,
        action.due,
        action.shown_status(today).label,
        action.days_overdue(today) or None,
        t.evidence,
        t.completed_on,
        "Yes" if t.embedded else "No",
        t.embedded_by,
        t.embedded_on,
    ]


def _csv_bytes(header: Sequence[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_safe(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def action_plan_csv(actions: Sequence[PlanAction], today: date) -> bytes:
    """UTF-8 CSV (with a byte order mark, so Excel reads accents); dates as YYYY-MM-DD."""
    rows = []
    for action in actions:
        row = _action_row(action, today)
        rows.append(
            [
                _iso(cell) if isinstance(cell, date) else ("" if cell is None else str(cell))
                for cell in row
            ]
        )
    return _csv_bytes(ACTION_COLUMNS, rows)


def action_plan_workbook(actions: Sequence[PlanAction], today: date, partnership: str) -> bytes:
    """An Excel workbook: the plan (overdue rows shaded, with "Overdue" in the status) and a
    sheet of open and overdue actions by agency."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append(list(ACTION_COLUMNS))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    fill = PatternFill("solid", start_color=OVERDUE_FILL, end_color=OVERDUE_FILL)
    for action in actions:
        sheet.append(_action_row(action, today))
        row = sheet.max_row
        for column in (6, 10, 13):
            sheet.cell(row, column).number_format = _DATE_FORMAT
        for column in range(1, len(ACTION_COLUMNS) + 1):
            cell = sheet.cell(row, column)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.data_type == "f":  # typed text such as "=SUM(...)" stays text
                cell.data_type = "s"
        if action.shown_status(today) is ShownStatus.OVERDUE:
            for column in range(1, len(ACTION_COLUMNS) + 1):
                sheet.cell(row, column).fill = fill
            sheet.cell(row, 7).font = Font(bold=True, color=OVERDUE_INK)
    widths = (14, 18, 16, 60, 30, 16, 13, 9, 40, 16, 10, 24, 16)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ACTION_COLUMNS))}{max(sheet.max_row, 1)}"
    summary = book.create_sheet("By agency")
    summary.append(["Agency", "Open", "Of which overdue", "Completed", "Embedded"])
    for cell in summary[1]:
        cell.font = bold
    for count in counts_by_agency(actions, today):
        summary.append([count.agency, count.open, count.overdue, count.completed, count.embedded])
    summary.column_dimensions["A"].width = 44
    book.properties.title = "Statutory review action plan"
    book.properties.creator = partnership
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def themes_csv(entries: Sequence[CaseThemes], taxonomy: ThemeTaxonomy) -> bytes:
    """One row per case and theme (a case with no themes yet has one row with the theme blank)."""
    rows: list[list[str]] = []
    for entry in entries:
        keys = entry.theme_keys or ("",)
        for key in keys:
            rows.append(
                [
                    entry.log.label,
                    entry.reference,
                    entry.pseudonyms,
                    entry.stage.label,
                    _iso(entry.on),
                    key,
                    taxonomy.label_of(key) if key else "",
                ]
            )
    return _csv_bytes(THEME_COLUMNS, rows)
