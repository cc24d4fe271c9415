"""The period report as a PDF, with the themes bar chart drawn with reportlab graphics."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from rrdesk.domain.after_meeting.review_reports import PeriodReport, median_words
from rrdesk.domain.timetable.dates import format_date
from rrdesk.exports.pdf import fonts
from rrdesk.exports.pdf.house_style import (
    CONTENT_WIDTH,
    INK,
    data_table,
    heading,
    para,
    summary_table,
)
from rrdesk.exports.pdf.page_layout import DocumentInfo, build_pdf

TITLE = "Rapid Review report"
BAR_COLOUR = colors.HexColor("#1d70b8")
_ROW = 16


def themes_chart(themes: Sequence[tuple[str, int]], width: float = CONTENT_WIDTH) -> Drawing:
    """Horizontal bars, most frequent at the top, each labelled with its count."""
    rows = list(themes)[:15]
    height = max(len(rows), 1) * _ROW + 30
    drawing = Drawing(width, height)
    if not rows:
        drawing.add(String(0, height / 2, "No themes recorded.", fontName=fonts.REGULAR))
        return drawing
    chart = HorizontalBarChart()
    label_width = width * 0.42
    chart.x = label_width
    chart.y = 18
    chart.width = width - label_width - 30
    chart.height = len(rows) * _ROW
    ordered = list(reversed(rows))
    chart.data = [[count for _, count in ordered]]
    chart.categoryAxis.categoryNames = [label for label, _ in ordered]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    top = max(count for _, count in rows)
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 5)
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BAR_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.BOLD
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def render_report(
    report: PeriodReport, partnership: str, theme_label: Callable[[str], str]
) -> bytes:
    pairs = [
        ("Period", report.period.words),
        ("Cases in the period", str(report.case_count)),
        ("Decided within 15 working days", report.on_time.words),
        ("Median working days used", median_words(report.median_days)),
        ("Local reviews commissioned", str(report.local_reviews_commissioned)),
    ]
    story: list[Flowable] = [summary_table(pairs, key_share=0.4)]
    story.append(heading("Reviews by stage", 1))
    story.append(
        data_table(
            ("Stage", "Cases"),
            [(stage.label, str(count)) for stage, count in report.by_stage]
            or [("No cases in the period", "0")],
            (0.7, 0.3),
        )
    )
    story.append(heading("Themes by frequency", 1))
    labelled = [(theme_label(key), count) for key, count in report.themes]
    story.append(themes_chart(labelled))
    story.append(heading("Actions open and overdue by agency", 1))
    story.append(para(f"As on {format_date(report.as_on)}, for actions from the period's cases."))
    story.append(
        data_table(
            ("Agency", "Open", "Of which overdue", "Completed"),
            [
                (c.agency, str(c.open), str(c.overdue), str(c.completed))
                for c in report.actions_by_agency
            ]
            or [("No actions", "0", "0", "0")],
            (0.46, 0.18, 0.18, 0.18),
        )
    )
    info = DocumentInfo(
        title=f"{TITLE}: {report.period.words}",
        partnership=partnership,
        subject=TITLE,
        heading=TITLE,
        subtitle=f"{partnership} · {report.period.words}",
    )
    return build_pdf(info, story)
