"""The statutory review action plan as a PDF for the working group; overdue rows stand out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Flowable, TableStyle

from rrdesk.domain.after_meeting.action_plan import PlanAction, ShownStatus, counts_by_agency
from rrdesk.domain.timetable.bank_holidays import BankHolidayCalendar
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf.house_style import data_table, heading, para, styles
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf

TITLE = "Statutory review action plan"
OVERDUE_BACKGROUND = colors.HexColor("#f9d4d2")
OVERDUE_INK = colors.HexColor("#942514")


def status_words(action: PlanAction, today: date, calendar: BankHolidayCalendar) -> str:
    shown = action.shown_status(today)
    if shown is ShownStatus.OVERDUE:
        days = action.days_overdue(today, calendar)
        return f"OVERDUE by {days} working day{'' if days == 1 else 's'}"
    if shown is ShownStatus.COMPLETED and action.tracking.embedded_on is not None:
        return (
            f"Completed; embedded (confirmed by {action.tracking.embedded_by}, "
            f"{format_date(action.tracking.embedded_on)})"
        )
    return shown.label


def _plan_table(
    actions: Sequence[PlanAction], today: date, calendar: BankHolidayCalendar
) -> Flowable:
    rows = [
        (
            f"{a.case_reference}\n{a.review.label}",
            a.action,
            a.owner_agency,
            format_date(a.due) if a.due else "No date",
            status_words(a, today, calendar),
            a.tracking.evidence,
        )
        for a in actions
    ]
    table = data_table(
        ("Case and review", "Action", "Owner", "Due", "Status", "Evidence"),
        rows,
        (0.16, 0.26, 0.15, 0.14, 0.13, 0.16),
    )
    commands = []
    for index, action in enumerate(actions, start=1):
        if action.is_overdue(today):
            commands.append(("BACKGROUND", (0, index), (-1, index), OVERDUE_BACKGROUND))
    if commands:
        table.setStyle(TableStyle(commands))
    return table


def render_action_plan(
    actions: Sequence[PlanAction],
    today: date,
    partnership: str,
    *,
    calendar: BankHolidayCalendar,
    chosen: str = "",
) -> bytes:
    """The plan as of ``today``; ``chosen`` describes any filter, for example "Police, overdue"."""
    counts = counts_by_agency(actions, today)
    overdue = sum(1 for a in actions if a.is_overdue(today))
    story: list[Flowable] = [
        para(
            f"{len(actions)} action{'' if len(actions) == 1 else 's'}; "
            f"{overdue} overdue (shaded, and marked OVERDUE in the status column)."
        ),
    ]
    if chosen:
        story.append(para(f"Showing: {chosen}.", styles().small))
    story.append(heading("Open and overdue by agency", 1))
    story.append(
        data_table(
            ("Agency", "Open", "Overdue", "Completed", "Embedded"),
            [
                (c.agency, str(c.open), str(c.overdue), str(c.completed), str(c.embedded))
                for c in counts
            ]
            or [("No actions", "0", "0", "0", "0")],
            (0.44, 0.14, 0.14, 0.14, 0.14),
        )
    )
    story.append(heading("Actions", 1))
    if actions:
        story.append(_plan_table(actions, today, calendar))
    else:
        story.append(para("There are no actions in the plan."))
    info = DocumentInfo(
        title=TITLE,
        partnership=partnership,
        subject=TITLE,
        subtitle=f"{partnership} · as on {format_date(today)}",
    )
    return build_pdf(info, story)
