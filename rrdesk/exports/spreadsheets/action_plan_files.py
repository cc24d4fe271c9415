"""The action plan and the themes log as CSV and Excel files for the working group.

Text a spreadsheet could read as a formula or a command (starting ``=``, ``+``, ``-``, ``@``,
``|``, a tab or a carriage return, or the full-width forms of the first five) is prefixed with
an apostrophe in every cell of the CSV and of every sheet of the workbook, so opening the file
runs nothing. Every sheet prints OFFICIAL-SENSITIVE in its header and footer, landscape and one
page wide, with the header row frozen and repeated on each printed page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rrdesk.domain.after_meeting.action_plan import PlanAction, ShownStatus, counts_by_agency
from rrdesk.domain.after_meeting.themes import CaseThemes, ThemeTaxonomy
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar

ACTION_COLUMNS = (
    "Case reference",
    "Review",
    "Source",
    "Action",
    "Owner agency",
    "Due date",
    "Status",
    "Working days overdue",
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


MARKING = "OFFICIAL-SENSITIVE"
FORMULA_STARTS = frozenset("=+-@|\t\r\uff1d\uff0b\uff0d\uff20\uff5c")
"""First characters that make a spreadsheet read text as a formula or a command (with the
full-width equals, plus, minus, at and bar some spreadsheets also take)."""


def _safe(value: str) -> str:
    return "'" + value if value[:1] in FORMULA_STARTS else value


def _write_row(sheet: Worksheet, values: Sequence[object]) -> int:
    """Append ``values``; text is made safe and kept as text. Returns the row number."""
    sheet.append([_safe(v) if isinstance(v, str) else v for v in values])
    row: int = sheet.max_row
    for cell in sheet[row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # never a formula, whatever openpyxl guessed
    return row


def _print_set_up(sheet: Worksheet, partnership: str, widths: Sequence[int]) -> None:
    """The header row bold, frozen and repeated on every page; landscape, one page wide;
    OFFICIAL-SENSITIVE in the header and footer, with the partnership and page numbers."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    for header_footer in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
        header_footer.center.text = MARKING
        header_footer.center.font = "Arial,Bold"
    for header_footer in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        header_footer.left.text = partnership.replace("&", "&&")
        header_footer.center.text = MARKING
        header_footer.center.font = "Arial,Bold"
        header_footer.right.text = "Page &P of &N"


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _action_row(
    action: PlanAction, today: date, calendar: BankHolidayCalendar
) -> list[str | int | date | None]:
    t = action.tracking
    return [
        action.case_reference,
        action.review.label,
        action.source.label,
        action.action,
        action.owner_agency,
        action.due,
        action.shown_status(today).label,
        action.days_overdue(today, calendar) or None,
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


def action_plan_csv(
    actions: Sequence[PlanAction], today: date, calendar: BankHolidayCalendar
) -> bytes:
    """UTF-8 CSV (with a byte order mark, so Excel reads accents); dates as YYYY-MM-DD."""
    rows = []
    for action in actions:
        row = _action_row(action, today, calendar)
        rows.append(
            [
                _iso(cell) if isinstance(cell, date) else ("" if cell is None else str(cell))
                for cell in row
            ]
        )
    return _csv_bytes(ACTION_COLUMNS, rows)


def action_plan_workbook(
    actions: Sequence[PlanAction], today: date, partnership: str, calendar: BankHolidayCalendar
) -> bytes:
    """An Excel workbook: the plan (overdue rows shaded, with "Overdue" in the status) and a
    sheet of open and overdue actions by agency."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Action plan"
    _write_row(sheet, ACTION_COLUMNS)
    fill = PatternFill("solid", start_color=OVERDUE_FILL, end_color=OVERDUE_FILL)
    for action in actions:
        row = _write_row(sheet, _action_row(action, today, calendar))
        for column in (6, 10, 13):
            sheet.cell(row, column).number_format = _DATE_FORMAT
        for column in range(1, len(ACTION_COLUMNS) + 1):
            sheet.cell(row, column).alignment = Alignment(wrap_text=True, vertical="top")
        if action.shown_status(today) is ShownStatus.OVERDUE:
            for column in range(1, len(ACTION_COLUMNS) + 1):
                sheet.cell(row, column).fill = fill
            sheet.cell(row, 7).font = Font(bold=True, color=OVERDUE_INK)
    _print_set_up(sheet, partnership, (14, 18, 16, 60, 30, 16, 13, 9, 40, 16, 10, 24, 16))
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ACTION_COLUMNS))}{max(sheet.max_row, 1)}"
    summary = book.create_sheet("By agency")
    _write_row(summary, ("Agency", "Open", "Of which overdue", "Completed", "Embedded"))
    for count in counts_by_agency(actions, today):
        _write_row(
            summary, (count.agency, count.open, count.overdue, count.completed, count.embedded)
        )
    _print_set_up(summary, partnership, (44, 10, 16, 12, 12))
    book.properties.title = f"{MARKING}: statutory review action plan"
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
